// Reads TypeScript sources with the compiler API and appends items to object literals and
// destructuring lists, keeping the file's own layout: its indentation unit, trailing commas,
// blank lines between items, and one-line lists that still fit in 100 columns.
import ts from 'typescript';

import { NewCommandError } from './errors';

const MAX_LINE_WIDTH = 100;

/** A parsed source file and its name for messages, relative to the project root. */
export interface SourceFile {
  file: string;
  text: string;
  source: ts.SourceFile;
}

/** A text replacement: `text` replaces the characters from `start` to `end`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** The `{ ... }` of an object literal or an object destructuring pattern, and its items. */
export interface BraceList {
  node: ts.ObjectLiteralExpression | ts.ObjectBindingPattern;
  items: readonly ts.Node[];
  hasTrailingComma: boolean;
}

/** Parses a TypeScript file; a syntax error rejects the request with its line and column. */
export function parseSource(file: string, text: string): SourceFile {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const problem = firstSyntaxError(source);
  if (problem) {
    throw new NewCommandError(
      `${file}:${problem.where}: syntax error (${problem.message}). Fix it (the build shows the ` +
        'same error) and run the command again.',
    );
  }
  return { file, text, source };
}

/** Applies edits and checks that the result still parses, as a guard against a wrong edit. */
export function applyTextEdits(parsed: SourceFile, edits: TextEdit[]): string {
  // Applied from the end of the file backwards. Of two insertions at one offset, the one listed
  // first ends up first in the text, so it is applied last.
  const ordered = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => b.edit.start - a.edit.start || b.index - a.index);
  let text = parsed.text;
  for (const { edit } of ordered) {
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  }

  const check = ts.createSourceFile(parsed.file, text, ts.ScriptTarget.Latest, true);
  const problem = firstSyntaxError(check);
  if (problem) {
    throw new Error(
      `npm run new produced invalid TypeScript for ${parsed.file}:${problem.where} ` +
        `(${problem.message})`,
    );
  }
  return text;
}

/** Returns the "line:column" and message of the first syntax error, if there is one. */
function firstSyntaxError(source: ts.SourceFile): { where: string; message: string } | undefined {
  // parseDiagnostics contains the parser's errors; the public API reaches them only through a
  // Program, which would also load every import.
  const diagnostics = (source as unknown as { parseDiagnostics?: ts.Diagnostic[] })
    .parseDiagnostics;
  const first = diagnostics?.[0];
  if (!first || first.start === undefined) return undefined;

  const { line, character } = source.getLineAndCharacterOfPosition(first.start);
  const message = ts.flattenDiagnosticMessageText(first.messageText, ' ');
  return { where: `${line + 1}:${character + 1}`, message };
}

/** Returns "file:line:column" of a node's first character (1-based), for messages. */
export function positionOf(parsed: SourceFile, node: ts.Node): string {
  const start = node.getStart(parsed.source);
  const { line, character } = parsed.source.getLineAndCharacterOfPosition(start);
  return `${parsed.file}:${line + 1}:${character + 1}`;
}

/**
 * Returns a description of the first item whose name can't be read without running the code:
 * a spread, a rest element or a computed name. Undefined when every name is written out.
 */
export function unreadableItem(parsed: SourceFile, list: BraceList): string | undefined {
  for (const item of list.items) {
    const spread =
      ts.isSpreadAssignment(item) || (ts.isBindingElement(item) && item.dotDotDotToken);
    const name = ts.isBindingElement(item)
      ? (item.propertyName ?? item.name)
      : (item as ts.ObjectLiteralElementLike).name;
    if (spread) return `${positionOf(parsed, item)}: a spread ("...")`;
    if (staticName(name) === undefined) return `${positionOf(parsed, item)}: a computed name`;
  }
  return undefined;
}

/** Returns the text of a property or binding name that is a plain name or a literal. */
export function staticName(name: ts.Node | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/**
 * Builds the edits that append `item` to a brace list. `item` is written with two spaces per
 * level and re-indented to the file's unit; it carries no trailing comma.
 */
export function appendToBraceList(parsed: SourceFile, list: BraceList, item: string): TextEdit[] {
  const text = parsed.text;
  const open = list.node.getStart(parsed.source);
  const close = list.node.getEnd() - 1;
  const unit = indentUnit(text);
  const outer = lineIndent(text, open);

  if (list.items.length === 0) {
    return [{ start: open + 1, end: close, text: emptyListContent(list, item, outer, unit) }];
  }

  const onOneLine = !text.slice(open, close).includes('\n');
  if (onOneLine) return appendOnOneLine(parsed, list, item, outer, unit);
  return appendOnOwnLine(parsed, list, item, unit);
}

function emptyListContent(list: BraceList, item: string, outer: string, unit: string): string {
  if (ts.isObjectBindingPattern(list.node) && !item.includes('\n')) return ` ${item} `;
  return `\n${indentLines(item, outer + unit, unit)},\n${outer}`;
}

/** Appends inline when the line still fits, or else puts every item on its own line. */
function appendOnOneLine(
  parsed: SourceFile,
  list: BraceList,
  item: string,
  outer: string,
  unit: string,
): TextEdit[] {
  const text = parsed.text;
  const last = list.items[list.items.length - 1];
  const lineStart = text.lastIndexOf('\n', last.getEnd()) + 1;
  const lineEnd = text.indexOf('\n', last.getEnd());
  const lineLength = (lineEnd === -1 ? text.length : lineEnd) - lineStart;
  if (!item.includes('\n') && lineLength + item.length + 2 <= MAX_LINE_WIDTH) {
    return [{ start: last.getEnd(), end: last.getEnd(), text: `, ${item}` }];
  }

  const open = list.node.getStart(parsed.source);
  const close = list.node.getEnd() - 1;
  const inner = outer + unit;
  const existing = list.items.map((node) => `${inner}${node.getText(parsed.source)},\n`);
  const added = `${indentLines(item, inner, unit)},\n`;
  return [{ start: open + 1, end: close, text: `\n${existing.join('')}${added}${outer}` }];
}

/** Appends after the last item of a list that already has one item per line. */
function appendOnOwnLine(
  parsed: SourceFile,
  list: BraceList,
  item: string,
  unit: string,
): TextEdit[] {
  const text = parsed.text;
  const items = list.items;
  const last = items[items.length - 1];
  const indent = lineIndent(text, last.getStart(parsed.source));
  const edits: TextEdit[] = [];

  let afterLast = last.getEnd();
  if (list.hasTrailingComma) {
    afterLast = text.indexOf(',', afterLast) + 1;
  } else {
    edits.push({ start: afterLast, end: afterLast, text: ',' });
  }

  // Insert at the end of the line, so a comment after the last item stays with it.
  const restOfLine = /^[^\S\n]*(\/\/[^\n]*)?(?=\n)/.exec(text.slice(afterLast));
  const insertAt = restOfLine ? afterLast + restOfLine[0].length : afterLast;
  const separator = items.length >= 2 && blankLineBetween(parsed, items) ? '\n\n' : '\n';
  const comma = list.hasTrailingComma ? ',' : '';
  edits.push({
    start: insertAt,
    end: insertAt,
    text: `${separator}${indentLines(item, indent, unit)}${comma}`,
  });
  return edits;
}

/**
 * Builds the edit that inserts a top-level statement after `anchor`, with one blank line before
 * it and, when another line follows at once, one after it. `statement` is written with two spaces
 * per level and re-indented to the file's unit.
 */
export function insertStatementAfter(
  parsed: SourceFile,
  anchor: ts.Statement,
  statement: string,
): TextEdit {
  const text = parsed.text;
  const afterAnchor = anchor.getEnd();

  // Insert at the end of the line, so a comment after the anchor stays with it.
  const restOfLine = /^[^\S\n]*(\/\/[^\n]*)?(?=\n|$)/.exec(text.slice(afterAnchor));
  const insertAt = afterAnchor + (restOfLine?.[0].length ?? 0);
  const nextLineUsed = /^\n[^\S\n]*\S/.test(text.slice(insertAt));
  const body = indentLines(statement, '', indentUnit(text));
  return { start: insertAt, end: insertAt, text: `\n\n${body}${nextLineUsed ? '\n' : ''}` };
}

/** True when the last two items are separated by an empty line. */
function blankLineBetween(parsed: SourceFile, items: readonly ts.Node[]): boolean {
  const previous = items[items.length - 2];
  const last = items[items.length - 1];
  const between = parsed.text.slice(previous.getEnd(), last.getStart(parsed.source));
  return /\n[^\S\n]*\n/.test(between);
}

/** Indents each line of `item` by `base`, turning each two leading spaces into `unit`. */
function indentLines(item: string, base: string, unit: string): string {
  return item
    .split('\n')
    .map((line) => {
      if (line === '') return line;
      const spaces = /^ */.exec(line)?.[0].length ?? 0;
      return base + unit.repeat(Math.floor(spaces / 2)) + line.slice(spaces);
    })
    .join('\n');
}

/** Returns the leading whitespace of the line that contains `offset`. */
export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/** Detects the file's indentation unit: the leading whitespace of its first indented code line. */
function indentUnit(text: string): string {
  // A line starting with "*" continues a block comment, whose indent is one space.
  const indented = /^([ \t]+)[^\s*]/m.exec(text);
  if (!indented) return '  ';
  return indented[1].startsWith('\t') ? '\t' : indented[1];
}

/** Collects the value names a file declares at its top level: imports, functions, classes, variables. */
export function topLevelNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const addBinding = (name: ts.BindingName) => {
    if (ts.isIdentifier(name)) {
      names.add(name.text);
      return;
    }
    for (const element of name.elements) {
      if (ts.isBindingElement(element)) addBinding(element.name);
    }
  };

  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name) names.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) {
        bindings.elements.forEach((element) => names.add(element.name.text));
      }
    } else if (ts.isVariableStatement(statement)) {
      statement.declarationList.declarations.forEach((declaration) => addBinding(declaration.name));
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      names.add(statement.name.text);
    }
  }
  return names;
}
