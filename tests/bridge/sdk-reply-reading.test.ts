// How @tbmp/mp-cloud-sdk 1.5.10 reads mtop replies, pinned with hand-made replies: the facts the
// bridge's reply shapes rely on (see the comment at the top of local-cloud/bridge.ts).
import { createRequire } from 'node:module';

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import { type Outcome, outcomeOf } from './outcome';

type MtopCallback = (reply: unknown) => void;
type Reply = { via: 'success' | 'fail'; reply: unknown };

const requireFromHere = createRequire(__filename);
const { Cloud } = requireFromHere('@tbmp/mp-cloud-sdk') as {
  Cloud: new () => {
    init(options: { env: string }): Promise<boolean>;
    function: { invoke(fn: string, data: unknown, handler?: string): Promise<unknown> };
  };
};
const globals = globalThis as { my?: unknown };

beforeEach(() => {
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
  delete globals.my;
});

async function invokeWithReply({ via, reply }: Reply): Promise<Outcome> {
  globals.my = {
    getFileSystemManager: () => undefined,
    sendMtop: (request: { success: MtopCallback; fail: MtopCallback }) => {
      setImmediate(() => request[via](reply));
    },
  };

  const cloud = new Cloud();
  await cloud.init({ env: 'test' });
  return outcomeOf(cloud.function.invoke('fn', {}, 'main'));
}

const ok = 'SUCCESS::调用成功';

describe('SDK reading of mtop replies', () => {
  test.each([
    ['an object', { x: 1 }, { x: 1 }],
    ['a string', 'text', 'text'],
    ['null as {}', null, {}],
    ['0 as {}', 0, {}],
    ['false as {}', false, {}],
  ])('success with %s resolves', async (_name, data, expected) => {
    const outcome = await invokeWithReply({ via: 'success', reply: { ret: [ok], data: { data } } });

    expect(outcome).toEqual({ resolved: expected });
  });

  test('fail with errorCode rejects', async () => {
    const reply = { ret: ['FAIL_BIZ::x'], data: { errorCode: 'E1', errorMessage: 'bad' } };

    const outcome = await invokeWithReply({ via: 'fail', reply });

    expect(outcome).toEqual({
      rejected: { message: 'E1:::bad', code: 'E1', msg: 'bad', isError: true },
    });
  });

  test('fail without errorCode uses 500', async () => {
    const reply = { ret: ['FAIL_BIZ::x'], data: { errorMessage: 'bad' } };

    const outcome = await invokeWithReply({ via: 'fail', reply });

    expect(outcome).toMatchObject({ rejected: { message: '500:::bad', code: '500' } });
  });

  test('expired session rejects with 904', async () => {
    const reply = { ret: ['FAIL_SYS_SESSION_EXPIRED::Session过期'] };

    const outcome = await invokeWithReply({ via: 'fail', reply });

    expect(outcome).toMatchObject({ rejected: { message: '904:::Session过期', code: '904' } });
  });

  test('success with errorCode rejects', async () => {
    const reply = { ret: [ok], data: { errorCode: -1, errorMessage: 'login' } };

    const outcome = await invokeWithReply({ via: 'success', reply });

    expect(outcome).toMatchObject({ rejected: { message: '-1:::login', code: -1 } });
  });

  test('data.success overrides errorCode', async () => {
    const reply = { ret: [ok], data: { success: true, errorCode: 'E1', data: { x: 1 } } };

    const outcome = await invokeWithReply({ via: 'success', reply });

    expect(outcome).toEqual({ resolved: { x: 1 } });
  });
});
