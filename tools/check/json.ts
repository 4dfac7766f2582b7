// A JSON parser that reports the line and column of a syntax error and records where each
// value starts, so a finding about `pages[2]` can point at that string in app.json.
// JSON.parse in Node 20 gives no position for most errors, hence this small parser.
import { LineIndex, type Position } from './position';

export class JsonSyntaxError extends Error {
  override name = 'JsonSyntaxError';

  constructor(
    message: string,
    readonly position: Position,
  ) {
    super(message);
  }
}

/** A parsed JSON file: its value and the position of every value by its key path. */
export interface JsonDocument {
  value: unknown;
  /** Finds where the value at a key path starts, or where the file starts if it has none. */
  positionOf(path: ReadonlyArray<string | number>): Position;
}

/** Parses JSON text, throwing `JsonSyntaxError` with the position of the first error. */
export function parseJson(text: string): JsonDocument {
  const parser = new JsonParser(text);
  const value = parser.parseDocument();
  const { starts, lines } = parser;
  return {
    value,
    positionOf(path) {
      const offset = starts.get(pathKey(path)) ?? 0;
      return lines.position(offset);
    },
  };
}

function pathKey(path: ReadonlyArray<string | number>): string {
  return JSON.stringify(path);
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonParser {
  readonly starts = new Map<string, number>();
  readonly lines: LineIndex;
  private offset = 0;

  constructor(private readonly text: string) {
    this.lines = new LineIndex(text);
    // A UTF-8 byte order mark is accepted by the IDE's tools and by most editors.
    if (text.charCodeAt(0) === 0xfeff) this.offset = 1;
  }

  parseDocument(): unknown {
    this.skipWhitespace();
    if (this.offset >= this.text.length) this.fail('empty file; expected a JSON value');

    const value = this.parseValue([]);
    this.skipWhitespace();
    if (this.offset < this.text.length)
      this.fail(`unexpected ${this.describe()} after the JSON value`);
    return value;
  }

  private parseValue(path: Array<string | number>): unknown {
    this.starts.set(pathKey(path), this.offset);
    const char = this.text[this.offset];

    if (char === '{') return this.parseObject(path);
    if (char === '[') return this.parseArray(path);
    if (char === '"') return this.parseString();
    if (char === '-' || (char >= '0' && char <= '9')) return this.parseNumber();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.offset)) {
        this.offset += word.length;
        return value;
      }
    }
    return this.fail(`unexpected ${this.describe()}; expected a JSON value`);
  }

  private parseObject(path: Array<string | number>): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    this.offset++;
    this.skipWhitespace();
    if (this.text[this.offset] === '}') {
      this.offset++;
      return object;
    }

    for (;;) {
      this.skipWhitespace();
      if (this.text[this.offset] !== '"') {
        this.fail(`unexpected ${this.describe()}; expected a property name in double quotes`);
      }
      const key = this.parseString();
      this.skipWhitespace();
      this.expect(':', 'after the property name');
      this.skipWhitespace();
      object[key] = this.parseValue([...path, key]);
      this.skipWhitespace();
      if (this.text[this.offset] === ',') {
        const comma = this.offset;
        this.offset++;
        this.skipWhitespace();
        if (this.text[this.offset] === '}') this.fail('trailing comma before "}"', comma);
        continue;
      }
      this.expect('}', 'or "," after the property value');
      return object;
    }
  }

  private parseArray(path: Array<string | number>): unknown[] {
    const array: unknown[] = [];
    this.offset++;
    this.skipWhitespace();
    if (this.text[this.offset] === ']') {
      this.offset++;
      return array;
    }

    for (;;) {
      this.skipWhitespace();
      array.push(this.parseValue([...path, array.length]));
      this.skipWhitespace();
      if (this.text[this.offset] === ',') {
        const comma = this.offset;
        this.offset++;
        this.skipWhitespace();
        if (this.text[this.offset] === ']') this.fail('trailing comma before "]"', comma);
        continue;
      }
      this.expect(']', 'or "," after the array element');
      return array;
    }
  }

  private parseString(): string {
    const start = this.offset;
    this.offset++;
    for (;;) {
      const char = this.text[this.offset];
      if (char === undefined) {
        this.offset = start;
        this.fail('unterminated string');
      }
      if (char === '"') break;
      if (char < ' ') this.fail('control character in string; escape it (for example \\n)');
      if (char === '\\') this.skipEscape();
      else this.offset++;
    }
    this.offset++;
    return JSON.parse(this.text.slice(start, this.offset)) as string;
  }

  private skipEscape(): void {
    const next = this.text[this.offset + 1];
    if (
      next === 'u' &&
      /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.offset + 2, this.offset + 6))
    ) {
      this.offset += 6;
      return;
    }
    if (next !== undefined && ESCAPES.has(next)) {
      this.offset += 2;
      return;
    }
    this.fail('invalid escape sequence in string');
  }

  private parseNumber(): number {
    NUMBER.lastIndex = this.offset;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail(`invalid number`);
    this.offset += match[0].length;
    return Number(match[0]);
  }

  private skipWhitespace(): void {
    while (WHITESPACE.has(this.text[this.offset])) this.offset++;
  }

  private expect(char: string, context: string): void {
    if (this.text[this.offset] !== char) {
      this.fail(`unexpected ${this.describe()}; expected "${char}" ${context}`);
    }
    this.offset++;
  }

  private describe(): string {
    const char = this.text[this.offset];
    if (char === undefined) return 'end of file';
    if (this.text.startsWith('//', this.offset) || this.text.startsWith('/*', this.offset)) {
      return 'comment (JSON has no comments)';
    }
    return JSON.stringify(char);
  }

  private fail(message: string, offset = this.offset): never {
    throw new JsonSyntaxError(message, this.lines.position(offset));
  }
}
