// The files one `npm run new` command creates and changes. Generators collect every change
// first and check it; `applyChanges` writes only after all of them passed.
import fs from 'node:fs';
import path from 'node:path';

import { NewCommandError } from './errors';

export type Change =
  | { kind: 'create'; file: string; content: string }
  | { kind: 'update'; file: string; before: string; content: string; summary: string };

/** The result of a generator: its changes, and the next steps to print after writing them. */
export interface Plan {
  changes: Change[];
  next: string[];
}

/** Reads a project file (path relative to `root`); a missing file rejects the request. */
export function readProjectFile(root: string, file: string): string {
  const absolute = path.join(root, file);
  if (!fs.existsSync(absolute)) {
    throw new NewCommandError(
      `${file} not found in ${root}. Run npm run new inside the starter project.`,
    );
  }
  return fs.readFileSync(absolute, 'utf8');
}

/** Rejects the request when `file` (relative to `root`) exists: nothing is ever overwritten. */
export function ensureAbsent(root: string, file: string, label: string): void {
  if (!fs.existsSync(path.join(root, file))) return;
  throw new NewCommandError(
    `${label} already exists: ${file}. Choose another name; npm run new never overwrites a file.`,
  );
}

/**
 * Rejects the request when a sibling of `file` differs from its last segment only in case:
 * on case-insensitive file systems (macOS, Windows) the two would be the same folder.
 */
export function ensureNoCaseClash(root: string, file: string, label: string): void {
  const parent = path.join(root, path.dirname(file));
  if (!fs.existsSync(parent)) return;

  const name = path.basename(file);
  const clash = fs
    .readdirSync(parent)
    .find((entry) => entry !== name && entry.toLowerCase() === name.toLowerCase());
  if (clash === undefined) return;
  throw new NewCommandError(
    `${label} "${clash}" already exists in ${path.dirname(file)}, and "${name}" differs only in ` +
      'case, which is the same folder on macOS and Windows. Choose another name.',
  );
}

/**
 * Writes every change. Creating refuses to replace a file; updating refuses when the file
 * changed since it was read. When one write fails, the earlier ones are undone.
 */
export function applyChanges(root: string, changes: Change[]): void {
  const undo: Array<() => void> = [];
  try {
    for (const change of changes) undo.push(applyChange(root, change));
  } catch (error) {
    for (const step of undo.reverse()) step();
    throw error;
  }
}

function applyChange(root: string, change: Change): () => void {
  const absolute = path.join(root, change.file);

  if (change.kind === 'update') {
    const current = fs.readFileSync(absolute, 'utf8');
    if (current !== change.before) {
      throw new NewCommandError(
        `${change.file} changed while npm run new was running; nothing was written. Run it again.`,
      );
    }
    fs.writeFileSync(absolute, change.content);
    return () => fs.writeFileSync(absolute, change.before);
  }

  const createdDir = createParentFolders(path.dirname(absolute));
  try {
    fs.writeFileSync(absolute, change.content, { flag: 'wx' });
  } catch (error) {
    if (createdDir) fs.rmSync(createdDir, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new NewCommandError(
        `${change.file} appeared while npm run new was running; run it again.`,
      );
    }
    throw error;
  }
  return () => {
    fs.rmSync(absolute, { force: true });
    if (createdDir) fs.rmSync(createdDir, { recursive: true, force: true });
  };
}

/** Creates `dir` and its missing parents; returns the topmost folder it created, if any. */
function createParentFolders(dir: string): string | undefined {
  return fs.mkdirSync(dir, { recursive: true }) ?? undefined;
}
