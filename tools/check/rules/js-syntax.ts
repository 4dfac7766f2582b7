// js-syntax: emitted JS parses at its runtime's ECMAScript level: ES2015 for the host app and
// the plugin (node_modules included, since the IDE may ship packages as they are), ES2019 for
// cloud functions.
import { JS_LEVELS, type CheckProject, type Target } from '../project';
import type { Finding, Rule } from '../types';

export const jsSyntax: Rule = {
  name: 'js-syntax',
  description: 'JS parses as ES2015 (host app, plugin) or ES2019 (cloud functions)',
  check(project) {
    const { client, plugin, functions } = project.layout;
    const targets = [client, plugin, ...functions].filter((target) => target !== undefined);
    return targets.flatMap((target) => checkTarget(project, target));
  },
};

function checkTarget(project: CheckProject, target: Target): Finding[] {
  const { ecmaVersion, label } = JS_LEVELS[target.kind];
  const findings: Finding[] = [];

  // Every cloud function carries the same contract files, so in a large app most texts repeat,
  // and the project parses each text once.
  for (const file of project.listFiles(target.dir, { extensions: ['js'], nodeModules: true })) {
    const { error } = project.parseJs(project.readText(file) ?? '', ecmaVersion);
    if (error) findings.push(syntaxFinding(project, file, error, label));
  }
  return findings;
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
