// Runs `npm run new` in-process against a project folder, and reads a folder's files so a
// test can show that a rejected command wrote nothing.
import fs from 'node:fs';
import path from 'node:path';

import { runNew } from '../../tools/new/cli';
import { listFiles } from '../helpers/project-copy';

export interface NewRun {
  code: number;
  out: string;
  error: string;
}

/** Runs the generator CLI with `argv` in `root` and collects its output. */
export function runNewIn(root: string, argv: string[]): NewRun {
  const run = { out: '', error: '' };
  const code = runNew(argv, root, {
    out: (text) => (run.out += text),
    error: (text) => (run.error += text),
  });
  return { code, ...run };
}

/** Every file under `root` (node_modules, a link, is skipped) with its content. */
export function readTree(root: string): Record<string, string> {
  const tree: Record<string, string> = {};
  for (const file of listFiles(root)) {
    tree[file] = fs.readFileSync(path.join(root, file), 'utf8');
  }
  return tree;
}
