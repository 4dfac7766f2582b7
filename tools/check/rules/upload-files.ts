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
  return files.map((file) => {
    const insidePackage = file.split(path.sep).includes('node_modules');
    // Packages often ship .d.ts declarations, which do no harm at run time but add to the size.
    if (insidePackage && file.endsWith('.d.ts')) {
      const message =
        'type declarations of an npm package are uploaded: leave them out when copying';
      return project.finding('upload-files', 'warning', file, message);
    }
    const folder = project.relative(target.dir);
    const message = `source file inside the uploaded folder ${folder}: ${advice(file)}`;
    return project.finding('upload-files', 'error', file, message);
  });
}

function advice(file: string): string {
  if (file.endsWith('.map')) return 'write source maps to dist/.maps instead';
  if (file.endsWith('.less')) return 'compile Less to .acss and leave the .less file out';
  return 'compile TypeScript to .js and leave the .ts file out';
}
