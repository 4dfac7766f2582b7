// js-syntax: emitted JS parses at its runtime's ECMAScript level: ES2015 for the host app and
// the plugin (node_modules included, since the IDE may ship packages as they are), ES2019 for
// cloud functions.
import * as acorn from 'acorn';

import { jsParseOptions, type CheckProject, type Target } from '../project';
import type { Finding, Rule } from '../types';

const LEVELS: Record<Target['kind'], { ecmaVersion: acorn.ecmaVersion; label: string }> = {
  client: { ecmaVersion: 2015, label: 'ES2015' },
  plugin: { ecmaVersion: 2015, label: 'ES2015' },
  function: { ecmaVersion: 2019, label: 'ES2019' },
};

export const jsSyntax: Rule = {
  name: 'js-syntax',
  description: 'JS parses as ES2015 (host app, plugin) or ES2019 (cloud functions)',
  check(project) {
    const { client, plugin, functions } = project.layout;
    const targets = [client, plugin, ...functions].filter((target) => target !== undefined);
    // Every cloud function carries the same contract files, so in a large app most texts repeat
    // and each is parsed once.
    const parsed = new Map<string, SyntaxError | undefined>();
    return targets.flatMap((target) => checkTarget(project, target, parsed));
  },
};

function checkTarget(
  project: CheckProject,
  target: Target,
  parsed: Map<string, SyntaxError | undefined>,
): Finding[] {
  const { ecmaVersion, label } = LEVELS[target.kind];
  const findings: Finding[] = [];

  for (const file of project.listFiles(target.dir, { extensions: ['js'], nodeModules: true })) {
    const error = parseError(parsed, project.readText(file) ?? '', ecmaVersion);
    if (error) findings.push(syntaxFinding(project, file, error, label));
  }
  return findings;
}

/** Parses `text`, or looks up the result in `parsed` (by ECMAScript level and text). */
function parseError(
  parsed: Map<string, SyntaxError | undefined>,
  text: string,
  ecmaVersion: acorn.ecmaVersion,
): SyntaxError | undefined {
  const key = `${ecmaVersion}\0${text}`;
  if (parsed.has(key)) return parsed.get(key);

  let result: SyntaxError | undefined;
  try {
    acorn.parse(text, jsParseOptions(ecmaVersion));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    result = error;
  }
  parsed.set(key, result);
  return result;
}

function syntaxFinding(
  project: CheckProject,
  file: string,
  error: SyntaxError,
  label: string,
): Finding {
  const position = (error as SyntaxError & { pos?: number }).pos ?? 0;
  const reason = error.message.replace(/ \(\d+:\d+\)$/, '');
  const parsesLater = project.readJs(file) !== undefined;
  const message = parsesLater
    ? `syntax newer than ${label} (${reason}): lower the build target for this folder`
    : `invalid JavaScript: ${reason}`;
  return project.finding('js-syntax', 'error', file, message, position);
}
