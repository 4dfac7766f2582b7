// project-config: dist/mini.project.json exists, is an object, and its roots are folders
// inside dist/. The IDE opens dist/ through this file.
import path from 'node:path';

import type { JsonDocument } from '../json';
import type { CheckProject } from '../project';
import type { Finding, Rule } from '../types';
import { isObject } from '../values';

const RULE = 'project-config';
const ROOT_KEYS = ['miniprogramRoot', 'pluginRoot'] as const;

export const projectConfig: Rule = {
  name: RULE,
  description: 'mini.project.json parses and its miniprogramRoot and pluginRoot folders exist',
  check(project) {
    const file = path.join(project.distDir, 'mini.project.json');
    if (!project.exists(file)) {
      return [
        error(project, file, 'missing: the IDE opens dist/ through this file; run the build'),
      ];
    }

    // A syntax error is reported by json-syntax.
    const document = project.readJson(file);
    if (!document) return [];
    const value = document.value;
    if (!isObject(value)) return [error(project, file, 'must be a JSON object', document)];

    const findings: Finding[] = [];
    if (value.miniprogramRoot === undefined) {
      findings.push(
        error(project, file, 'missing "miniprogramRoot": set it to "client"', document),
      );
    }
    for (const key of ROOT_KEYS) {
      if (value[key] === undefined) continue;
      const problem = checkRoot(project, value[key]);
      if (problem) findings.push(error(project, file, `"${key}" ${problem}`, document, [key]));
    }
    return findings;
  },
};

function checkRoot(project: CheckProject, root: unknown): string | undefined {
  if (typeof root !== 'string' || root === '') return 'must be a folder name such as "client"';

  const dir = path.resolve(project.distDir, root);
  const inside = path.relative(project.distDir, dir);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    return `"${root}" must name a folder inside ${project.relative(project.distDir)}`;
  }
  if (!project.isDirectory(dir)) return `"${root}" not found: ${project.relative(dir)} is missing`;
  return undefined;
}

function error(
  project: CheckProject,
  file: string,
  message: string,
  document?: JsonDocument,
  key: string[] = [],
): Finding {
  return project.finding(RULE, 'error', file, message, document?.positionOf(key));
}
