// The starter's pages and plugin, compiled, in the mini-program test runtime: the real cloud
// SDK calls my.sendMtop, which the bridge serves by running the compiled cloud functions
// through faas-mini-app; omsBase reaches the mock OMS backend on 127.0.0.1.
import path from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';

import { createSendMtop } from '../../local-cloud/bridge';
import { type CallbackStub, createHost, type MiniHost } from '../../local-cloud/mini-runtime';
import { startMockOms, type MockOms } from '../../local-cloud/mock-oms';
import { buildMockOrders, MOCK_ORDER_COUNT } from '../../local-cloud/mock-oms-orders';
import { createLocalRuntime, type LocalRuntime } from '../../local-cloud/runtime';
import { buildStarter, type BuiltStarter } from '../helpers/starter-build';

type User = { openId: string; mixNick?: string } | null;

let starter: BuiltStarter;
let oms: MockOms;
let runtime: LocalRuntime;
let alias: string;
let userCount = 0;

beforeAll(async () => {
  starter = await buildStarter();
  oms = await startMockOms({ port: 0 });
  runtime = createLocalRuntime({
    distDir: starter.dist,
    cloud: { backends: { [starter.config.backend.domain]: oms.url } },
  });
  alias = starter.config.plugin.alias;
});

afterEach(() => {
  oms.setBehaviour(undefined);
});

afterAll(async () => {
  await oms?.close();
  starter?.project.remove();
});

/** Returns a user no other test has used, so database state never leaks between tests. */
function newUser(): { openId: string } {
  userCount += 1;
  return { openId: `page-user-${userCount}` };
}

/** Launches the compiled host app with the plugin under its alias and its id. */
function launch(options: { user?: User; loadPlugin?: CallbackStub } = {}): MiniHost {
  const pluginDir = path.join(starter.dist, 'plugin');
  const host = createHost({
    root: path.join(starter.dist, 'client'),
    plugins: { [alias]: pluginDir, [starter.config.plugin.id]: pluginDir },
  });

  const user = options.user === undefined ? newUser() : options.user;
  const sendMtop = createSendMtop({ invoke: runtime.invoke, user, env: 'test' });
  host.my.stubCloudSdk(sendMtop).stubAll(['showLoading', 'hideLoading', 'navigateTo']);
  host.my.stub('loadPlugin', options.loadPlugin ?? (() => undefined));
  host.launch();
  return host;
}

function pluginCloudModule(host: MiniHost): { pluginCloud(): unknown } {
  return host.plugin(alias).realm.requireFile('utils/cloud') as { pluginCloud(): unknown };
}

describe('index page', () => {
  test('shows the hello greeting', async () => {
    const host = launch();
    const page = host.openPage('pages/index/index');
    await host.settle();

    expect(page.data.greeting).toBe('Hello, Taobao!');
    expect(page.data.greetingError).toBe('');
    expect(host.consoleText('error')).toEqual([]);
  });

  test('shows loading before plugin loads', () => {
    const host = launch();
    const page = host.openPage('pages/index/index');

    expect(page.data.dynamicLoading).toBe(true);
    expect(page.data.dynamicReady).toBe(false);
  });

  test('loads dynamic plugin by id', async () => {
    const host = launch();
    const page = host.openPage('pages/index/index');
    await host.settle();

    const [options] = host.my.callOptions('loadPlugin') as { plugin: string }[];
    expect(options.plugin).toBe(`${starter.config.plugin.id}@*`);
    expect(page.data.dynamicReady).toBe(true);
    expect(page.data.dynamicLoading).toBe(false);
    expect(page.data.dynamicError).toBe('');
  });

  test('plugin load failure shows error', async () => {
    const loadPlugin = () => {
      throw { error: 10, errorMessage: 'plugin not found' };
    };
    const host = launch({ loadPlugin });
    const page = host.openPage('pages/index/index');
    await host.settle();

    expect(page.data.dynamicReady).toBe(false);
    expect(page.data.dynamicLoading).toBe(false);
    expect(page.data.dynamicError).toContain('plugin not found');
  });

  test('retry after failure loads plugin', async () => {
    let attempts = 0;
    const loadPlugin = () => {
      attempts += 1;
      if (attempts === 1) throw { errorMessage: 'network down' };
    };
    const host = launch({ loadPlugin });
    const page = host.openPage('pages/index/index');
    await host.settle();

    page.trigger('onRetryPlugin');
    await host.settle();

    expect(attempts).toBe(2);
    expect(page.data.dynamicReady).toBe(true);
    expect(page.data.dynamicError).toBe('');
  });

  test('hands host cloud to plugin', () => {
    const host = launch();
    host.openPage('pages/index/index');

    expect(pluginCloudModule(host).pluginCloud()).toBe(host.app?.cloud);
  });

  test('plugin card event reaches page', async () => {
    const host = launch();
    const page = host.openPage('pages/index/index');
    const onGreet = (greeting: string) => page.call('onCardGreet', greeting);
    const card = host.mountComponent(
      `plugin://${alias}/hello-card`,
      { name: 'Ann', onGreet },
      { page },
    );
    await host.settle();

    card.trigger('onTapCard');

    expect(card.data.greeting).toBe('Hello, Ann!');
    expect(page.data.cardGreeting).toBe('Hello, Ann!');
  });

  test('opens the plugin page', () => {
    const host = launch();
    const page = host.openPage('pages/index/index');

    page.trigger('onOpenPluginPage');

    const [options] = host.my.callOptions('navigateTo') as { url: string }[];
    expect(options.url).toBe(`plugin://${alias}/welcome`);
  });
});

describe('plugin', () => {
  test('card without host cloud uses own', async () => {
    const host = launch();
    const card = host.mountComponent(`plugin://${alias}/hello-card`);
    await host.settle();

    expect(card.data.status).toBe('ready');
    expect(card.data.greeting).toBe('Hello, Taobao!');
    expect(pluginCloudModule(host).pluginCloud()).not.toBe(host.app?.cloud);
  });

  test('card shows error then recovers', async () => {
    const host = launch();
    const card = host.mountComponent(`plugin://${alias}/hello-card`, { name: 'x'.repeat(41) });
    await host.settle();

    expect(card.data.status).toBe('failed');
    expect(card.data.errorMessage).toContain('input.name');

    card.setProps({ name: 'Bob' });
    await host.settle();

    expect(card.data.status).toBe('ready');
    expect(card.data.greeting).toBe('Hello, Bob!');
  });

  test('card tap before ready sends nothing', () => {
    const host = launch();
    const greetings: string[] = [];
    const onGreet = (greeting: string) => greetings.push(greeting);
    const card = host.mountComponent(`plugin://${alias}/hello-card`, { onGreet });

    card.trigger('onTapCard');

    expect(greetings).toEqual([]);
  });

  test('card hides the page loading', async () => {
    const host = launch();
    host.mountComponent(`plugin://${alias}/hello-card`);
    await host.settle();

    expect(host.my.calls('showLoading')).toHaveLength(0);
  });

  test('setCloud rejects a non-cloud', () => {
    const host = launch();
    const main = host.plugin(alias).main() as { setCloud(cloud: unknown): void };

    expect(() => main.setCloud({})).toThrow('setCloud: expected the cloud SDK object');
  });

  test('welcome page lists favorites', async () => {
    const user = newUser();
    await runtime.invoke('favorites', 'add', { title: 'Teapot' }, { ...user, env: 'test' });
    const host = launch({ user });

    const page = host.openPage(`plugin://${alias}/welcome`);
    await host.settle();

    expect(page.data.loading).toBe(false);
    expect(page.data.errorMessage).toBe('');
    expect((page.data.favorites as { title: string }[]).map((item) => item.title)).toEqual([
      'Teapot',
    ]);
  });

  test('welcome page needs a login', async () => {
    const host = launch({ user: null });

    const page = host.openPage(`plugin://${alias}/welcome`);
    await host.settle();

    expect(page.data.loading).toBe(false);
    expect(page.data.errorMessage).not.toBe('');
  });
});

describe('orders page', () => {
  const orders = buildMockOrders();

  test('shows loading then first page', async () => {
    const host = launch();
    const page = host.openPage('pages/orders/index');

    expect(page.data.loading).toBe(true);
    await host.settle();

    expect(page.data.loading).toBe(false);
    expect(page.data.errorMessage).toBe('');
    expect(page.data.total).toBe(MOCK_ORDER_COUNT);
    expect((page.data.orders as unknown[]).length).toBe(10);
    expect(host.my.callOptions('showLoading')).toEqual([{ content: 'Loading orders...' }]);
    expect(host.my.calls('hideLoading')).toHaveLength(1);
  });

  test('load more appends next page', async () => {
    const host = launch();
    const page = host.openPage('pages/orders/index');
    await host.settle();

    page.trigger('onLoadMore');
    await host.settle();

    const shown = page.data.orders as { id: string }[];
    expect(shown).toHaveLength(20);
    expect(shown[10].id).toBe(orders[10].id);
    expect(page.data.pageNo).toBe(2);
  });

  test('last page stops paging', async () => {
    const host = launch();
    const page = host.openPage('pages/orders/index');
    await host.settle();
    for (let pageNo = 2; pageNo <= Math.ceil(MOCK_ORDER_COUNT / 10); pageNo += 1) {
      page.trigger('onLoadMore');
      await host.settle();
    }
    const calls = host.my.calls('sendMtop').length;

    page.trigger('onLoadMore');
    await host.settle();

    expect(page.data.orders).toHaveLength(MOCK_ORDER_COUNT);
    expect(host.my.calls('sendMtop')).toHaveLength(calls);
  });

  test('empty list shows empty state', async () => {
    const empty = { success: true, data: { items: [], total: 0, pageNo: 1, pageSize: 10 } };
    oms.setBehaviour({ text: JSON.stringify(empty) });
    const host = launch();

    const page = host.openPage('pages/orders/index');
    await host.settle();

    expect(page.data.orders).toEqual([]);
    expect(page.data.pageNo).toBe(1);
    expect(page.data.errorMessage).toBe('');
    expect(page.data.loading).toBe(false);
  });

  test('backend error shows retry', async () => {
    oms.setBehaviour({ status: 500 });
    const host = launch();
    const page = host.openPage('pages/orders/index');
    await host.settle();

    expect(page.data.errorMessage).toContain('HTTP 500');
    expect(page.data.orders).toEqual([]);
    expect(host.my.calls('hideLoading')).toHaveLength(1);

    oms.setBehaviour(undefined);
    page.trigger('onRetry');
    await host.settle();

    expect(page.data.errorMessage).toBe('');
    expect(page.data.orders).toHaveLength(10);
  });

  test('failed next page keeps rows', async () => {
    const host = launch();
    const page = host.openPage('pages/orders/index');
    await host.settle();

    oms.setBehaviour({ status: 503 });
    page.trigger('onLoadMore');
    await host.settle();

    expect(page.data.errorMessage).toContain('HTTP 503');
    expect(page.data.orders).toHaveLength(10);

    oms.setBehaviour(undefined);
    page.trigger('onRetry');
    await host.settle();

    expect(page.data.orders).toHaveLength(20);
  });

  test('visitor sees a login error', async () => {
    const host = launch({ user: null });

    const page = host.openPage('pages/orders/index');
    await host.settle();

    expect(page.data.errorMessage).not.toBe('');
    expect(page.data.orders).toEqual([]);
  });

  test('tapping an order opens detail', () => {
    const host = launch();
    const page = host.openPage('pages/orders/index');

    page.trigger('onTapOrder', { dataset: { id: 'O1041' } });

    const [options] = host.my.callOptions('navigateTo') as { url: string }[];
    expect(options.url).toBe('/pages/order-detail/index?id=O1041');
  });
});

describe('order-detail page', () => {
  test('shows the order', async () => {
    const host = launch();

    const page = host.openPage('pages/order-detail/index', { id: 'O1041' });
    await host.settle();

    expect((page.data.order as { id: string }).id).toBe('O1041');
    expect(page.data.errorMessage).toBe('');
  });

  test('unknown order shows error', async () => {
    const host = launch();

    const page = host.openPage('pages/order-detail/index', { id: 'O9999' });
    await host.settle();

    expect(page.data.order).toBeNull();
    expect(page.data.errorMessage).toContain('order O9999 not found');
  });

  test('missing id calls nothing', async () => {
    const host = launch();

    const page = host.openPage('pages/order-detail/index');
    await host.settle();

    expect(page.data.errorMessage).toContain('No order id');
    expect(host.my.calls('sendMtop')).toHaveLength(0);
  });
});

describe('favorites page', () => {
  async function openFavorites(host: MiniHost) {
    const page = host.openPage('pages/favorites/index');
    await host.settle();
    return page;
  }

  async function addFavorite(
    host: MiniHost,
    page: ReturnType<MiniHost['openPage']>,
    title: string,
  ) {
    page.trigger('onInputTitle', { detail: { value: title } });
    page.trigger('onSubmit');
    await host.settle();
  }

  const itemTitles = (page: ReturnType<MiniHost['openPage']>) =>
    (page.data.items as { title: string }[]).map((item) => item.title);

  test('starts empty for a new user', async () => {
    const page = await openFavorites(launch());

    expect(page.data.loaded).toBe(true);
    expect(page.data.items).toEqual([]);
    expect(page.data.errorMessage).toBe('');
  });

  test('adds and lists a favorite', async () => {
    const host = launch();
    const page = await openFavorites(host);

    await addFavorite(host, page, 'Tea set');

    expect(itemTitles(page)).toEqual(['Tea set']);
    expect(page.data.draftTitle).toBe('');
  });

  test('renames a favorite', async () => {
    const host = launch();
    const page = await openFavorites(host);
    await addFavorite(host, page, 'Old name');
    const [item] = page.data.items as { id: string }[];

    page.trigger('onEdit', { dataset: { id: item.id } });
    expect(page.data.editingId).toBe(item.id);
    expect(page.data.draftTitle).toBe('Old name');
    page.trigger('onInputTitle', { detail: { value: 'New name' } });
    page.trigger('onSubmit');
    await host.settle();

    expect(itemTitles(page)).toEqual(['New name']);
    expect(page.data.editingId).toBe('');
  });

  test('removes a favorite', async () => {
    const host = launch();
    const page = await openFavorites(host);
    await addFavorite(host, page, 'Short-lived');
    const [item] = page.data.items as { id: string }[];

    page.trigger('onRemove', { dataset: { id: item.id } });
    await host.settle();

    expect(page.data.items).toEqual([]);
  });

  test('invalid title shows the reason', async () => {
    const host = launch();
    const page = await openFavorites(host);

    await addFavorite(host, page, 'x'.repeat(81));

    expect(page.data.errorMessage).toContain('input.title');
  });

  test('visitor sees a login error', async () => {
    const page = await openFavorites(launch({ user: null }));

    expect(page.data.loaded).toBe(true);
    expect(page.data.errorMessage).not.toBe('');
  });
});
