// AXML templates: checked before they are written, so the build and the watcher report a broken
// tag, an expression that does not parse, or an a:else without a:if at its line and column.
// These are the release check's own rules, run per file; event handler names need the compiled
// page and are left to the release check.
import { parseAxml } from '../../tools/check/axml';
import { conditionProblems, expressionProblems } from '../../tools/check/rules/axml';
import { lineAndColumn, SourceError } from '../log';

/** Throws SourceError[] when an AXML text is not well-formed or has an invalid expression. */
export function checkAxml(file: string, text: string): void {
  const document = parseAxml(text);
  const problems = document.error
    ? [document.error, ...expressionProblems(document)]
    : [...expressionProblems(document), ...conditionProblems(document)];
  if (problems.length === 0) return;

  throw problems.map(({ message, offset }) => {
    const { line, column } = lineAndColumn(text, offset);
    return new SourceError(file, `invalid AXML: ${message}`, line, column);
  });
}
