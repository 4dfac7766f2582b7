// `npm run check [-- --dist <dir>] [--json]`: checks the build output before it is opened in
// the IDE or uploaded. Exits 1 when there is an error, 0 with warnings only, 2 on bad usage.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { loadConfig } from '../../build/config';
import { countErrors } from './format';
import { formatFindings, RULES, runCheck } from './index';
import type { CheckConfig } from './types';

const HELP = `Usage: npm run check -- [options]

Checks the build output (dist/) for mistakes the IDE, a phone or the upload would show later.

Options:
  --dist <dir>   folder to check, relative to the current folder (default: <root>/dist)
  --root <dir>   project root: finding paths are relative to it, and the contract is read
                 from it (default: the current folder)
  --json         print {"findings": [...], "errors": n, "warnings": n} instead of text
  -h, --help     show this help

Rules:
${RULES.map((rule) => `  ${rule.name.padEnd(18)} ${rule.description}`).join('\n')}
`;

async function main(argv: string[]): Promise<number> {
  let values: ReturnType<typeof parseOptions>;
  try {
    values = parseOptions(argv);
  } catch (error) {
    process.stderr.write(`check: ${(error as Error).message}\nRun with --help for the options.\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }

  const root = path.resolve(values.root ?? '.');
  const distDir = values.dist ? path.resolve(values.dist) : path.join(root, 'dist');
  const findings = await runCheck({ root, distDir, config: readCheckConfig(root) });

  if (values.json) {
    const errors = countErrors(findings);
    const report = { findings, errors, warnings: findings.length - errors };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatFindings(findings)}\n`);
  }
  return countErrors(findings) > 0 ? 1 : 0;
}

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      dist: { type: 'string' },
      root: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  return values;
}

/** Takes the plugin id from starter.config.ts when the project has a valid one. */
function readCheckConfig(root: string): CheckConfig {
  if (!fs.existsSync(path.join(root, 'starter.config.ts'))) return {};
  try {
    return { pluginId: loadConfig(root).plugin.id };
  } catch (error) {
    process.stderr.write(
      `check: ${(error as Error).message}\ncheck: going on without the plugin id\n`,
    );
    return {};
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`check: failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
