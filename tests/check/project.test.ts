// CheckProject's file listing and JS parsing, which the rules share.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CheckProject } from '../../tools/check/project';

let root: string;

function write(relative: string, text = ''): void {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'check-project-'));
  write('dist/client/app.js');
  write('dist/client/.hidden.js');
  write('dist/client/pages/a/index.js');
  write('dist/client/pages/a/index.axml');
  write('dist/client/node_modules/pkg/index.js');
  write('dist/client-old/app.js');
  write('dist/server/fn/index.js', 'exports.main = async () => ({ ...{} });\n');
  write('outside/app.js');
  write('linked/lib.js');
  fs.symlinkSync(path.join(root, 'linked'), path.join(root, 'dist/client/lib'), 'dir');
  fs.symlinkSync(path.join(root, 'dist/client'), path.join(root, 'dist/client/pages/loop'), 'dir');
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('CheckProject.listFiles', () => {
  const project = () => new CheckProject(root, 'dist');
  const relative = (files: string[]) => files.map((file) => path.relative(root, file));

  it('lists a folder without its sibling', () => {
    expect(relative(project().listFiles(path.join(root, 'dist/client')))).toEqual([
      'dist/client/.hidden.js',
      'dist/client/app.js',
      'dist/client/lib/lib.js',
      'dist/client/pages/a/index.axml',
      'dist/client/pages/a/index.js',
    ]);
  });

  it('follows linked folders without looping', () => {
    const files = relative(project().listFiles(path.join(root, 'dist/client/lib')));
    expect(files).toEqual(['dist/client/lib/lib.js']);
  });

  it('filters by extension', () => {
    const files = project().listFiles(path.join(root, 'dist/client/pages'), {
      extensions: ['axml'],
    });
    expect(relative(files)).toEqual(['dist/client/pages/a/index.axml']);
  });

  it('includes node_modules on request', () => {
    const files = project().listFiles(path.join(root, 'dist/client'), { nodeModules: true });
    expect(relative(files)).toContain('dist/client/node_modules/pkg/index.js');
  });

  it('lists folders outside the output', () => {
    expect(relative(project().listFiles(path.join(root, 'outside')))).toEqual(['outside/app.js']);
  });

  it('returns nothing for a missing folder', () => {
    expect(project().listFiles(path.join(root, 'dist/missing'))).toEqual([]);
  });
});

describe('CheckProject.readJs', () => {
  it('parses syntax newer than its target', () => {
    const project = new CheckProject(root, 'dist');
    const file = path.join(root, 'dist/server/fn/index.js');
    expect(project.readJs(file)?.type).toBe('Program');
    expect(project.parseJs(project.readText(file) ?? '', 2015).error).toBeInstanceOf(SyntaxError);
  });
});
