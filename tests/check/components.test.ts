import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { makeFixture, removeFixture, type FixtureProject } from './fixture';

const PAGE_JSON = 'client/pages/index/index.json';

function usingComponents(entries: Record<string, string>): string {
  return `${JSON.stringify({ usingComponents: entries }, null, 2)}\n`;
}

describe('page-files rule', () => {
  let project: FixtureProject;
  beforeEach(async () => {
    project = await makeFixture();
  });
  afterEach(() => removeFixture(project));

  it('passes listed pages with files', async () => {
    expect(await project.findings('page-files')).toEqual([]);
  });

  it('reports a page without axml', async () => {
    await project.remove('client/pages/index/index.axml');
    expect(await project.findings('page-files')).toEqual([
      {
        file: 'dist/client/app.json',
        line: 2,
        column: 13,
        rule: 'page-files',
        severity: 'error',
        message: 'page "pages/index/index" has no dist/client/pages/index/index.axml',
      },
    ]);
  });

  it('reports a page without js', async () => {
    await project.remove('client/pages/index/index.js');
    const findings = await project.findings('page-files');
    expect(findings.map((finding) => finding.message)).toEqual([
      'page "pages/index/index" has no dist/client/pages/index/index.js',
    ]);
  });

  it('reports a missing app.js', async () => {
    await project.remove('client/app.js');
    expect(await project.findings('page-files')).toEqual([
      expect.objectContaining({ file: 'dist/client/app.js', message: 'missing' }),
    ]);
  });

  it('reports empty pages list', async () => {
    await project.write('client/app.json', '{\n  "pages": []\n}\n');
    expect(await project.findings('page-files')).toEqual([
      expect.objectContaining({ line: 2, column: 12 }),
    ]);
  });
});

describe('using-components rule', () => {
  let project: FixtureProject;
  beforeEach(async () => {
    project = await makeFixture();
  });
  afterEach(() => removeFixture(project));

  it('passes relative, absolute, npm and plugin targets', async () => {
    await project.write(
      PAGE_JSON,
      usingComponents({
        absolute: '/components/card/index',
        relative: '../../components/card/index',
        folder: '/components/card',
        npm: 'mini-ui/button/index',
        plugin: 'plugin://starterPlugin/hello',
        dynamic: 'dynamic-plugin://3000000000000000/hello',
      }),
    );
    expect(await project.findings('using-components')).toEqual([]);
  });

  it('reports a missing local component', async () => {
    await project.write(PAGE_JSON, usingComponents({ card: '/components/nope/index' }));
    expect(await project.findings('using-components')).toEqual([
      {
        file: 'dist/client/pages/index/index.json',
        line: 3,
        column: 13,
        rule: 'using-components',
        severity: 'error',
        message:
          'component "card": "/components/nope/index" not found: ' +
          'dist/client/components/nope/index.axml is missing',
      },
    ]);
  });

  it('reports a missing npm package', async () => {
    await project.write(PAGE_JSON, usingComponents({ btn: '@scope/ui/button' }));
    const [finding] = await project.findings('using-components');
    expect(finding.message).toMatch(/copy the package "@scope\/ui"/);
  });

  it('finds npm packages in nearer node_modules', async () => {
    await project.write('client/pages/index/node_modules/local-ui/index.axml', '<view/>');
    await project.write('client/pages/index/node_modules/local-ui/index.js', 'Component({});');
    await project.write(
      'client/pages/index/node_modules/local-ui/index.json',
      '{"component": true}',
    );
    await project.write(PAGE_JSON, usingComponents({ local: 'local-ui' }));
    expect(await project.findings('using-components')).toEqual([]);
  });

  it('reports a path leaving the folder', async () => {
    await project.write(
      PAGE_JSON,
      usingComponents({ hello: '../../../plugin/components/hello/index' }),
    );
    const [finding] = await project.findings('using-components');
    expect(finding.message).toMatch(/points outside dist\/client/);
  });

  it('reports an undeclared plugin alias', async () => {
    await project.write(PAGE_JSON, usingComponents({ other: 'plugin://otherPlugin/x' }));
    const [finding] = await project.findings('using-components');
    expect(finding.message).toBe(
      'component "other": plugin alias "otherPlugin" is not declared in app.json "plugins"',
    );
  });

  it('reports an unknown public component', async () => {
    await project.write(PAGE_JSON, usingComponents({ bye: 'plugin://starterPlugin/bye' }));
    const [finding] = await project.findings('using-components');
    expect(finding.message).toMatch(/has no public component "bye" \(plugin.json lists: hello\)/);
  });

  it('skips plugins of other projects', async () => {
    const appJson = JSON.parse(await project.read('client/app.json'));
    appJson.plugins.other = { version: '1.0.0', provider: '2000000000000000' };
    await project.write('client/app.json', JSON.stringify(appJson));
    await project.write(PAGE_JSON, usingComponents({ x: 'plugin://other/anything' }));
    expect(await project.findings('using-components')).toEqual([]);
  });

  it('matches the configured plugin id', async () => {
    const appJson = JSON.parse(await project.read('client/app.json'));
    appJson.plugins.starterPlugin.version = '*';
    await project.write('client/app.json', JSON.stringify(appJson));
    await project.write(PAGE_JSON, usingComponents({ bye: 'plugin://starterPlugin/bye' }));
    expect(await project.findings('using-components')).toEqual([]);
    const configured = await project.findings('using-components', { pluginId: '3000000000000000' });
    expect(configured).toHaveLength(1);
  });

  it('reports a component without js', async () => {
    await project.remove('client/components/card/index.js');
    const findings = await project.findings('using-components');
    expect(findings).toEqual([
      expect.objectContaining({
        line: 4,
        column: 13,
        message: 'component "card" has no dist/client/components/card/index.js',
      }),
    ]);
  });
});

describe('component-json rule', () => {
  let project: FixtureProject;
  beforeEach(async () => {
    project = await makeFixture();
  });
  afterEach(() => removeFixture(project));

  it('passes components marked true', async () => {
    expect(await project.findings('component-json')).toEqual([]);
  });

  it('reports component set to false', async () => {
    await project.write('client/components/card/index.json', '{\n  "component": false\n}\n');
    expect(await project.findings('component-json')).toEqual([
      {
        file: 'dist/client/components/card/index.json',
        line: 2,
        column: 16,
        rule: 'component-json',
        severity: 'error',
        message: '"component" is false; set "component": true',
      },
    ]);
  });

  it('reports a missing component json', async () => {
    await project.remove('client/node_modules/mini-ui/button/index.json');
    expect(await project.findings('component-json')).toEqual([
      expect.objectContaining({ file: 'dist/client/node_modules/mini-ui/button/index.json' }),
    ]);
  });

  it('checks plugin public components', async () => {
    await project.write('plugin/components/hello/index.json', '{}');
    const findings = await project.findings('component-json');
    expect(findings).toEqual([
      expect.objectContaining({
        file: 'dist/plugin/components/hello/index.json',
        line: 1,
        column: 1,
      }),
    ]);
  });
});

describe('plugin-json rule', () => {
  let project: FixtureProject;
  beforeEach(async () => {
    project = await makeFixture();
  });
  afterEach(() => removeFixture(project));

  it('passes existing plugin entries', async () => {
    expect(await project.findings('plugin-json')).toEqual([]);
  });

  it('reports a missing public page', async () => {
    await project.remove('plugin/pages/welcome/index.js');
    expect(await project.findings('plugin-json')).toEqual([
      {
        file: 'dist/plugin/plugin.json',
        line: 3,
        column: 31,
        rule: 'plugin-json',
        severity: 'error',
        message:
          'publicPages.welcome points at "pages/welcome/index", but ' +
          'dist/plugin/pages/welcome/index.js is missing',
      },
    ]);
  });

  it('reports a missing public component', async () => {
    await project.remove('plugin/components/hello');
    const findings = await project.findings('plugin-json');
    expect(findings.map((finding) => [finding.line, finding.column])).toEqual([
      [2, 34],
      [2, 34],
      [2, 34],
    ]);
  });

  it('reports a missing main', async () => {
    await project.remove('plugin/index.js');
    const [finding] = await project.findings('plugin-json');
    expect(finding).toMatchObject({ line: 4, column: 11 });
  });

  it('reports a missing plugin.json', async () => {
    await project.remove('plugin/plugin.json');
    expect(await project.findings('plugin-json')).toEqual([
      expect.objectContaining({ file: 'dist/plugin/plugin.json' }),
    ]);
  });
});
