// One build at a time in a project: a second build fails with the holder's process id and
// touches nothing, and a lock left by a process that has stopped is taken over.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BuildFailed, type Logger } from '../../build/log';
import { LOCK_FILE } from '../../build/build-lock';
import { buildProject } from '../../build/tasks/build';
import { copyStarter, type ProjectCopy } from '../helpers/project-copy';

let project: ProjectCopy;
const errors: string[] = [];
const logger: Logger = {
  info: () => undefined,
  error: (message) => errors.push(message),
  sourceErrors: () => undefined,
};

function build(): Promise<void> {
  return buildProject({ root: project.root, env: 'test', logger, skipTypeCheck: true });
}

beforeAll(() => {
  project = copyStarter();
});

afterAll(() => project.remove());

describe('build lock', () => {
  it('rejects a second build while one runs', async () => {
    project.write('dist/client/app.js', '// from the running build\n');
    // This test's own process stands for a build that is running.
    project.write(LOCK_FILE, `${process.pid}\n`);

    await expect(build()).rejects.toBeInstanceOf(BuildFailed);
    expect(errors.at(-1)).toContain(`another build (process ${process.pid})`);
    expect(project.read('dist/client/app.js')).toBe('// from the running build\n');
    expect(project.read(LOCK_FILE)).toBe(`${process.pid}\n`);
  });

  it('takes over the lock of a stopped build', async () => {
    const stopped = spawnSync(process.execPath, ['-e', '']).pid;
    project.write(LOCK_FILE, `${stopped}\n`);

    await build();
    expect(fs.existsSync(project.file('dist/mini.project.json'))).toBe(true);
    expect(fs.existsSync(project.file(LOCK_FILE))).toBe(false);
  });
});
