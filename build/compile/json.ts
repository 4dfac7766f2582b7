// JSON and template files: parsed (JSON) and with the build's tokens replaced.
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
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? lineAndColumn(text, Number(position[1])) : undefined;
    const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
    throw [new SourceError(file, `invalid JSON: ${reason}`, where?.line, where?.column)];
  }
}

/** Finds the line and column of the first occurrence of a JSON string value, for messages. */
export function locateString(text: string, value: string): { line?: number; column?: number } {
  const offset = text.indexOf(JSON.stringify(value));
  return offset < 0 ? {} : lineAndColumn(text, offset + 1);
}
