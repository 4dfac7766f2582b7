import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(REPO_ROOT, 'tools', 'postinstall.cjs');
const TEMPLATE = path.join(REPO_ROOT, 'node_modules', 'faas-mini-app', 'tpl', 'entry.js');

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postinstall-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the script as npm would, from `dir`. */
function runPostinstall(): Promise<string> {
  const env = { ...process.env, INIT_CWD: dir };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [SCRIPT], { cwd: dir, env }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });
}

describe('postinstall script', () => {
  it('removes the faas-mini-app template', async () => {
    fs.copyFileSync(TEMPLATE, path.join(dir, 'entry.js'));

    const output = await runPostinstall();

    expect(fs.existsSync(path.join(dir, 'entry.js'))).toBe(false);
    expect(output).toContain('removed');
  });

  it('removes a reformatted template', async () => {
    const reformatted = fs.readFileSync(TEMPLATE, 'utf8').replace(/'/g, '"').replace(/\n/g, '\r\n');
    fs.writeFileSync(path.join(dir, 'entry.js'), reformatted);

    await runPostinstall();

    expect(fs.existsSync(path.join(dir, 'entry.js'))).toBe(false);
  });

  it('keeps an edited entry.js', async () => {
    const edited = fs
      .readFileSync(TEMPLATE, 'utf8')
      .replace('// injector', "require('./tracing');");
    fs.writeFileSync(path.join(dir, 'entry.js'), edited);

    const output = await runPostinstall();

    expect(fs.readFileSync(path.join(dir, 'entry.js'), 'utf8')).toBe(edited);
    expect(output).toContain('kept');
  });

  it('keeps an unrelated entry.js', async () => {
    fs.writeFileSync(path.join(dir, 'entry.js'), "console.log('my app');\n");

    await runPostinstall();

    expect(fs.existsSync(path.join(dir, 'entry.js'))).toBe(true);
  });

  it('succeeds without entry.js', async () => {
    expect(await runPostinstall()).toBe('');
  });
});
