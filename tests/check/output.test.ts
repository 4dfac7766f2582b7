import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { makeFixture, removeFixture, type FixtureProject } from './fixture';

describe('js-syntax rule', () => {
  let project: FixtureProject;
  beforeEach(async () => {
    project = await makeFixture();
  });
  afterEach(() => removeFixture(project));

  it('passes ES2015 client and ES2019 server', async () => {
    await project.write(
      'client/util.js',
      'const f = (a, ...rest) => `${a}${rest.length}`;\nclass A {}\n',
    );
    await project.write(
      'server/hello/util.js',
      'async function f() { try { await 1; } catch { return { ...{} }; } }\n',
    );
    expect(await project.findings('js-syntax')).toEqual([]);
  });

  it('reports async functions in client', async () => {
    await project.write('client/util.js', '"use strict";\nasync function load() {}\n');
    expect(await project.findings('js-syntax')).toEqual([
      {
        file: 'dist/client/util.js',
        line: 2,
        column: 7,
        rule: 'js-syntax',
        severity: 'error',
        message:
          'syntax newer than ES2015 (Unexpected token): lower the build target for this folder',
      },
    ]);
  });

  it('reports optional chaining in server', async () => {
    await project.write('server/hello/util.js', 'module.exports = (c) => c?.data;\n');
    const findings = await project.findings('js-syntax');
    expect(findings).toEqual([
      expect.objectContaining({ file: 'dist/server/hello/util.js', line: 1, column: 27 }),
    ]);
    expect(findings[0].message).toMatch(/newer than ES2019/);
  });

  it('reports plain syntax errors', async () => {
    await project.write('plugin/index.js', 'module.exports = {;\n');
    const [finding] = await project.findings('js-syntax');
    expect(finding.message).toBe('invalid JavaScript: Unexpected token');
  });

  it('checks client node_modules code', async () => {
    await project.write('client/node_modules/mini-ui/util.js', 'export default 1;\n');
    expect(await project.findings('js-syntax')).toHaveLength(1);
  });
});

describe('upload-files rule', () => {
  let project: FixtureProject;
  beforeEach(async () => {
    project = await makeFixture();
  });
  afterEach(() => removeFixture(project));

  it('allows maps outside uploaded folders', async () => {
    await project.write('.maps/client/app.js.map', '{}');
    expect(await project.findings('upload-files')).toEqual([]);
  });

  it('reports source files in each folder', async () => {
    await project.write('client/pages/index/index.ts', '');
    await project.write('plugin/components/hello/index.less', '');
    await project.write('server/hello/index.js.map', '{}');
    const findings = await project.findings('upload-files');
    expect(findings.map((finding) => [finding.file, finding.severity])).toEqual([
      ['dist/client/pages/index/index.ts', 'error'],
      ['dist/plugin/components/hello/index.less', 'error'],
      ['dist/server/hello/index.js.map', 'error'],
    ]);
    expect(findings[2].message).toMatch(/write source maps to dist\/.maps instead/);
  });

  it('warns once per declaring package', async () => {
    await project.write('client/node_modules/mini-ui/index.d.ts', '');
    await project.write('client/node_modules/mini-ui/types/button.d.ts', '');
    await project.write('client/node_modules/@scope/kit/index.d.ts', '');
    const findings = await project.findings('upload-files');
    expect(findings.map((finding) => [finding.file, finding.severity])).toEqual([
      ['dist/client/node_modules/@scope/kit', 'warning'],
      ['dist/client/node_modules/mini-ui', 'warning'],
    ]);
    expect(findings[1].message).toMatch(
      /^2 type declaration files \(\.d\.ts\) of this npm package/,
    );
  });

  it('reports package source maps', async () => {
    await project.write('client/node_modules/mini-ui/index.js.map', '{}');
    const findings = await project.findings('upload-files');
    expect(findings).toEqual([
      expect.objectContaining({
        file: 'dist/client/node_modules/mini-ui/index.js.map',
        severity: 'error',
      }),
    ]);
  });
});

describe('target-size rule', () => {
  let project: FixtureProject;
  beforeEach(async () => {
    project = await makeFixture();
  });
  afterEach(() => removeFixture(project));

  it('passes under the default limits', async () => {
    expect(await project.findings('target-size')).toEqual([]);
  });

  it('reports client over its limit', async () => {
    await project.write('client/assets/big.bin', Buffer.alloc(3000).toString());
    const findings = await project.findings('target-size', { sizeLimits: { client: 2048 } });
    expect(findings).toEqual([
      expect.objectContaining({ file: 'dist/client', rule: 'target-size', severity: 'error' }),
    ]);
    expect(findings[0].message).toMatch(
      /^\d+\.\d KB is over the 2\.0 KB limit for this folder \(sizeLimits\.client\)/,
    );
  });

  it('reports each function separately', async () => {
    await project.write('server/favorites/data.json', `"${'x'.repeat(4000)}"`);
    const findings = await project.findings('target-size', { sizeLimits: { function: 3000 } });
    expect(findings.map((finding) => finding.file)).toEqual(['dist/server/favorites']);
  });
});

describe('project-config rule', () => {
  let project: FixtureProject;
  beforeEach(async () => {
    project = await makeFixture();
  });
  afterEach(() => removeFixture(project));

  it('passes existing roots', async () => {
    expect(await project.findings('project-config')).toEqual([]);
  });

  it('reports a missing plugin root', async () => {
    await project.write(
      'mini.project.json',
      '{\n  "miniprogramRoot": "client",\n  "pluginRoot": "plug"\n}\n',
    );
    expect(await project.findings('project-config')).toEqual([
      {
        file: 'dist/mini.project.json',
        line: 3,
        column: 17,
        rule: 'project-config',
        severity: 'error',
        message: '"pluginRoot" "plug" not found: dist/plug is missing',
      },
    ]);
  });

  it('reports a root outside dist', async () => {
    await project.write('mini.project.json', '{ "miniprogramRoot": "../client" }');
    const [finding] = await project.findings('project-config');
    expect(finding.message).toBe('"miniprogramRoot" "../client" must name a folder inside dist');
  });

  it('reports a missing miniprogramRoot', async () => {
    await project.write('mini.project.json', '{ "compileType": "mini" }');
    const [finding] = await project.findings('project-config');
    expect(finding.message).toMatch(/missing "miniprogramRoot"/);
  });

  it('reports a missing project file', async () => {
    await project.remove('mini.project.json');
    expect(await project.findings('project-config')).toEqual([
      expect.objectContaining({ file: 'dist/mini.project.json' }),
    ]);
  });

  it('leaves invalid JSON to json-syntax', async () => {
    await project.write('mini.project.json', '{ "miniprogramRoot": client }');
    const findings = await project.check();
    expect(findings.map((finding) => finding.rule)).toEqual(['json-syntax']);
  });
});
