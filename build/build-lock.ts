// One build at a time in a project: two builds would write the same staging folder and rename
// it under each other. The lock is a file holding the id of the process that builds.
import fs from 'node:fs';
import path from 'node:path';

/** The lock file's name in the project root. */
export const LOCK_FILE = '.dist-lock';

/** Thrown when another process is building the same project. */
export class BuildLocked extends Error {
  constructor(readonly pid: number) {
    super(
      `another build (process ${pid}) is writing .dist-staging/; wait for it to finish, ` +
        `or delete ${LOCK_FILE} if no build is running`,
    );
  }
}

/**
 * Takes the project's build lock and returns the function that releases it. A lock left by a
 * process that no longer runs (a build stopped with kill -9) is taken over. Throws BuildLocked
 * when a running process holds it.
 */
export function acquireBuildLock(root: string): () => void {
  const file = path.join(root, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => releaseLock(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(readLock(file), 10);
    if (Number.isInteger(holder) && isRunning(holder)) throw new BuildLocked(holder);
    fs.rmSync(file, { force: true });
  }
  // Another build took the lock between the removal and the second attempt.
  throw new BuildLocked(Number.parseInt(readLock(file), 10));
}

function releaseLock(file: string): void {
  if (readLock(file).trim() === String(process.pid)) fs.rmSync(file, { force: true });
}

function readLock(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Tells whether a process with this id runs; one of another user counts as running. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
