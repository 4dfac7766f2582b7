// The real @tbmp/mp-cloud-sdk running inside the mini-program runtime, with its my.sendMtop
// handled by the bridge and the real local runtime.
import fs from 'node:fs/promises';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { type BridgeOptions, createSendMtop } from '../../local-cloud/bridge';
import { createHost, type MiniHost } from '../../local-cloud/mini-runtime';
import { copyFixtureApp, type FixtureApp, removeFolder } from '../mini-runtime/fixture';
import { createShopBuild, type ShopBuild } from './cloud-functions';
import { type Outcome, outcomeOf } from './outcome';

let fixture: FixtureApp;
let build: ShopBuild;

beforeEach(async () => {
  fixture = await copyFixtureApp();
  build = await createShopBuild();
});

afterEach(async () => {
  await removeFolder(fixture.folder);
  await fs.rm(build.distDir, { recursive: true, force: true });
});

type BridgeSettings = Partial<Omit<BridgeOptions, 'invoke'>>;

function launchHost(settings: BridgeSettings = {}): MiniHost {
  const host = createHost({ root: fixture.client });
  const user = { openId: 'open-id-1', mixNick: 'mix-1' };
  const sendMtop = createSendMtop({ invoke: build.runtime.invoke, user, ...settings });
  host.my.stubCloudSdk(sendMtop).stubAll(['showLoading', 'hideLoading']);
  host.launch();
  return host;
}

function invoke(host: MiniHost, fn: string, data: unknown, handler: string): Promise<Outcome> {
  return outcomeOf(host.app?.cloud.function.invoke(fn, data, handler));
}

describe('bridge in vm runtime', () => {
  test('success resolves with handler result', async () => {
    const host = launchHost();

    const outcome = await invoke(host, 'shop', { name: 'Ann' }, 'greet');

    expect(outcome).toEqual({ resolved: { message: 'Hello, Ann', openId: 'open-id-1' } });
  });

  test('sendMtop gets the SDK request', async () => {
    const host = launchHost();

    await invoke(host, 'shop', { name: 'Ann' }, 'greet');
    const [request] = host.my.callOptions('sendMtop') as Array<Record<string, any>>;

    expect(request.api).toBe('mtop.miniapp.cloud.invoke.fc');
    expect(request.data.fcName).toBe('shop');
    expect(request.data.handler).toBe('greet');
    expect(request.data.data).toBe('{"name":"Ann"}');
    expect(JSON.parse(request.data.options)).toEqual({ env: 'test' });
  });

  test('business error rejects with its code', async () => {
    const host = launchHost();

    const outcome = await invoke(host, 'shop', {}, 'outOfStock');

    expect(outcome).toEqual({
      rejected: {
        message: 'STOCK_EMPTY:::stock is empty',
        code: 'STOCK_EMPTY',
        msg: 'stock is empty',
        isError: true,
      },
    });
  });

  test('plain Error rejects with code 500', async () => {
    const host = launchHost();

    const outcome = await invoke(host, 'shop', {}, 'crash');

    expect(outcome).toEqual({
      rejected: { message: '500:::boom', code: '500', msg: 'boom', isError: true },
    });
  });

  test('visitor calling login handler rejects', async () => {
    const host = launchHost({ user: null });

    const outcome = await invoke(host, 'shop', {}, 'whoami');

    expect(outcome).toEqual({
      rejected: {
        message: '-1:::user not login, handler = whoami',
        code: -1,
        msg: 'user not login, handler = whoami',
        isError: true,
      },
    });
  });

  test('logged-in user reaches login handler', async () => {
    const host = launchHost();

    const outcome = await invoke(host, 'shop', {}, 'whoami');

    expect(outcome).toEqual({ resolved: { openId: 'open-id-1', mixNick: 'mix-1' } });
  });

  test('unknown handler rejects with 500', async () => {
    const host = launchHost();

    const outcome = await invoke(host, 'shop', {}, 'nope');

    expect(outcome).toMatchObject({
      rejected: { message: '500:::the handler = nope not found', code: '500' },
    });
  });

  test('unknown function rejects naming it', async () => {
    const host = launchHost();

    const outcome = await invoke(host, 'missing', {}, 'main');

    expect(outcome).toMatchObject({ rejected: { code: 'FUNCTION_NOT_FOUND' } });
    expect((outcome as { rejected: { msg: string } }).rejected.msg).toMatch(
      /missing\.main: cloud function "missing" not found .*\(functions: shop\)/,
    );
  });

  test('payload over 1 MB is sent', async () => {
    const host = launchHost();
    const text = 'x'.repeat(1_100_000);

    const outcome = await invoke(host, 'shop', { text }, 'size');

    // @tbmp/mp-cloud-sdk 1.5.10 checks `.length` of the data object it sends, which is
    // undefined, so its 1 MB limit never applies to cloud.function.invoke.
    expect(outcome).toEqual({ resolved: { length: 1_100_000 } });
    expect(host.my.calls('sendMtop')).toHaveLength(1);
  });

  test('null result resolves with empty object', async () => {
    const host = launchHost();

    const outcome = await invoke(host, 'shop', {}, 'nothing');

    expect(outcome).toEqual({ resolved: {} });
  });

  test('result crosses the network as JSON', async () => {
    const host = launchHost();

    const outcome = await invoke(host, 'shop', {}, 'createdAt');

    expect(outcome).toEqual({ resolved: { at: '2024-01-02T00:00:00.000Z' } });
  });

  test('wrapper shape resolves whole reply', async () => {
    const host = launchHost({ replyShape: 'wrapper' });

    const outcome = (await invoke(host, 'shop', { name: 'Ann' }, 'greet')) as {
      resolved: Record<string, unknown>;
    };

    expect(outcome.resolved).toMatchObject({
      success: true,
      errorCode: 0,
      errorMessage: '',
      result: { message: 'Hello, Ann', openId: 'open-id-1' },
    });
    expect(typeof outcome.resolved.log).toBe('string');
  });

  test('wrapper shape resolves failed reply', async () => {
    const host = launchHost({ replyShape: 'wrapper' });

    const outcome = await invoke(host, 'shop', {}, 'outOfStock');

    expect(outcome).toMatchObject({
      resolved: {
        success: false,
        errorCode: 'STOCK_EMPTY',
        errorMessage: 'stock is empty',
        result: '',
      },
    });
  });

  test('other mtop api rejects naming it', async () => {
    const host = launchHost();

    const outcome = await outcomeOf(host.app?.cloud.db.collection('orders').find({}));

    expect(outcome).toMatchObject({ rejected: { code: 'LOCAL_MTOP_UNSUPPORTED' } });
    expect((outcome as { rejected: { msg: string } }).rejected.msg).toContain(
      "api 'mtop.taobao.dataproxy.record.select' is not emulated",
    );
  });

  test('env mismatch rejects with both envs', async () => {
    const host = launchHost({ env: 'online' });

    const outcome = await invoke(host, 'shop', { name: 'Ann' }, 'greet');

    const expectedMessage = "cloud.init used env 'test' but the local cloud runs 'online'";
    expect(outcome).toMatchObject({
      rejected: { code: 'LOCAL_CLOUD_ENV_MISMATCH', msg: expect.stringContaining(expectedMessage) },
    });
  });
});

describe('page through SDK and bridge', () => {
  test('page event sets handler result', async () => {
    const host = launchHost();
    const page = host.openPage('pages/index/index');

    page.trigger('onGreet', { type: 'confirm', detail: { value: 'Bo' } });
    await host.settle();

    expect(page.data.result).toEqual({ message: 'Hello, Bo', openId: 'open-id-1' });
    expect(page.data.error).toBeNull();
    expect(host.my.calls().map((call) => call.api)).toEqual([
      'getFileSystemManager',
      'showLoading',
      'sendMtop',
      'hideLoading',
    ]);
  });

  test('page event shows business error', async () => {
    const host = launchHost();
    const page = host.openPage('pages/index/index');

    page.trigger('onGreet', { dataset: { handler: 'outOfStock' }, detail: { value: 'Bo' } });
    await host.settle();

    expect(page.data.result).toBeNull();
    expect(page.data.error).toEqual({
      message: 'STOCK_EMPTY:::stock is empty',
      code: 'STOCK_EMPTY',
    });
    expect(host.my.calls('hideLoading')).toHaveLength(1);
  });

  test('visitor page call has no openId', async () => {
    const host = launchHost({ user: null });
    const page = host.openPage('pages/index/index');

    page.trigger('onGreet', { detail: { value: 'Bo' } });
    await host.settle();

    expect(page.data.result).toEqual({ message: 'Hello, Bo', openId: null });
  });
});
