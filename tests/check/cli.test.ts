import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { makeFixture, removeFixture, type FixtureProject } from './fixture';

const REPO_ROOT = path.resolve(__dirname, '../..');

function runCli(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const child = spawnSync(
    process.execPath,
    ['-r', 'esbuild-register', 'tools/check/cli.ts', ...args],
    {
      cwd: REPO_ROOT,
      env,
      encoding: 'utf8',
    },
  );
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('check CLI', () => {
  let project: FixtureProject;
  let args: string[];
  beforeEach(async () => {
    project = await makeFixture();
    args = ['--root', project.root, '--dist', project.dist];
  });
  afterEach(() => removeFixture(project));

  it('exits 0 on clean output', () => {
    const result = runCli(args);
    expect(result.stdout).toBe('check: no problems found\n');
    expect(result.code).toBe(0);
  });

  it('exits 1 on errors', async () => {
    await project.write('client/app.json', '{\n  "pages": ["pages/index/index",]\n}\n');
    const result = runCli(args);
    expect(result.stdout).toBe(
      'dist/client/app.json:2:32  json-syntax  invalid JSON: trailing comma before "]"\n' +
        'check: 1 error, 0 warnings\n',
    );
    expect(result.code).toBe(1);
  });

  it('exits 0 with warnings only', async () => {
    await project.write('client/pages/index/index.axml', '<view onTap="{{handler}}"/>');
    const result = runCli(args);
    expect(result.stdout).toMatch(
      /^dist\/client\/pages\/index\/index\.axml:1:14 {2}event-handlers {2}warning: onTap="\{\{/,
    );
    expect(result.stdout).toMatch(/check: 0 errors, 1 warning\n$/);
    expect(result.code).toBe(0);
  });

  it('prints findings as JSON', async () => {
    await project.remove('client/pages/index/index.js');
    const result = runCli([...args, '--json']);
    const report = JSON.parse(result.stdout);
    expect(report).toEqual({
      findings: [
        {
          file: 'dist/client/app.json',
          line: 2,
          column: 13,
          rule: 'page-files',
          severity: 'error',
          message: 'page "pages/index/index" has no dist/client/pages/index/index.js',
        },
      ],
      errors: 1,
      warnings: 0,
    });
    expect(result.code).toBe(1);
  });

  it('exits 2 on unknown options', () => {
    const result = runCli(['--nope']);
    expect(result.stderr).toMatch(/^check: Unknown option '--nope'/);
    expect(result.code).toBe(2);
  });

  it('prints help with rule names', () => {
    const result = runCli(['--help']);
    expect(result.stdout).toMatch(/ {2}event-handlers {5}onTap\/catchTap-style attributes/);
    expect(result.code).toBe(0);
  });
});
