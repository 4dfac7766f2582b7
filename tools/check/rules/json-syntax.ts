// json-syntax: every JSON file of the build parses. Inside node_modules only package.json files
// are read, since the IDE reads those to resolve packages and the rest belong to the package.
import path from 'node:path';

import { JsonSyntaxError } from '../json';
import type { CheckProject } from '../project';
import type { Finding, Rule } from '../types';

export const jsonSyntax: Rule = {
  name: 'json-syntax',
  description: 'every .json file in dist/ is valid JSON',
  check(project) {
    const findings: Finding[] = [];
    for (const file of listJsonFiles(project)) {
      const document = project.readJsonOrError(file);
      if (!(document instanceof JsonSyntaxError)) continue;
      const message = `invalid JSON: ${document.message}`;
      findings.push(project.finding('json-syntax', 'error', file, message, document.position));
    }
    return findings;
  },
};

function listJsonFiles(project: CheckProject): string[] {
  const files = project.listFiles(project.distDir, { extensions: ['json'], nodeModules: true });
  return files.filter((file) => {
    const insidePackages = file.split(path.sep).includes('node_modules');
    return !insidePackages || path.basename(file) === 'package.json';
  });
}
