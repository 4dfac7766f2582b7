// Runs `npm run new` in-process against a project folder, and reads a folder's files so a
// test can show that a rejected command wrote nothing.
import fs from 'node:fs';
import path from 'node:path';

import { runNew } from '../../tools/new/cli';

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

/**
 * Reads every file under `root` with its content, and every folder (as "<path>/": ""), so a new
 * empty folder shows too. node_modules, a link in a project copy, is not followed.
 */
export function readTree(root: string): Record<string, string> {
  const tree: Record<string, string> = {};
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    const relative = path.relative(root, path.join(entry.parentPath, entry.name));
    const key = relative.split(path.sep).join('/');
    if (entry.isDirectory()) tree[`${key}/`] = '';
    if (entry.isFile()) tree[key] = fs.readFileSync(path.join(root, relative), 'utf8');
  }
  return tree;
}
