import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import { createHost, type MiniHost } from '../../local-cloud/mini-runtime';
import { copyFixtureApp, type FixtureApp, removeFolder, writeTempFiles } from './fixture';

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

describe('component lifecycle', () => {
  test('mount runs onInit, deriveDataFromProps, didMount', () => {
    const counter = host.mountComponent('components/counter/index', { start: 3 });

    expect(counter.data.history).toEqual(['onInit', 'derive:3', 'didMount']);
    expect(counter.data.value).toBe(3);
  });

  test('mount runs no didUpdate', async () => {
    const counter = host.mountComponent('components/counter/index', { start: 3 });
    const afterMount = counter.instance.lastUpdate;
    await host.settle();

    expect(afterMount).toBeUndefined();
    expect(counter.instance.lastUpdate).toEqual({ prevStart: 3, prevValue: 3 });
  });

  test('props merge over declared defaults', () => {
    const counter = host.mountComponent('components/counter/index', { start: 3 });

    expect(counter.props.label).toBe('Count');
    expect(counter.props.start).toBe(3);
  });

  test('props are read-only', () => {
    const counter = host.mountComponent('components/counter/index');

    expect(() => {
      counter.instance.props.start = 9;
    }).toThrow(TypeError);
  });

  test('setProps derives data and runs didUpdate', () => {
    const counter = host.mountComponent('components/counter/index', { start: 1 });

    counter.setProps({ start: 10 });

    expect(counter.data.value).toBe(10);
    expect(counter.props.start).toBe(10);
    expect(counter.instance.lastUpdate).toEqual({ prevStart: 1, prevValue: 1 });
  });

  test('setData runs didUpdate after render', async () => {
    const counter = host.mountComponent('components/counter/index', { start: 4 });
    await host.settle();
    counter.instance.lastUpdate = undefined;

    counter.instance.setData({ value: 5 });
    expect(counter.instance.lastUpdate).toBeUndefined();
    await host.settle();

    expect(counter.instance.lastUpdate).toEqual({ prevStart: 4, prevValue: 4 });
  });

  test('unmount runs didUnmount', () => {
    const onChange = vi.fn();
    const counter = host.mountComponent('components/counter/index', { onChange });

    counter.unmount();

    expect(onChange).toHaveBeenCalledWith('unmounted');
  });

  test('each instance gets its own data', () => {
    const first = host.mountComponent('components/counter/index', { start: 1 });
    const second = host.mountComponent('components/counter/index', { start: 2 });

    first.trigger('onIncrement', { dataset: { step: 5 } });

    expect(first.data.value).toBe(6);
    expect(second.data.value).toBe(2);
  });
});

describe('component events', () => {
  test('method calls the callback prop', () => {
    const onChange = vi.fn();
    const counter = host.mountComponent('components/counter/index', { start: 1, onChange });

    counter.trigger('onIncrement', { dataset: { step: 2 } });

    expect(onChange).toHaveBeenCalledWith(3);
    expect(counter.data.value).toBe(3);
  });

  test('unknown method names the component', () => {
    const counter = host.mountComponent('components/counter/index');

    expect(() => counter.trigger('onMissing')).toThrow(
      "Component components/counter/index has no method 'onMissing' in its methods.",
    );
  });

  test('component gets its page as $page', () => {
    const page = host.openPage('pages/index/index');

    const counter = host.mountComponent('components/counter/index', {}, { page });

    expect(counter.instance.$page).toBe(page.instance);
  });
});

describe('component registration', () => {
  test('file without Component throws', async () => {
    const folder = await writeTempFiles({
      'client/app.json': JSON.stringify({ pages: [] }),
      'client/app.js': 'App({});',
      'client/components/empty/index.js': 'exports.nothing = true;',
    });
    const empty = createHost({ root: `${folder}/client` });
    empty.launch();

    expect(() => empty.mountComponent('components/empty/index')).toThrow(
      /components\/empty\/index\.js was loaded but did not call Component\(\)/,
    );
    await removeFolder(folder);
  });

  test('mixins are rejected clearly', async () => {
    const folder = await writeTempFiles({
      'client/app.json': JSON.stringify({ pages: [] }),
      'client/app.js': 'App({});',
      'client/components/mixed/index.js': 'Component({ mixins: [{}] });',
    });
    const mixed = createHost({ root: `${folder}/client` });
    mixed.launch();

    expect(() => mixed.mountComponent('components/mixed/index')).toThrow(/uses mixins/);
    await removeFolder(folder);
  });
});
