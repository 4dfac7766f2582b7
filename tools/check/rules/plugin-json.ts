// plugin-json: plugin.json exists in the plugin folder, and its publicComponents, publicPages
// and main point at files that exist.
import path from 'node:path';

import type { JsonDocument } from '../json';
import type { CheckProject, Target } from '../project';
import type { Finding, Rule } from '../types';
import { isObject } from '../values';

const RULE = 'plugin-json';

/** The files each kind of plugin.json entry needs beside its path. */
const NEEDED = {
  publicComponents: ['axml', 'js', 'json'],
  publicPages: ['axml', 'js'],
} as const;

export const pluginJson: Rule = {
  name: RULE,
  description: 'plugin.json publicComponents, publicPages and main exist',
  check(project) {
    const plugin = project.layout.plugin;
    if (!plugin) return [];

    const file = path.join(plugin.dir, 'plugin.json');
    if (!project.exists(file)) {
      return [project.finding(RULE, 'error', file, 'missing: the plugin folder needs plugin.json')];
    }
    const document = project.readJson(file);
    if (!document) return [];
    if (!isObject(document.value)) {
      return [
        project.finding(RULE, 'error', file, 'must be a JSON object', document.positionOf([])),
      ];
    }

    return [
      ...checkEntries(project, plugin, document, 'publicComponents'),
      ...checkEntries(project, plugin, document, 'publicPages'),
      ...checkMain(project, plugin, document),
    ];
  },
};

function checkEntries(
  project: CheckProject,
  plugin: Target,
  document: JsonDocument,
  key: keyof typeof NEEDED,
): Finding[] {
  const file = path.join(plugin.dir, 'plugin.json');
  const entries = (document.value as Record<string, unknown>)[key];
  if (entries === undefined) return [];
  if (!isObject(entries)) {
    const message = `"${key}" must be an object of names to paths`;
    return [project.finding(RULE, 'error', file, message, document.positionOf([key]))];
  }

  const findings: Finding[] = [];
  for (const [name, target] of Object.entries(entries)) {
    const position = document.positionOf([key, name]);
    if (typeof target !== 'string' || target === '') {
      const message = `${key}.${name} must be a path such as "components/${name}/index"`;
      findings.push(project.finding(RULE, 'error', file, message, position));
      continue;
    }
    const base = path.join(plugin.dir, target.replace(/^\//, ''));
    for (const extension of NEEDED[key]) {
      const needed = `${base}.${extension}`;
      if (project.isFile(needed)) continue;
      const missing = project.relative(needed);
      const message = `${key}.${name} points at "${target}", but ${missing} is missing`;
      findings.push(project.finding(RULE, 'error', file, message, position));
    }
  }
  return findings;
}

function checkMain(project: CheckProject, plugin: Target, document: JsonDocument): Finding[] {
  const file = path.join(plugin.dir, 'plugin.json');
  const main = (document.value as Record<string, unknown>).main;
  if (main === undefined) return [];

  const position = document.positionOf(['main']);
  if (typeof main !== 'string' || main === '') {
    return [
      project.finding(RULE, 'error', file, '"main" must be a path such as "index.js"', position),
    ];
  }
  const base = path.join(plugin.dir, main.replace(/^\//, ''));
  if (project.isFile(base) || project.isFile(`${base}.js`)) return [];
  const message = `"main" points at "${main}", but ${project.relative(base)} is missing`;
  return [project.finding(RULE, 'error', file, message, position)];
}
