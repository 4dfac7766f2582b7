// AXML templates: checked for well-formedness (with `{{ }}` expressions masked) before they are
// written, so a broken tag is reported at its line and column by the build and the watcher.
import { parseAxml } from '../../tools/check/axml';
import { lineAndColumn, SourceError } from '../log';

/** Throws SourceError[] when an AXML text is not well-formed. */
export function checkAxml(file: string, text: string): void {
  const { error } = parseAxml(text);
  if (!error) return;
  const { line, column } = lineAndColumn(text, error.offset);
  throw [new SourceError(file, `invalid AXML: ${error.message}`, line, column)];
}
