// Runs the release check (tools/check) on a finished build and prints its findings, pointing
// at the source files where one exists: the checked staging folder is gone after a failure.
import fs from 'node:fs';
import path from 'node:path';

import type { ContractLoad } from '../tools/check/contract';
import { countErrors } from '../tools/check/format';
import { formatFindings, runCheck } from '../tools/check';
import type { StarterConfig } from './config';
import type { Logger } from './log';

/** Extensions whose output keeps the source's lines and columns. */
const SAME_LINES = /\.(axml|json|sjs)$/;

/** Maps `client/pages/a/index.js` (inside a built folder) to its source file, if it exists. */
function sourceOf(root: string, outputRelative: string): string | undefined {
  const match = /^(client|plugin|server\/[^/]+)\/(.+)$/.exec(outputRelative);
  if (!match) return undefined;
  const [, target, rest] = match;
  const base = rest.startsWith('contract/') ? rest : `${target}/${rest}`;
  const candidates = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.acss$/, '.less')];
  return candidates.find((candidate) => fs.existsSync(path.join(root, candidate)));
}

/** Checks the built folder and returns the number of errors; warnings are printed too. */
export async function releaseCheck(
  root: string,
  builtDir: string,
  config: StarterConfig,
  logger: Logger,
  contract?: ContractLoad,
): Promise<number> {
  const findings = await runCheck({
    root,
    distDir: builtDir,
    config: { pluginId: config.plugin.id },
    contract,
  });
  const built = path.relative(root, builtDir).split(path.sep).join('/');
  const inBuilt = new RegExp(`${built.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/([^\\s:"',)]+)`, 'g');

  for (const finding of findings) {
    if (finding.file.startsWith(`${built}/`)) {
      const relative = finding.file.slice(built.length + 1);
      const source = SAME_LINES.test(relative) ? sourceOf(root, relative) : undefined;
      finding.file = source ?? `dist/${relative}`;
    }
    finding.message = finding.message.replace(
      inBuilt,
      (_, relative: string) => sourceOf(root, relative) ?? `dist/${relative}`,
    );
  }

  if (findings.length === 0) {
    logger.info('check: no problems found');
    return 0;
  }
  for (const line of formatFindings(findings).split('\n')) logger.info(line);
  return countErrors(findings);
}
