import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { makeFixture, removeFixture, type FixtureProject } from './fixture';

const HELLO = 'plugin/components/hello/index';

describe('plugin-globals rule', () => {
  let project: FixtureProject;
  beforeEach(async () => {
    project = await makeFixture();
  });
  afterEach(() => removeFixture(project));

  it('passes strings, comments and properties', async () => {
    await project.write(
      `${HELLO}.js`,
      '// getApp() is for host pages\nvar note = "getCurrentPages";\n' +
        'var o = { getApp: 1 };\no.getApp();\n',
    );
    expect(await project.findings('plugin-globals')).toEqual([]);
  });

  it('reports a getApp call', async () => {
    await project.write(
      `${HELLO}.js`,
      'Component({\n  methods: {\n    go() { return getApp().cloud; },\n  },\n});\n',
    );
    expect(await project.findings('plugin-globals')).toEqual([
      {
        file: 'dist/plugin/components/hello/index.js',
        line: 3,
        column: 19,
        rule: 'plugin-globals',
        severity: 'error',
        message:
          'getApp is not available inside a plugin: take what the host offers through component ' +
          "props or the plugin's main exports",
      },
    ]);
  });

  it('reports getCurrentPages as value', async () => {
    await project.write(
      'plugin/index.js',
      'var pages = typeof getCurrentPages;\nvar x = { [getApp]: 1 };',
    );
    const findings = await project.findings('plugin-globals');
    expect(findings.map((finding) => [finding.line, finding.column])).toEqual([
      [1, 20],
      [2, 12],
    ]);
  });

  it('reports plugin node_modules code', async () => {
    await project.write('plugin/node_modules/helper/index.js', 'module.exports = getApp;');
    const findings = await project.findings('plugin-globals');
    expect(findings.map((finding) => finding.file)).toEqual([
      'dist/plugin/node_modules/helper/index.js',
    ]);
  });

  it('ignores host app code', async () => {
    await project.write(
      'client/pages/index/index.js',
      'Page({ handleTap() { getApp(); }, handleSelect() {} });',
    );
    expect(await project.findings('plugin-globals')).toEqual([]);
  });
});

describe('plugin-web-view rule', () => {
  let project: FixtureProject;
  beforeEach(async () => {
    project = await makeFixture();
  });
  afterEach(() => removeFixture(project));

  it('allows web-view in the host', async () => {
    await project.write('client/pages/index/index.axml', '<web-view src="https://example.com"/>');
    expect(await project.findings('plugin-web-view')).toEqual([]);
  });

  it('reports web-view in plugin', async () => {
    await project.write(
      'plugin/pages/welcome/index.axml',
      '<view>\n  <web-view src="{{url}}"/>\n</view>',
    );
    expect(await project.findings('plugin-web-view')).toEqual([
      {
        file: 'dist/plugin/pages/welcome/index.axml',
        line: 2,
        column: 3,
        rule: 'plugin-web-view',
        severity: 'error',
        message: '<web-view> is not available inside a plugin: open the page from the host app',
      },
    ]);
  });
});

describe('plugin-acss rule', () => {
  let project: FixtureProject;
  beforeEach(async () => {
    project = await makeFixture();
  });
  afterEach(() => removeFixture(project));

  it('passes class, id and keyframes', async () => {
    expect(await project.findings('plugin-acss')).toEqual([]);
  });

  it('reports tag selector position', async () => {
    await project.write(`${HELLO}.acss`, '.a {}\n.b > view,\n  .c {}\n');
    expect(await project.findings('plugin-acss')).toEqual([
      {
        file: 'dist/plugin/components/hello/index.acss',
        line: 2,
        column: 6,
        rule: 'plugin-acss',
        severity: 'error',
        message:
          'tag selector "view" in ".b > view,\n  .c": plugin ACSS applies only class and id ' +
          'selectors; use a class instead',
      },
    ]);
  });

  it('reports attribute and universal selectors', async () => {
    await project.write(`${HELLO}.acss`, '[hidden] {}\n.a * {}\n.b:not(text) {}\n');
    const findings = await project.findings('plugin-acss');
    expect(
      findings.map((finding) => [finding.line, finding.column, finding.message.split(' "')[0]]),
    ).toEqual([
      [1, 1, 'attribute selector'],
      [2, 4, 'universal selector'],
      [3, 8, 'tag selector'],
    ]);
  });

  it('allows tag selectors in the host', async () => {
    expect(await project.read('client/app.acss')).toMatch(/^page/);
    expect(await project.findings('plugin-acss')).toEqual([]);
  });
});

describe('acss-syntax rule', () => {
  let project: FixtureProject;
  beforeEach(async () => {
    project = await makeFixture();
  });
  afterEach(() => removeFixture(project));

  it('passes valid ACSS', async () => {
    expect(await project.findings('acss-syntax')).toEqual([]);
  });

  it('reports unclosed block position', async () => {
    await project.write('client/pages/index/index.acss', '.page {\n  color: red;\n');
    expect(await project.findings('acss-syntax')).toEqual([
      {
        file: 'dist/client/pages/index/index.acss',
        line: 1,
        column: 1,
        rule: 'acss-syntax',
        severity: 'error',
        message: 'invalid ACSS: Unclosed block',
      },
    ]);
  });
});
