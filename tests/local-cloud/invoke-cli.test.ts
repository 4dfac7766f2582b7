import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createFunctionFixture, DEMO_FUNCTION, type FunctionFixture } from './function-fixture';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(REPO_ROOT, 'local-cloud', 'invoke-cli.ts');

let fixture: FunctionFixture;
let dbDir: string;

interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run invoke -- ...args` the way npm does, from the repository root. */
function runCli(args: string[], options: { dist?: string } = {}): Promise<CliRun> {
  const all = [...args, '--dist', options.dist ?? fixture.distDir, '--db', dbDir];

  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', 'esbuild-register', CLI, ...all],
      { cwd: REPO_ROOT },
      (error, stdout, stderr) => {
        const status = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

beforeAll(() => {
  fixture = createFunctionFixture();
  fixture.writeFunction('demo', DEMO_FUNCTION, ['hello']);
  fixture.writeFunction(
    'outside',
    "exports.main = async (context) => context.cloud.httpApi.invoke({ domain: 'evil.example.com', path: '/' });",
  );
  dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-cli-db-'));
});

afterAll(() => {
  fixture.remove();
  fs.rmSync(dbDir, { recursive: true, force: true });
});

describe('npm run invoke', () => {
  it('prints the reply on success', async () => {
    const run = await runCli(['demo', 'hello', '--data', '{"name":"Ada"}', '--env', 'pre']);

    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      success: true,
      result: { greeting: 'hello Ada', env: 'pre' },
    });
  });

  it('omits the log by default', async () => {
    const run = await runCli(['demo', 'hello']);

    expect(JSON.parse(run.stdout)).not.toHaveProperty('log');
  });

  it('prints the log with --log', async () => {
    const run = await runCli(['demo', 'save', '--data', '{"text":"x"}', '--log']);

    expect(run.status).toBe(0);
    expect(run.stdout).toContain('\nlog:\nFC Invoke Start RequestId: local-');
    expect(run.stdout).toContain('[log] ["saving",{"text":"x"}]');
  });

  it('sends handler console to stderr', async () => {
    const run = await runCli(['demo', 'save', '--data', '{"text":"y"}']);

    expect(run.stderr).toContain("saving { text: 'y' }");
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });

  it('defaults to the local test user', async () => {
    const run = await runCli(['demo', 'whoami']);

    expect(JSON.parse(run.stdout).result).toEqual({
      openId: 'local-test-open-id',
      mixNick: 'local-test-user',
      fcName: 'demo',
    });
  });

  it('passes a given open id', async () => {
    const run = await runCli(['demo', 'whoami', '--open-id', 'buyer-7']);

    expect(JSON.parse(run.stdout).result.openId).toBe('buyer-7');
  });

  it('anonymous call fails login', async () => {
    const run = await runCli(['demo', 'whoami', '--anonymous']);

    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ success: false, errorCode: -1 });
  });

  it('persists the database between runs', async () => {
    await runCli(['demo', 'save', '--data', '{"text":"one"}', '--open-id', 'keeper']);
    const run = await runCli(['demo', 'save', '--data', '{"text":"two"}', '--open-id', 'keeper']);

    expect(JSON.parse(run.stdout).result.count).toBe(2);
    expect(fs.existsSync(path.join(dbDir, 'notes.json'))).toBe(true);
  });

  it('exits 1 when the handler throws', async () => {
    const run = await runCli(['demo', 'fail']);

    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ success: false, errorMessage: 'handler broke' });
  });

  it('exits 1 on a refused domain', async () => {
    const run = await runCli(['outside']);

    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).errorMessage).toMatch(
      /domain "evil\.example\.com" is not on the HTTP whitelist/,
    );
  });

  it('lists functions for unknown function', async () => {
    const run = await runCli(['nope']);

    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cloud function "nope" not found .*\(functions: demo, outside\)/);
    expect(run.stdout).toBe('');
  });

  it('lists handlers for unknown handler', async () => {
    const run = await runCli(['demo', 'nope']);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'handler "nope" not found in cloud function "demo" (handlers: hello, whoami, save, fail, failWithCode, callTop)',
    );
  });

  it('shows where --data is invalid', async () => {
    const run = await runCli(['demo', 'hello', '--data', '{"name": }']);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--data is not valid JSON at line 1, column 10 (position 9)');
    expect(run.stderr).toContain('  {"name": }\n           ^');
  });

  it('asks for a build when missing', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-no-build-'));
    const run = await runCli(['demo'], { dist: empty });
    fs.rmSync(empty, { recursive: true });

    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /server not found: .*run npm run build:test \(or npm run dev\) first/,
    );
  });

  it('rejects an invalid env', async () => {
    const run = await runCli(['demo', 'hello', '--env', 'prod']);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('invalid cloud env "prod"');
  });

  it('rejects an unknown option', async () => {
    const run = await runCli(['demo', '--verbose']);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Unknown option '--verbose'.\nRun npm run invoke -- --help");
    expect(run.stderr).not.toContain('positional argument');
  });

  it('rejects open id with anonymous', async () => {
    const run = await runCli(['demo', 'whoami', '--anonymous', '--open-id', 'x']);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--open-id and --anonymous exclude each other');
  });

  it('requires a function name', async () => {
    const run = await runCli([]);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('missing the function name');
  });

  it('prints help and exits 0', async () => {
    const run = await runCli(['--help']);

    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: npm run invoke -- <function> [handler] [options]');
  });
});
