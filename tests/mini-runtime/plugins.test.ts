import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import { createHost, type MiniHost } from '../../local-cloud/mini-runtime';
import { copyFixtureApp, type FixtureApp, removeFolder } from './fixture';

let fixture: FixtureApp;
let host: MiniHost;

beforeEach(async () => {
  fixture = await copyFixtureApp();
  host = createHost({ root: fixture.client, plugins: { greeter: fixture.plugin } });
  host.my.stubRaw('getFileSystemManager', () => undefined);
  host.launch();
});

afterEach(async () => {
  await removeFolder(fixture.folder);
});

type PluginMain = {
  version: string;
  typeOfGetApp(): string;
  callGetApp(): unknown;
  callGetCurrentPages(): unknown;
};

describe('requirePlugin', () => {
  test('returns main exports by alias', () => {
    const main = host.plugin('greeter').main() as PluginMain;

    expect(main.version).toBe('1.0.0');
  });

  test('alias and id share one plugin', () => {
    const byAlias = host.plugin('greeter').main();
    const byId = host.plugin('dynamic-plugin://3000000000000001').main();

    expect(byId).toBe(byAlias);
  });

  test('getApp is undefined in plugin', () => {
    const main = host.plugin('greeter').main() as PluginMain;

    expect(main.typeOfGetApp()).toBe('undefined');
  });

  test('plugin calling getApp throws', () => {
    const main = host.plugin('greeter').main() as PluginMain;

    expect(() => main.callGetApp()).toThrow('getApp is not defined');
  });

  test('plugin calling getCurrentPages throws', () => {
    const main = host.plugin('greeter').main() as PluginMain;

    expect(() => main.callGetCurrentPages()).toThrow('getCurrentPages is not defined');
  });

  test('unknown plugin names the fix', () => {
    expect(() => host.plugin('other')).toThrow("Plugin 'other' has no folder in this test.");
    expect(() => host.plugin('other')).toThrow(
      "Pass plugins: { 'other': '<path to dist/plugin>' }",
    );
  });
});

describe('plugin components and pages', () => {
  test('public component calls host callback', () => {
    const onGreet = vi.fn();
    const hello = host.mountComponent('plugin://greeter/hello', { name: 'Ann', onGreet });

    hello.trigger('onTap');

    expect(onGreet).toHaveBeenCalledWith('Hello, Ann');
    expect(hello.data.greeted).toBe(true);
  });

  test('unknown public component lists declared', () => {
    expect(() => host.mountComponent('plugin://greeter/missing')).toThrow(
      /'missing' is not in publicComponents \(declared: hello\)/,
    );
  });

  test('public page runs in plugin context', () => {
    host.my.stub('getParentAppIdSync', () => '2021000000000001');

    const page = host.openPage('plugin://greeter/welcome');

    expect(page.data).toEqual({ appId: '2021000000000001', hasGetApp: false });
  });

  test('plugin shares the host my stubs', () => {
    host.my.stub('getParentAppIdSync', () => 'id');

    host.openPage('plugin://greeter/welcome');

    expect(host.my.calls('getParentAppIdSync')).toHaveLength(1);
  });
});
