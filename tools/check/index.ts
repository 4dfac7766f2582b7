// The release check of dist/: `runCheck` runs every rule and returns the findings sorted by
// file and position. The build calls it at its end, and `npm run check` runs it from the CLI.
import { CheckProject } from './project';
import { RULES } from './registry';
import type { Finding, RunCheckOptions } from './types';

export { formatFindings } from './format';
export { RULES } from './registry';
export { DEFAULT_SIZE_LIMITS } from './project';
export type { CheckConfig, Finding, RunCheckOptions, Severity, SizeLimits } from './types';

export async function runCheck(options: RunCheckOptions): Promise<Finding[]> {
  const project = new CheckProject(options.root, options.distDir, options.config, options.contract);
  if (!project.isDirectory(project.distDir)) {
    const message = 'build output not found: run `npm run build` first, or pass --dist <dir>';
    return [project.finding('project-config', 'error', project.distDir, message)];
  }

  const findings: Finding[] = [];
  for (const rule of RULES) {
    findings.push(...(await rule.check(project)));
  }
  return findings.sort(compareFindings);
}

function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
