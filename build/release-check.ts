// Runs the release check (tools/check) on a finished build and prints its findings.
import path from 'node:path';

import { countErrors } from '../tools/check/format';
import { formatFindings, runCheck } from '../tools/check';
import type { StarterConfig } from './config';
import type { Logger } from './log';

/** Checks the built folder and returns the number of errors; warnings are printed too. */
export async function releaseCheck(
  root: string,
  builtDir: string,
  config: StarterConfig,
  logger: Logger,
): Promise<number> {
  const findings = await runCheck({ root, distDir: builtDir, config: { pluginId: config.plugin.id } });
  // The build checks its staging folder; findings name the place the files end up, dist/.
  const staged = `${path.relative(root, builtDir).split(path.sep).join('/')}/`;
  for (const finding of findings) {
    if (finding.file.startsWith(staged)) finding.file = `dist/${finding.file.slice(staged.length)}`;
  }

  if (findings.length === 0) {
    logger.info('check: no problems found');
    return 0;
  }
  for (const line of formatFindings(findings).split('\n')) logger.info(line);
  return countErrors(findings);
}
