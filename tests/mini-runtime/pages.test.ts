import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { createHost, type MiniHost } from '../../local-cloud/mini-runtime';
import { copyFixtureApp, type FixtureApp, removeFolder } from './fixture';

let fixture: FixtureApp;
let host: MiniHost;

beforeEach(async () => {
  fixture = await copyFixtureApp();
  host = createHost({ root: fixture.client, plugins: { greeter: fixture.plugin } });
  // The cloud SDK's init calls my.getFileSystemManager; undefined means "not available".
  host.my.stubRaw('getFileSystemManager', () => undefined);
});

afterEach(async () => {
  await removeFolder(fixture.folder);
});

describe('app lifecycle', () => {
  test('launch runs onLaunch then onShow', () => {
    const app = host.launch({ query: { from: 'test' } });

    expect(app.lifecycle).toEqual(['onLaunch:{"from":"test"}', 'onShow']);
  });

  test('getApp returns the App object', () => {
    host.launch();

    expect(host.app?.formatName(' Ann ')).toBe('Hello, Ann');
  });

  test('app.js without App throws', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${fixture.client}/app.js`, 'exports.empty = true;');

    expect(() => host.launch()).toThrow(/app\.js did not call App\(\)/);
  });
});

describe('page lifecycle', () => {
  test('openPage runs onLoad, onShow, onReady', () => {
    host.launch();

    const page = host.openPage('pages/index/index', { id: '7' });

    expect(page.instance.lifecycle).toEqual(['onLoad', 'onShow', 'onReady']);
    expect(page.data.query).toEqual({ id: '7' });
    expect(page.data.title).toBe('Hello, index');
  });

  test('query string joins the query', () => {
    host.launch();

    const page = host.openPage('/pages/other/other?id=42');

    expect(page.data.id).toBe('42');
  });

  test('page stack drives onHide and onUnload', () => {
    host.launch();
    const index = host.openPage('pages/index/index');
    index.instance.lifecycle.length = 0;

    const other = host.openPage('pages/other/other', { id: '1' });
    host.closePage();

    expect(other.data.depth).toBe(2);
    expect(index.instance.lifecycle).toEqual(['onHide', 'onShow']);
    expect(host.app?.lifecycle).toContain('other:onUnload');
  });

  test('unknown page names app.json pages', () => {
    host.launch();

    expect(() => host.openPage('pages/missing/missing')).toThrow(
      /Page 'pages\/missing\/missing' is not in .*app\.json pages/,
    );
    expect(() => host.openPage('pages/missing/missing')).toThrow(
      '(pages/index/index, pages/other/other)',
    );
  });

  test('page event handler gets event', async () => {
    host.launch();
    const page = host.openPage('pages/index/index');

    page.trigger('onTap', { dataset: { step: 5 } });
    page.trigger('onTap', { dataset: { step: 2 } });

    expect(page.data.count).toBe(7);
  });

  test('unknown page method throws', () => {
    host.launch();
    const page = host.openPage('pages/index/index');

    expect(() => page.trigger('onMissing')).toThrow(
      "Page pages/index/index has no method 'onMissing'.",
    );
  });
});

describe('dynamic plugin', () => {
  test('loadPlugin then requirePlugin by id', async () => {
    host.launch();
    host.my.stub('loadPlugin');
    const page = host.openPage('pages/index/index');

    await page.trigger('onLoadPlugin');
    await host.settle();

    expect(host.my.callOptions('loadPlugin')).toMatchObject([{ plugin: '3000000000000001@*' }]);
    expect(page.data.pluginVersion).toBe('1.0.0');
    expect(page.data.loaded).toBe(true);
  });
});
