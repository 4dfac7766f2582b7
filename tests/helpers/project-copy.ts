// Copies the starter into a temporary folder so a test can build it, edit it and break it
// without touching the repository. node_modules is linked, not copied.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

const SKIPPED = new Set([
  'node_modules',
  'dist',
  '.dist-staging',
  '.dist-old',
  '.dist-lock',
  '.git',
  'tests',
  '.local-cloud',
  'bench-results',
  'coverage',
  'entry.js',
]);

export interface ProjectCopy {
  root: string;
  /** Absolute path of a file in the copy. */
  file(relative: string): string;
  read(relative: string): string;
  write(relative: string, content: string): void;
  remove(): void;
}

/** Copies the starter's sources into a new temporary folder. */
export function copyStarter(): ProjectCopy {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'starter-'));
  for (const entry of fs.readdirSync(REPO_ROOT)) {
    if (SKIPPED.has(entry)) continue;
    fs.cpSync(path.join(REPO_ROOT, entry), path.join(root, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return {
    root,
    file: (relative) => path.join(root, relative),
    read: (relative) => fs.readFileSync(path.join(root, relative), 'utf8'),
    write(relative, content) {
      const file = path.join(root, relative);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    },
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

export interface CommandResult {
  code: number;
  output: string;
}

/** Runs a command in the copy with colors off and collects its exit code and output. */
export function runCommand(root: string, command: string, args: string[]): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd: root,
        env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        let code = 0;
        if (error) code = typeof error.code === 'number' ? error.code : 1;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

/** Runs an npm script of the copy (`npm run <script> -- args`) and collects its output. */
export function runScript(
  root: string,
  script: string,
  args: string[] = [],
): Promise<CommandResult> {
  return runCommand(root, 'npm', ['run', '--silent', script, '--', ...args]);
}

/** Runs a gulp task of the copy, as `npm run build` does. */
export function runGulp(root: string, args: string[]): Promise<CommandResult> {
  const gulp = path.join(REPO_ROOT, 'node_modules', 'gulp', 'bin', 'gulp.js');
  return runCommand(root, process.execPath, [gulp, ...args]);
}

/** Lists the files under a folder, relative to it, with "/" separators. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort();
}
