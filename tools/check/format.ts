// Prints findings one a line as `path:line:col  rule  message`, then a count.
import pc from 'picocolors';

import type { Finding } from './types';

/** Formats findings for a terminal. Colors follow picocolors' detection (NO_COLOR, TTY). */
export function formatFindings(findings: readonly Finding[]): string {
  const lines = findings.map(formatFinding);
  lines.push(formatSummary(findings));
  return lines.join('\n');
}

function formatFinding(finding: Finding): string {
  let place = finding.file;
  if (finding.line !== undefined) place += `:${finding.line}:${finding.column ?? 1}`;

  const isError = finding.severity === 'error';
  const rule = isError ? pc.red(finding.rule) : pc.yellow(finding.rule);
  const message = isError ? finding.message : `warning: ${finding.message}`;
  return `${place}  ${rule}  ${message}`;
}

function formatSummary(findings: readonly Finding[]): string {
  const errors = countErrors(findings);
  const warnings = findings.length - errors;
  if (findings.length === 0) return pc.green('check: no problems found');

  const text = `check: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  return errors > 0 ? pc.red(text) : pc.yellow(text);
}

export function countErrors(findings: readonly Finding[]): number {
  return findings.filter((finding) => finding.severity === 'error').length;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
