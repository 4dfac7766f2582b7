// The real @tbmp/mp-cloud-sdk loaded by plain Node (no vm), with a global `my` whose sendMtop
// is the bridge: the same outcomes as inside the mini-program runtime.
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import { type BridgeOptions, createSendMtop } from '../../local-cloud/bridge';
import { createShopBuild, type ShopBuild } from './cloud-functions';
import { type Outcome, outcomeOf } from './outcome';

interface CloudFunctionClient {
  init(options: { env: string }): Promise<boolean>;
  function: { invoke(fn: string, data: unknown, handler?: string): Promise<unknown> };
}

const requireFromHere = createRequire(__filename);
const { Cloud } = requireFromHere('@tbmp/mp-cloud-sdk') as { Cloud: new () => CloudFunctionClient };
const globals = globalThis as { my?: unknown };

let build: ShopBuild;

beforeEach(async () => {
  build = await createShopBuild();
  // The SDK logs every request with console.log, payload included.
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});

afterEach(async () => {
  vi.restoreAllMocks();
  delete globals.my;
  await fs.rm(build.distDir, { recursive: true, force: true });
});

async function invokeInNode(
  settings: Partial<Omit<BridgeOptions, 'invoke'>>,
  call: { handler: string; data?: unknown },
): Promise<Outcome> {
  const user = { openId: 'open-id-1' };
  const sendMtop = createSendMtop({ invoke: build.runtime.invoke, user, ...settings });
  globals.my = { sendMtop, getFileSystemManager: () => undefined };

  const cloud = new Cloud();
  await cloud.init({ env: 'test' });
  return outcomeOf(cloud.function.invoke('shop', call.data ?? {}, call.handler));
}

describe('bridge in plain Node', () => {
  test('success resolves with handler result', async () => {
    const outcome = await invokeInNode({}, { handler: 'greet', data: { name: 'Ann' } });

    expect(outcome).toEqual({ resolved: { message: 'Hello, Ann', openId: 'open-id-1' } });
  });

  test('business error rejects with its code', async () => {
    const outcome = await invokeInNode({}, { handler: 'outOfStock' });

    expect(outcome).toEqual({
      rejected: {
        message: 'STOCK_EMPTY:::stock is empty',
        code: 'STOCK_EMPTY',
        msg: 'stock is empty',
        isError: true,
      },
    });
  });

  test('login error rejects with -1', async () => {
    const outcome = await invokeInNode({ user: null }, { handler: 'whoami' });

    expect(outcome).toMatchObject({
      rejected: { message: '-1:::user not login, handler = whoami', code: -1 },
    });
  });

  test('unknown handler rejects with 500', async () => {
    const outcome = await invokeInNode({}, { handler: 'nope' });

    expect(outcome).toMatchObject({
      rejected: { message: '500:::the handler = nope not found', code: '500' },
    });
  });

  test('payload over 1 MB is sent', async () => {
    const text = 'y'.repeat(1_048_576);

    const outcome = await invokeInNode({}, { handler: 'size', data: { text } });

    expect(outcome).toEqual({ resolved: { length: 1_048_576 } });
  });

  test('wrapper shape resolves whole reply', async () => {
    const outcome = await invokeInNode({ replyShape: 'wrapper' }, { handler: 'crash' });

    expect(outcome).toMatchObject({
      resolved: { success: false, errorMessage: 'boom', result: '' },
    });
    expect((outcome as { resolved: object }).resolved).not.toHaveProperty('errorCode');
  });
});
