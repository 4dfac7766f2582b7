// Edits app.json and plugin.json in place with jsonc-parser, keeping the rest of the text as
// it is. A one-line array or object that stays within 100 columns is kept on one line.
import {
  applyEdits,
  findNodeAtLocation,
  modify,
  parseTree,
  printParseErrorCode,
  type FormattingOptions,
  type JSONPath,
  type Node,
  type ParseError,
} from 'jsonc-parser';

import { NewCommandError } from './errors';

const MAX_LINE_WIDTH = 100;

/** A parsed JSON file: its text, its syntax tree and its name for messages. */
export interface JsonFile {
  file: string;
  text: string;
  root: Node;
}

/** Parses a JSON file; invalid JSON rejects the request with the line and column. */
export function parseJsonFile(file: string, text: string): JsonFile {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length === 0 && root?.type === 'object') return { file, text, root };

  if (errors.length === 0) {
    throw new NewCommandError(
      `${file} must contain a JSON object; fix it and run the command again.`,
    );
  }
  const { line, column } = lineAndColumn(text, errors[0].offset);
  throw new NewCommandError(
    `${file}:${line}:${column}: invalid JSON (${printParseErrorCode(errors[0].error)}); ` +
      'fix it and run the command again.',
  );
}

/** Finds the value at `jsonPath`, or returns undefined. */
export function valueAt(json: JsonFile, jsonPath: JSONPath): Node | undefined {
  return findNodeAtLocation(json.root, jsonPath);
}

/** Appends `value` to the array at `jsonPath`, creating the array when it is missing. */
export function appendToArray(json: JsonFile, jsonPath: JSONPath, value: unknown): string {
  const array = findNodeAtLocation(json.root, jsonPath);
  const items = array?.children ?? [];
  const oneLine = array ? insertOnOneLine(json.text, array, JSON.stringify(value)) : undefined;
  if (oneLine !== undefined) return oneLine;

  const edits = modify(json.text, [...jsonPath, items.length], value, {
    formattingOptions: detectFormatting(json.text),
    isArrayInsertion: true,
  });
  return applyEdits(json.text, edits);
}

/** Adds `key: value` to the object at `jsonPath`, creating the object when it is missing. */
export function addProperty(
  json: JsonFile,
  jsonPath: JSONPath,
  key: string,
  value: unknown,
): string {
  const object = findNodeAtLocation(json.root, jsonPath);
  const entry = `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  const oneLine = object ? insertOnOneLine(json.text, object, entry) : undefined;
  if (oneLine !== undefined) return oneLine;

  const edits = modify(json.text, [...jsonPath, key], value, {
    formattingOptions: detectFormatting(json.text),
  });
  return applyEdits(json.text, edits);
}

/**
 * Inserts `entry` after the last item of a non-empty container written on one line, when the
 * line stays within the width limit. Returns undefined when the container needs jsonc-parser's
 * multi-line layout instead.
 */
function insertOnOneLine(text: string, container: Node, entry: string): string | undefined {
  const items = container.children ?? [];
  if (items.length === 0) return undefined;

  const start = container.offset;
  const end = container.offset + container.length;
  if (text.slice(start, end).includes('\n')) return undefined;

  const last = items[items.length - 1];
  const insertAt = last.offset + last.length;
  const updated = `${text.slice(0, insertAt)}, ${entry}${text.slice(insertAt)}`;

  const lineStart = text.lastIndexOf('\n', start) + 1;
  const lineEnd = updated.indexOf('\n', insertAt);
  const line = updated.slice(lineStart, lineEnd === -1 ? updated.length : lineEnd);
  return line.length <= MAX_LINE_WIDTH ? updated : undefined;
}

/** Reads the indentation and line ending the file already uses. */
function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indented = /^([ \t]+)\S/m.exec(text);
  if (indented?.[1].startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indented ? indented[1].length : 2, eol };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
