import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import * as acorn from 'acorn';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { loadContract } from '../../tools/check/contract';
import { readExportsInChild, readStaticExports } from '../../tools/check/exports';
import { makeFixture, removeFixture, type FixtureProject } from './fixture';

const REPO_ROOT = path.resolve(__dirname, '../..');

function staticExports(code: string) {
  return readStaticExports(acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'script' }));
}

describe('readStaticExports', () => {
  it('reads exports assignments', () => {
    expect(
      staticExports('exports.a = exports.b = void 0; exports.a = 1; module.exports.c = 2;'),
    ).toEqual({
      names: new Set(['b', 'a', 'c']),
    });
  });

  it('reads module.exports objects', () => {
    expect(staticExports('module.exports = { main, "other": 1 };')).toEqual({
      names: new Set(['main', 'other']),
    });
  });

  it('reads esbuild __export calls', () => {
    const code =
      'var e = {}; __export(e, { list: () => list, add: () => add });\n' +
      'module.exports = __toCommonJS(e);';
    expect(staticExports(code)).toEqual({ names: new Set(['list', 'add']) });
  });

  it('reads defineProperty exports', () => {
    const code =
      'Object.defineProperty(exports, "__esModule", { value: true });\n' +
      'Object.defineProperty(exports, "main", {});';
    expect(staticExports(code)).toEqual({ names: new Set(['main']) });
  });

  it('gives up on other module.exports values', () => {
    expect(staticExports('module.exports = require("./impl");')).toEqual({
      unknown: 'module.exports is assigned a value the checker cannot read',
    });
  });

  it('gives up without exports', () => {
    expect(staticExports('var a = 1;')).toEqual({ unknown: 'no exports found' });
  });
});

describe('readExportsInChild', () => {
  let project: FixtureProject;
  beforeEach(async () => {
    project = await makeFixture();
  });
  afterEach(() => removeFixture(project));

  it('lists function exports', async () => {
    await project.write(
      'server/hello/impl.js',
      'exports.main = async () => 1; exports.version = 2;',
    );
    await project.write('server/hello/index.js', 'module.exports = require("./impl");');
    const file = path.join(project.dist, 'server/hello/index.js');
    expect(readExportsInChild(file, project.root)).toEqual({ names: new Set(['main']) });
  });

  it('reports a module that throws', async () => {
    await project.write('server/hello/index.js', 'throw new Error("boom");');
    const result = readExportsInChild(
      path.join(project.dist, 'server/hello/index.js'),
      project.root,
    );
    expect(result).toEqual({ unknown: expect.stringMatching(/child process failed: Error: boom/) });
  });
});

describe('loadContract', () => {
  it('loads the project contract', () => {
    const contract = loadContract(REPO_ROOT);
    expect(contract.kind).toBe('loaded');
    if (contract.kind !== 'loaded') return;
    expect(contract.functions.get('hello')?.get('main')).toBe(false);
    expect(contract.functions.get('favorites')?.get('list')).toBe(true);
  });

  it('reports a missing contract', () => {
    expect(loadContract(REPO_ROOT, 'contract/nothing.ts').kind).toBe('missing');
  });

  it.each([
    ['export const LIMIT = 5;', 'export "LIMIT" is not a cloud function (it is a number)'],
    ['export const shared = { def: { type: "string" } };', '"def" has no boolean login'],
    [
      'export const schema = { _zod: {} };',
      'export "schema" is not a cloud function (it is a zod schema)',
    ],
  ])('rejects a non-function export: %s', async (line, message) => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'contract-export-'));
    try {
      await fs.mkdir(path.join(root, 'contract'));
      await fs.writeFile(
        path.join(root, 'contract', 'api.ts'),
        `export const hello = { main: { login: false } };\n${line}\n`,
      );
      const contract = loadContract(root);
      expect(contract.kind).toBe('invalid');
      expect(contract.kind === 'invalid' ? contract.message : '').toContain(message);
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });
});

describe('function-package rule', () => {
  let project: FixtureProject;
  beforeEach(async () => {
    project = await makeFixture();
  });
  afterEach(() => removeFixture(project));

  it('passes complete function folders', async () => {
    expect(await project.findings('function-package')).toEqual([]);
  });

  it('reports a missing sdkVersion', async () => {
    await project.write(
      'server/hello/package.json',
      '{\n  "name": "hello",\n  "main": "index.js"\n}\n',
    );
    expect(await project.findings('function-package')).toEqual([
      {
        file: 'dist/server/hello/package.json',
        line: 1,
        column: 1,
        rule: 'function-package',
        severity: 'error',
        message: '"sdkVersion" must be set, usually to "*"',
      },
    ]);
  });

  it('reports main pointing nowhere', async () => {
    await project.write(
      'server/hello/package.json',
      '{\n  "main": "app.js",\n  "sdkVersion": "*"\n}\n',
    );
    const findings = await project.findings('function-package');
    expect(findings).toEqual([expect.objectContaining({ line: 2, column: 11 })]);
  });

  it('reports missing index.js and package.json', async () => {
    await project.remove('server/hello/index.js');
    await project.remove('server/hello/package.json');
    const findings = await project.findings('function-package');
    expect(findings.map((finding) => finding.file)).toEqual([
      'dist/server/hello/index.js',
      'dist/server/hello/package.json',
    ]);
  });
});

describe('function-handlers rule', () => {
  let project: FixtureProject;
  beforeEach(async () => {
    project = await makeFixture();
  });
  afterEach(() => removeFixture(project));

  it('passes tsc and esbuild output', async () => {
    expect(await project.findings('function-handlers')).toEqual([]);
  });

  it('reports a handler not exported', async () => {
    await project.replace('server/favorites/index.js', '  add: () => add,\n', '');
    await project.replace('server/favorites/index.js', '  add,\n', '');
    expect(await project.findings('function-handlers')).toEqual([
      {
        file: 'dist/server/favorites/index.js',
        rule: 'function-handlers',
        severity: 'error',
        message: 'handler "add" of "favorites" declared in contract/api.ts is not exported',
      },
    ]);
  });

  it('reports an extra export', async () => {
    await project.write(
      'server/hello/index.js',
      'exports.main = async () => 1;\nexports.debug = async () => 2;\n',
    );
    const [finding] = await project.findings('function-handlers');
    expect(finding.message).toMatch(/^exports "debug", not declared for "hello"/);
  });

  it('reports a function without source', async () => {
    await project.remove('server/hello');
    expect(await project.findings('function-handlers')).toEqual([
      expect.objectContaining({
        file: 'dist/server',
        message:
          'cloud function "hello" is declared in contract/api.ts but server/hello/index.ts ' +
          "does not exist: write it with defineFunction('hello', { ... }), or remove the export",
      }),
    ]);
  });

  it('reports a function not built', async () => {
    await project.remove('server/hello');
    await fs.mkdir(path.join(project.root, 'server', 'hello'), { recursive: true });
    await fs.writeFile(path.join(project.root, 'server', 'hello', 'index.ts'), '');
    expect(await project.findings('function-handlers')).toEqual([
      expect.objectContaining({
        message:
          'cloud function "hello" is declared in contract/api.ts but not built here: run the build',
      }),
    ]);
  });

  it('reports a function not in contract', async () => {
    await project.write('server/extra/index.js', 'exports.main = () => 1;');
    const findings = await project.findings('function-handlers');
    expect(findings).toEqual([expect.objectContaining({ file: 'dist/server/extra' })]);
  });

  it('reads exports in a child process', async () => {
    await project.write('server/hello/impl.js', 'exports.main = async () => 1;');
    await project.write('server/hello/index.js', 'module.exports = require("./impl");');
    expect(await project.findings('function-handlers')).toEqual([]);
  });

  it('warns when exports stay unknown', async () => {
    await project.write(
      'server/hello/index.js',
      'module.exports = require("not-installed-anywhere");',
    );
    const findings = await project.findings('function-handlers');
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'dist/server/hello/index.js' }),
    ]);
  });
});

describe('function-login rule', () => {
  let project: FixtureProject;
  beforeEach(async () => {
    project = await makeFixture();
  });
  afterEach(() => removeFixture(project));

  it('passes lists matching the contract', async () => {
    expect(await project.findings('function-login')).toEqual([]);
  });

  it('reports a missing notNeedLogin entry', async () => {
    await project.replace(
      'server/hello/package.json',
      '"notNeedLogin": ["main"]',
      '"notNeedLogin": []',
    );
    expect(await project.findings('function-login')).toEqual([
      {
        file: 'dist/server/hello/package.json',
        line: 6,
        column: 31,
        rule: 'function-login',
        severity: 'error',
        message:
          'config.notNeedLogin lacks "main" (login: false in the contract); it must be ["main"]: ' +
          'rebuild, since the build writes it from the contract',
      },
    ]);
  });

  it('reports a login handler listed', async () => {
    await project.replace(
      'server/favorites/package.json',
      '"notNeedLogin": []',
      '"notNeedLogin": ["list"]',
    );
    const [finding] = await project.findings('function-login');
    expect(finding.message).toMatch(/lists "list" \(login: true or not in the contract\)/);
  });

  it('reports a missing config', async () => {
    await project.write('server/hello/package.json', '{ "main": "index.js", "sdkVersion": "*" }');
    const [finding] = await project.findings('function-login');
    expect(finding).toMatchObject({ line: 1, column: 1 });
  });
});
