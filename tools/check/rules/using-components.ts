// using-components: every usingComponents entry resolves to a component with .axml and .js,
// and component-json: every component's .json sets "component": true.
import path from 'node:path';

import { collectComponentUses, readPublicComponents } from '../components';
import type { CheckProject } from '../project';
import type { Finding, Rule } from '../types';
import { isObject } from '../values';

export const usingComponents: Rule = {
  name: 'using-components',
  description: 'every usingComponents target resolves (paths, npm packages, plugin://)',
  check(project) {
    const findings: Finding[] = [];
    for (const use of collectComponentUses(project)) {
      const { resolution } = use;
      if (resolution.kind === 'unresolved') {
        const message = `component "${use.tag}": ${resolution.message}`;
        findings.push(
          project.finding('using-components', 'error', use.jsonFile, message, use.position),
        );
        continue;
      }
      if (resolution.kind !== 'local') continue;

      const script = `${resolution.base}.js`;
      if (project.isFile(script)) continue;
      const message = `component "${use.tag}" has no ${project.relative(script)}`;
      findings.push(
        project.finding('using-components', 'error', use.jsonFile, message, use.position),
      );
    }
    return findings;
  },
};

export const componentJson: Rule = {
  name: 'component-json',
  description: 'the .json of every used or public component sets "component": true',
  check(project) {
    return [...componentBases(project)].flatMap((base) => checkComponentJson(project, base));
  },
};

/** Base paths of the local components the build uses or the plugin makes public. */
function componentBases(project: CheckProject): Set<string> {
  const bases = new Set<string>();
  for (const use of collectComponentUses(project)) {
    if (use.resolution.kind === 'local') bases.add(use.resolution.base);
  }

  const plugin = project.layout.plugin;
  const publicComponents = readPublicComponents(project) ?? {};
  for (const target of Object.values(publicComponents)) {
    if (!plugin || typeof target !== 'string' || target === '') continue;
    const base = path.join(plugin.dir, target.replace(/^\//, ''));
    if (project.isFile(`${base}.axml`)) bases.add(base);
  }
  return bases;
}

function checkComponentJson(project: CheckProject, base: string): Finding[] {
  const file = `${base}.json`;
  if (!project.exists(file)) {
    const message = 'missing: a component needs a .json file with "component": true';
    return [project.finding('component-json', 'error', file, message)];
  }
  const document = project.readJson(file);
  if (!document) return [];

  const value = isObject(document.value) ? document.value.component : undefined;
  if (value === true) return [];
  const where = value === undefined ? [] : ['component'];
  const message = `"component" is ${JSON.stringify(value) ?? 'missing'}; set "component": true`;
  return [project.finding('component-json', 'error', file, message, document.positionOf(where))];
}
