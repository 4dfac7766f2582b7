// A strict AXML reader. HTML and XML parsers break on `{{a<b}}`, so `{{ }}` expressions are
// masked first: their inner characters become spaces (line breaks kept), which leaves every
// offset unchanged. The tags of the masked text are then read as XML: every element closed,
// attribute values quoted, no bare "<" in text. It stops at the first structural error.

/** A `{{ }}` expression: its inner text and the offset of that text in the file. */
export interface AxmlExpression {
  text: string;
  offset: number;
}

export interface AxmlAttribute {
  name: string;
  /** The value as written (expressions unmasked), or undefined for a bare attribute. */
  value: string | undefined;
  nameOffset: number;
  /** Offset of the value's first character, after the opening quote. */
  valueOffset: number;
  expressions: AxmlExpression[];
}

export interface AxmlElement {
  type: 'element';
  name: string;
  /** Offset of the "<" that opens the tag. */
  offset: number;
  attributes: AxmlAttribute[];
  children: AxmlNode[];
}

export interface AxmlText {
  type: 'text';
  text: string;
  offset: number;
  expressions: AxmlExpression[];
}

export interface AxmlComment {
  type: 'comment';
  offset: number;
}

export type AxmlNode = AxmlElement | AxmlText | AxmlComment;

export interface AxmlProblem {
  message: string;
  offset: number;
}

export interface AxmlDocument {
  children: AxmlNode[];
  /** Every expression in the file, in text and in attributes. */
  expressions: AxmlExpression[];
  /** The first structural error, if any. The tree then contains what was read before it. */
  error?: AxmlProblem;
}

/** Reads AXML text into elements, text and expressions. */
export function parseAxml(text: string): AxmlDocument {
  const masked = maskExpressions(text);
  const reader = new TagReader(text, masked.text, masked.expressions);
  const error = masked.error ?? reader.read();
  return { children: reader.rootChildren, expressions: masked.expressions, error };
}

/** Returns the attribute with a name, if the element has it. */
export function attributeOf(element: AxmlElement, name: string): AxmlAttribute | undefined {
  return element.attributes.find((attribute) => attribute.name === name);
}

/** Visits every element of a tree, parents before children. */
export function walkElements(nodes: AxmlNode[], visit: (element: AxmlElement) => void): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    visit(node);
    walkElements(node.children, visit);
  }
}

interface MaskResult {
  text: string;
  expressions: AxmlExpression[];
  error?: AxmlProblem;
}

/** Blanks the inside of every `{{ }}` outside comments, keeping line breaks and offsets. */
export function maskExpressions(text: string): MaskResult {
  const chars = text.split('');
  const expressions: AxmlExpression[] = [];
  let index = 0;

  while (index < text.length) {
    if (text.startsWith('<!--', index)) {
      const end = text.indexOf('-->', index + 4);
      index = end === -1 ? text.length : end + 3;
      continue;
    }
    if (!text.startsWith('{{', index)) {
      index++;
      continue;
    }

    const start = index + 2;
    const end = findExpressionEnd(text, start);
    if (end === -1) {
      return {
        text: chars.join(''),
        expressions,
        error: { message: 'unclosed "{{": add the closing "}}"', offset: index },
      };
    }
    expressions.push({ text: text.slice(start, end), offset: start });
    for (let i = start; i < end; i++) {
      if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
    }
    index = end + 2;
  }

  return { text: chars.join(''), expressions };
}

/** Finds the "}}" that closes an expression, skipping string literals and nested braces. */
function findExpressionEnd(text: string, start: number): number {
  let depth = 0;
  let quote: string | undefined;

  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === "'" || char === '"' || char === '`') quote = char;
    else if (char === '{') depth++;
    else if (char === '}' && depth > 0) depth--;
    else if (char === '}' && text[i + 1] === '}') return i;
  }
  return -1;
}

const TAG_NAME = /[A-Za-z][\w:.-]*/y;
const CLOSING_TAG = /<\/([A-Za-z][\w:.-]*)\s*>/y;
const ATTRIBUTE_NAME = /[^\s"'<>/=]+/y;

class StructureError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

class TagReader {
  readonly rootChildren: AxmlNode[] = [];
  private readonly open: AxmlElement[] = [];
  private offset = 0;

  constructor(
    private readonly source: string,
    private readonly masked: string,
    private readonly expressions: AxmlExpression[],
  ) {}

  read(): AxmlProblem | undefined {
    try {
      this.readNodes();
      return undefined;
    } catch (error) {
      if (!(error instanceof StructureError)) throw error;
      return { message: error.message, offset: error.offset };
    }
  }

  private readNodes(): void {
    while (this.offset < this.masked.length) {
      const lessThan = this.masked.indexOf('<', this.offset);
      const textEnd = lessThan === -1 ? this.masked.length : lessThan;
      this.addText(this.offset, textEnd);
      if (lessThan === -1) break;

      this.offset = lessThan;
      if (this.masked.startsWith('<!--', lessThan)) this.readComment();
      else if (this.masked.startsWith('</', lessThan)) this.readClosingTag();
      else this.readOpeningTag();
    }

    const unclosed = this.open.at(-1);
    if (unclosed) {
      throw new StructureError(
        `<${unclosed.name}> is never closed: add </${unclosed.name}> or write <${unclosed.name} />`,
        unclosed.offset,
      );
    }
  }

  private get children(): AxmlNode[] {
    return this.open.at(-1)?.children ?? this.rootChildren;
  }

  private addText(start: number, end: number): void {
    if (end <= start) return;
    this.children.push({
      type: 'text',
      text: this.source.slice(start, end),
      offset: start,
      expressions: this.expressionsIn(start, end),
    });
  }

  private readComment(): void {
    const start = this.offset;
    const end = this.masked.indexOf('-->', start + 4);
    if (end === -1) throw new StructureError('unclosed comment: add "-->"', start);
    this.children.push({ type: 'comment', offset: start });
    this.offset = end + 3;
  }

  private readClosingTag(): void {
    const start = this.offset;
    CLOSING_TAG.lastIndex = start;
    const match = CLOSING_TAG.exec(this.masked);
    if (!match) throw new StructureError('invalid closing tag: write </name>', start);

    const name = match[1];
    const element = this.open.at(-1);
    if (!element) throw new StructureError(`closing tag </${name}> has no opening tag`, start);
    if (element.name !== name) {
      throw new StructureError(
        `closing tag </${name}> does not match <${element.name}>: close <${element.name}> first`,
        start,
      );
    }
    this.open.pop();
    this.offset = start + match[0].length;
  }

  private readOpeningTag(): void {
    const start = this.offset;
    TAG_NAME.lastIndex = start + 1;
    const match = TAG_NAME.exec(this.masked);
    if (!match) {
      throw new StructureError('unexpected "<": write &lt; for a "<" in text', start);
    }

    const element: AxmlElement = {
      type: 'element',
      name: match[0],
      offset: start,
      attributes: [],
      children: [],
    };
    this.children.push(element);
    this.offset = start + 1 + match[0].length;

    const selfClosing = this.readAttributes(element);
    if (!selfClosing) this.open.push(element);
  }

  /** Reads attributes up to the end of the tag, and returns true for a tag that ends with "/>". */
  private readAttributes(element: AxmlElement): boolean {
    for (;;) {
      const spaced = this.skipWhitespace();
      const char = this.masked[this.offset];
      if (char === undefined) {
        throw new StructureError(`tag <${element.name}> is not finished: add ">"`, element.offset);
      }
      if (char === '>') {
        this.offset++;
        return false;
      }
      if (this.masked.startsWith('/>', this.offset)) {
        this.offset += 2;
        return true;
      }
      if (!spaced) {
        throw new StructureError(`missing space before ${JSON.stringify(char)}`, this.offset);
      }
      element.attributes.push(this.readAttribute(element));
    }
  }

  private readAttribute(element: AxmlElement): AxmlAttribute {
    const nameOffset = this.offset;
    ATTRIBUTE_NAME.lastIndex = nameOffset;
    const match = ATTRIBUTE_NAME.exec(this.masked);
    if (!match) {
      const char = JSON.stringify(this.masked[nameOffset]);
      throw new StructureError(`unexpected ${char} in tag <${element.name}>`, nameOffset);
    }

    const name = match[0];
    if (element.attributes.some((attribute) => attribute.name === name)) {
      throw new StructureError(`duplicate attribute "${name}" on <${element.name}>`, nameOffset);
    }
    this.offset = nameOffset + name.length;

    const afterName = this.offset;
    this.skipWhitespace();
    if (this.masked[this.offset] !== '=') {
      this.offset = afterName;
      return { name, value: undefined, nameOffset, valueOffset: afterName, expressions: [] };
    }
    this.offset++;
    this.skipWhitespace();

    const quote = this.masked[this.offset];
    if (quote !== '"' && quote !== "'") {
      throw new StructureError(`value of attribute "${name}" must be in quotes`, this.offset);
    }
    const valueOffset = this.offset + 1;
    const end = this.masked.indexOf(quote, valueOffset);
    if (end === -1) {
      throw new StructureError(`value of attribute "${name}" has no closing ${quote}`, this.offset);
    }
    this.offset = end + 1;

    return {
      name,
      value: this.source.slice(valueOffset, end),
      nameOffset,
      valueOffset,
      expressions: this.expressionsIn(valueOffset, end),
    };
  }

  private skipWhitespace(): boolean {
    const start = this.offset;
    while (/\s/.test(this.masked[this.offset] ?? '')) this.offset++;
    return this.offset > start;
  }

  private expressionsIn(start: number, end: number): AxmlExpression[] {
    return this.expressions.filter((expression) => {
      return expression.offset >= start && expression.offset < end;
    });
  }
}
