// JSON and template files: parsed (JSON) and with the build's tokens replaced.
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';

import { lineAndColumn, SourceError } from '../log';

/** Replaces each token (such as __PLUGIN_ID__) in a text with its value. */
export function replaceTokens(text: string, tokens: Record<string, string>): string {
  let result = text;
  for (const [token, value] of Object.entries(tokens)) result = result.split(token).join(value);
  return result;
}

/** Parses JSON, turning a syntax error into a SourceError with line and column. */
export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // JSON.parse on Node 20 does not always give a position, so a scanner locates the error.
    const problems: ParseError[] = [];
    parseTree(text, problems, { allowTrailingComma: false, disallowComments: true });
    const first = problems[0];
    const where = first ? lineAndColumn(text, first.offset) : undefined;
    const reason = first ? printParseErrorCode(first.error) : 'not valid JSON';
    throw [new SourceError(file, `invalid JSON: ${describe(reason)}`, where?.line, where?.column)];
  }
}

/** Turns a parser code such as "PropertyNameExpected" into "property name expected". */
function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Finds the line and column of the first occurrence of a JSON string value, for messages. */
export function locateString(text: string, value: string): { line?: number; column?: number } {
  const offset = text.indexOf(JSON.stringify(value));
  return offset < 0 ? {} : lineAndColumn(text, offset + 1);
}
