// acss-syntax: every ACSS file of the host app and the plugin parses. plugin-acss: plugin ACSS
// uses only class and id selectors (no tag, attribute or universal selectors), the only kinds
// the platform applies inside a plugin.
import selectorParser from 'postcss-selector-parser';

import { readAcss } from '../acss';
import type { CheckProject } from '../project';
import type { Finding, Rule } from '../types';

export const acssSyntax: Rule = {
  name: 'acss-syntax',
  description: 'every .acss file parses as CSS',
  check(project) {
    const findings: Finding[] = [];
    for (const target of [project.layout.client, project.layout.plugin]) {
      if (!target) continue;
      for (const file of project.listFiles(target.dir, { extensions: ['acss'] })) {
        const result = readAcss(project, file);
        if (!result || !('error' in result)) continue;
        const { reason, line, column } = result.error;
        const position = line === undefined ? undefined : { line, column: column ?? 1 };
        findings.push(
          project.finding('acss-syntax', 'error', file, `invalid ACSS: ${reason}`, position),
        );
      }
    }
    return findings;
  },
};

const FORBIDDEN_KINDS: Record<string, string> = {
  tag: 'tag selector',
  attribute: 'attribute selector',
  universal: 'universal selector',
  nesting: 'nesting selector',
};

export const pluginAcss: Rule = {
  name: 'plugin-acss',
  description: 'plugin ACSS uses only class and id selectors',
  check(project) {
    const plugin = project.layout.plugin;
    if (!plugin) return [];
    return project
      .listFiles(plugin.dir, { extensions: ['acss'] })
      .flatMap((file) => checkSelectors(project, file));
  },
};

function checkSelectors(project: CheckProject, file: string): Finding[] {
  const result = readAcss(project, file);
  if (!result || !('root' in result)) return [];

  const findings: Finding[] = [];
  result.root.walkRules((rule) => {
    // Keyframe steps such as "from" or "50%" are rules too, but not selectors.
    if (
      rule.parent?.type === 'atrule' &&
      /keyframes$/i.test((rule.parent as { name: string }).name)
    ) {
      return;
    }
    const start = rule.source?.start?.offset ?? 0;
    // raws.selector contains the text as written when postcss cleaned comments out of it.
    const written = (rule.raws.selector as { raw?: string } | undefined)?.raw ?? rule.selector;
    selectorParser((selectors) => {
      selectors.walk((node) => {
        const kind = FORBIDDEN_KINDS[node.type];
        if (!kind) return;
        const message =
          `${kind} "${node.toString().trim()}" in "${rule.selector}": plugin ACSS applies only ` +
          'class and id selectors; use a class instead';
        findings.push(
          project.finding('plugin-acss', 'error', file, message, start + (node.sourceIndex ?? 0)),
        );
      });
    }).processSync(written);
  });
  return findings;
}
