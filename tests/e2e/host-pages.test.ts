// End to end over the starter's own host pages and plugin, built into a temporary copy: page
// lifecycle and events -> typed client -> real cloud SDK -> bridge -> faas-mini-app -> compiled
// functions -> the local database or the mock OMS backend on 127.0.0.1 -> page data.
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';

import { loadConfig } from '../../build/config';
import { type MockOms, startMockOms } from '../../local-cloud/mock-oms';
import { createLocalRuntime, type LocalRuntime } from '../../local-cloud/runtime';
import type { MiniHost, PageHandle } from '../../local-cloud/mini-runtime';
import {
  type BridgeSettings,
  buildStarterApp,
  launchStarter,
  type StarterBuild,
} from './starter-build';

let build: StarterBuild;
let mockOms: MockOms;
let runtime: LocalRuntime;

beforeAll(async () => {
  build = await buildStarterApp();
  mockOms = await startMockOms({ port: 0 });
});

afterAll(async () => {
  await mockOms?.close();
  build?.project.remove();
});

// A new runtime per test gives each test an empty database.
beforeEach(() => {
  const { domain } = loadConfig(build.project.root).backend;
  runtime = createLocalRuntime({
    distDir: build.dist,
    cloud: { backends: { [domain]: mockOms.url } },
  });
  mockOms.setBehaviour(undefined);
});

function launch(settings: BridgeSettings = {}): MiniHost {
  return launchStarter(build, runtime, settings);
}

async function openSettled(host: MiniHost, route: string): Promise<PageHandle> {
  const page = host.openPage(route);
  await host.settle();
  return page;
}

describe('host pages open', () => {
  test('every app.json page opens', async () => {
    const host = launch();

    for (const route of build.appJson.pages) host.openPage(route);
    await host.settle();

    expect(host.consoleText('error')).toEqual([]);
  });
});

describe('index page', () => {
  test('onLoad shows the hello greeting', async () => {
    const host = launch();
    const expected = await runtime.invoke('hello', 'main', { name: 'Taobao' }, { env: 'test' });

    const page = await openSettled(host, 'pages/index/index');

    expect(page.data.greeting).toBe((expected.result as { greeting: string }).greeting);
    expect(page.data.greetingError).toBe('');
  });

  test('dynamic plugin becomes ready', async () => {
    const host = launch();

    const page = await openSettled(host, 'pages/index/index');

    expect(page.data.dynamicReady).toBe(true);
    expect(page.data.dynamicError).toBe('');
    expect(host.my.callOptions('loadPlugin')).toMatchObject([{ plugin: '3000000000000000@*' }]);
  });

  test('failed loadPlugin shows its message', async () => {
    const host = launch();
    host.my.stub('loadPlugin', () => {
      throw { error: 3, errorMessage: 'plugin not authorized' };
    });

    const page = await openSettled(host, 'pages/index/index');

    expect(page.data.dynamicReady).toBe(false);
    expect(page.data.dynamicError).toBe('plugin not authorized (code 3)');
  });

  test('card callback sets page data', async () => {
    const host = launch();
    const page = await openSettled(host, 'pages/index/index');
    const card = host.mountComponent(`plugin://${build.pluginAlias}/hello-card`, {
      name: 'Ann',
      onGreet: (greeting: string) => page.call('onCardGreet', greeting),
    });
    await host.settle();

    card.trigger('onTapCard');

    expect(card.data.status).toBe('ready');
    expect(page.data.cardGreeting).toBe(card.data.greeting);
    expect(page.data.cardGreeting).toContain('Ann');
  });

  test('orders button navigates to orders', async () => {
    const host = launch();
    const page = await openSettled(host, 'pages/index/index');

    page.trigger('onOpenOrders');

    expect(host.my.callOptions('navigateTo')).toEqual([{ url: '/pages/orders/index' }]);
  });
});

describe('hello-card component', () => {
  test('uses the host cloud after setCloud', async () => {
    const host = launch();
    await openSettled(host, 'pages/index/index');
    const sentBefore = host.my.calls('sendMtop').length;

    host.mountComponent(`plugin://${build.pluginAlias}/hello-card`, { name: 'Bo' });
    await host.settle();

    expect(host.my.calls('sendMtop').length).toBe(sentBefore + 1);
  });

  test('new name prop loads a new greeting', async () => {
    const host = launch();
    await openSettled(host, 'pages/index/index');
    const card = host.mountComponent(`plugin://${build.pluginAlias}/hello-card`, { name: 'Bo' });
    await host.settle();

    card.setProps({ name: 'Cy' });
    await host.settle();

    expect(card.data.greeting).toContain('Cy');
  });

  test('tap before ready calls nothing', () => {
    const host = launch();
    const onGreet = vi.fn();
    const card = host.mountComponent(`plugin://${build.pluginAlias}/hello-card`, { onGreet });

    card.trigger('onTapCard');

    expect(onGreet).not.toHaveBeenCalled();
  });
});

describe('favorites page', () => {
  test('add then list shows the item', async () => {
    const host = launch();
    const page = await openSettled(host, 'pages/favorites/index');

    page.trigger('onInputTitle', { type: 'input', detail: { value: 'Green tea' } });
    page.trigger('onSubmit');
    await host.settle();

    expect(page.data.errorMessage).toBe('');
    expect(page.data.items).toMatchObject([{ title: 'Green tea', note: '' }]);
    expect(page.data.draftTitle).toBe('');
  });

  test('edit renames and remove deletes', async () => {
    const host = launch();
    const page = await openSettled(host, 'pages/favorites/index');
    page.trigger('onInputTitle', { detail: { value: 'Tea' } });
    page.trigger('onSubmit');
    await host.settle();
    const [added] = page.data.items as Array<{ id: string }>;

    page.trigger('onEdit', { dataset: { id: added.id } });
    page.trigger('onInputTitle', { detail: { value: 'Black tea' } });
    page.trigger('onSubmit');
    await host.settle();
    const renamed = page.data.items;
    page.trigger('onRemove', { dataset: { id: added.id } });
    await host.settle();

    expect(renamed).toMatchObject([{ id: added.id, title: 'Black tea' }]);
    expect(page.data.items).toEqual([]);
  });

  test('users see only their own', async () => {
    const ann = launch({ user: { openId: 'ann' } });
    const annPage = await openSettled(ann, 'pages/favorites/index');
    annPage.trigger('onInputTitle', { detail: { value: 'Ann tea' } });
    annPage.trigger('onSubmit');
    await ann.settle();

    const bo = launch({ user: { openId: 'bo' } });
    const boPage = await openSettled(bo, 'pages/favorites/index');

    expect(annPage.data.items).toHaveLength(1);
    expect(boPage.data.items).toEqual([]);
  });

  test('unknown handler shows its name', async () => {
    // As when the page is newer than the uploaded function: the call names a missing handler.
    const outdated: LocalRuntime = {
      ...runtime,
      invoke: (fn, handler, data, options) =>
        runtime.invoke(fn, handler === 'list' ? 'listAll' : handler, data, options),
    };
    const host = launchStarter(build, outdated);

    const page = await openSettled(host, 'pages/favorites/index');

    expect(page.data.items).toEqual([]);
    expect(page.data.errorMessage).toContain('no handler "listAll"');
  });

  test('visitor sees a login message', async () => {
    const host = launch({ user: null });

    const page = await openSettled(host, 'pages/favorites/index');

    expect(page.data.items).toEqual([]);
    expect(page.data.errorMessage).toMatch(/log in/i);
  });

  test('blank title shows the rejection', async () => {
    const host = launch();
    const page = await openSettled(host, 'pages/favorites/index');

    page.trigger('onInputTitle', { detail: { value: '   ' } });
    page.trigger('onSubmit');
    await host.settle();

    expect(page.data.items).toEqual([]);
    expect(page.data.errorMessage).toMatch(/^input\.title: /);
  });
});

describe('orders pages', () => {
  test('first page of orders loads', async () => {
    const host = launch();

    const page = await openSettled(host, 'pages/orders/index');

    expect(page.data.errorMessage).toBe('');
    expect(page.data.orders).toHaveLength(10);
    expect(page.data.total).toBe(42);
    expect(page.data.loading).toBe(false);
  });

  test('load more appends the next page', async () => {
    const host = launch();
    const page = await openSettled(host, 'pages/orders/index');

    page.trigger('onLoadMore');
    await host.settle();

    expect(page.data.orders).toHaveLength(20);
    expect(page.data.pageNo).toBe(2);
  });

  test('backend failure shows error, retry recovers', async () => {
    const host = launch();
    mockOms.setBehaviour({ status: 503 });
    const page = await openSettled(host, 'pages/orders/index');
    const failedMessage = page.data.errorMessage;

    mockOms.setBehaviour(undefined);
    page.trigger('onRetry');
    await host.settle();

    expect(failedMessage).toContain('HTTP 503');
    expect(page.data.errorMessage).toBe('');
    expect(page.data.orders).toHaveLength(10);
  });

  test('non-JSON backend reply shows error', async () => {
    const host = launch();
    mockOms.setBehaviour({ text: '<html>maintenance</html>' });

    const page = await openSettled(host, 'pages/orders/index');

    expect(page.data.orders).toEqual([]);
    expect(page.data.errorMessage).toContain('the backend reply is not JSON');
  });

  test('slow backend shows a timeout', async () => {
    const host = launch();
    const { timeoutMs } = loadConfig(build.project.root).backend;
    mockOms.setBehaviour({ delayMs: timeoutMs + 1000 });

    const page = await openSettled(host, 'pages/orders/index');

    expect(page.data.orders).toEqual([]);
    expect(page.data.errorMessage).toContain(`did not respond within ${timeoutMs} ms`);
  });

  test('order tap navigates to its detail', async () => {
    const host = launch();
    const page = await openSettled(host, 'pages/orders/index');
    const [first] = page.data.orders as Array<{ id: string }>;

    page.trigger('onTapOrder', { dataset: { id: first.id } });

    const expectedUrl = `/pages/order-detail/index?id=${encodeURIComponent(first.id)}`;
    expect(host.my.callOptions('navigateTo')).toEqual([{ url: expectedUrl }]);
  });

  test('detail page shows the order', async () => {
    const host = launch();
    const list = await openSettled(host, 'pages/orders/index');
    const [first] = list.data.orders as Array<{ id: string; title: string }>;

    const detail = await openSettled(host, `pages/order-detail/index?id=${first.id}`);

    expect(detail.data.errorMessage).toBe('');
    expect(detail.data.order).toEqual(first);
  });

  test('detail without id shows a message', async () => {
    const host = launch();

    const detail = await openSettled(host, 'pages/order-detail/index');

    expect(detail.data.order).toBeNull();
    expect(detail.data.errorMessage).toMatch(/No order id/);
  });
});

describe('plugin welcome page', () => {
  test('lists the user favorites', async () => {
    const host = launch();
    await runtime.invoke('favorites', 'add', { title: 'Oolong' }, { openId: 'e2e-open-id' });
    await openSettled(host, 'pages/index/index');

    const welcome = await openSettled(host, `plugin://${build.pluginAlias}/welcome`);

    expect(welcome.data.errorMessage).toBe('');
    expect(welcome.data.favorites).toMatchObject([{ title: 'Oolong' }]);
  });
});
