// upload-files: no TypeScript, Less or source map files inside an uploaded folder
// (dist/client, dist/plugin, dist/server/<fn>). Source maps belong in dist/.maps.
import path from 'node:path';

import type { CheckProject, Target } from '../project';
import type { Finding, Rule } from '../types';

const SOURCE_EXTENSIONS = ['ts', 'less', 'map'];

export const uploadFiles: Rule = {
  name: 'upload-files',
  description: 'no .ts, .less or .map files inside an uploaded folder',
  check(project) {
    const { client, plugin, functions } = project.layout;
    const targets = [client, plugin, ...functions].filter((target) => target !== undefined);
    return targets.flatMap((target) => checkTarget(project, target));
  },
};

function checkTarget(project: CheckProject, target: Target): Finding[] {
  const files = project.listFiles(target.dir, { extensions: SOURCE_EXTENSIONS, nodeModules: true });
  const findings: Finding[] = [];
  const declarationsByPackage = new Map<string, number>();

  for (const file of files) {
    // Packages often ship .d.ts declarations, which do no harm at run time but add to the size.
    const packageDir = packageDirOf(file);
    if (packageDir && file.endsWith('.d.ts')) {
      declarationsByPackage.set(packageDir, (declarationsByPackage.get(packageDir) ?? 0) + 1);
      continue;
    }
    const folder = project.relative(target.dir);
    const message = `source file inside the uploaded folder ${folder}: ${advice(file)}`;
    findings.push(project.finding('upload-files', 'error', file, message));
  }

  for (const [packageDir, count] of declarationsByPackage) {
    const message =
      `${count} type declaration file${count === 1 ? '' : 's'} (.d.ts) of this npm package ` +
      'would be uploaded: leave them out when copying the package';
    findings.push(project.finding('upload-files', 'warning', packageDir, message));
  }
  return findings;
}

/** Returns the folder of the npm package a file belongs to, such as node_modules/@scope/name. */
function packageDirOf(file: string): string | undefined {
  const parts = file.split(path.sep);
  const index = parts.lastIndexOf('node_modules');
  if (index === -1 || index + 1 >= parts.length - 1) return undefined;

  const length = parts[index + 1].startsWith('@') ? 2 : 1;
  return parts.slice(0, index + 1 + length).join(path.sep);
}

function advice(file: string): string {
  if (file.endsWith('.map')) return 'write source maps to dist/.maps instead';
  if (file.endsWith('.less')) return 'compile Less to .acss and leave the .less file out';
  return 'compile TypeScript to .js and leave the .ts file out';
}
