// The typed client over the real cloud SDK (@tbmp/mp-cloud-sdk), with each `my.sendMtop` reply
// made by the test: reply shapes, errors, the loading indicator and the legacy callback.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createClient } from '../../contract/client';
import type { CloudError } from '../../contract/errors';
import { createSdkCloud } from './helpers/cloud-sdk';
import { installMiniProgram, mtopFunctionError, mtopResult } from './helpers/mini-program';
import type { MtopAnswer } from './helpers/mini-program';

const favorite = { id: 'f1', title: 'Tea', note: '', createdAt: 1, updatedAt: 2 };

beforeEach(() => {
  // The SDK prints every mtop request with console.log.
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function clientAnswering(answer: () => MtopAnswer | Promise<MtopAnswer>) {
  const fake = installMiniProgram(answer);
  const cloud = await createSdkCloud();
  return { fake, client: createClient(() => cloud) };
}

async function rejectionOf(promise: Promise<unknown>): Promise<CloudError> {
  return promise.then(
    () => {
      throw new Error('Expected the call to reject.');
    },
    (error: CloudError) => error,
  );
}

describe('client invoke over the SDK', () => {
  it('sends the function request', async () => {
    const { fake, client } = await clientAnswering(() => mtopResult(favorite));

    await client.invoke('favorites', 'add', { title: 'Tea' });

    expect(fake.requests).toEqual([
      {
        api: 'mtop.miniapp.cloud.invoke.fc',
        fcName: 'favorites',
        handler: 'add',
        input: { title: 'Tea' },
      },
    ]);
  });

  it('returns a bare result', async () => {
    const { client } = await clientAnswering(() => mtopResult(favorite));

    await expect(client.invoke('favorites', 'add', { title: 'Tea' })).resolves.toEqual(favorite);
  });

  it('unwraps a runtime wrapper', async () => {
    const wrapper = { success: true, errorCode: 0, errorMessage: '', result: favorite, log: '' };
    const { client } = await clientAnswering(() => mtopResult(wrapper));

    await expect(client.invoke('favorites', 'add', { title: 'Tea' })).resolves.toEqual(favorite);
  });

  it('rejects a failed runtime wrapper', async () => {
    const wrapper = {
      success: false,
      errorCode: 'INVALID_INPUT',
      errorMessage: 'input.title: Too big: expected string to have <=80 characters',
      result: '',
      log: '',
    };
    const { client } = await clientAnswering(() => mtopResult(wrapper));

    const error = await rejectionOf(client.invoke('favorites', 'add', { title: 'Tea' }));

    expect(error.name).toBe('CloudError');
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.field).toBe('title');
    expect(error.message).toBe(wrapper.errorMessage);
  });

  it('rejects a wrapper without errorCode', async () => {
    const wrapper = {
      success: false,
      errorMessage: 'the handler = purge not found',
      result: '',
      log: 'FC Invoke Start',
      ts: 1,
    };
    const { client } = await clientAnswering(() => mtopResult(wrapper));

    const error = await rejectionOf(client.invoke('favorites', 'list', {}));

    expect(error.code).toBe('UNKNOWN_HANDLER');
    expect(error.message).toContain('"purge"');
  });

  it('keeps a result with its own success', async () => {
    const backendReply = { success: false, errorMessage: 'The order is locked.', code: 'LOCKED' };
    const { client } = await clientAnswering(() => mtopResult(backendReply));

    const result = await client.invoke('omsBase', 'omsHttp', { api: '/orders/detail' });

    expect(result).toEqual(backendReply);
  });

  it('converts an SDK rejection', async () => {
    const { client } = await clientAnswering(() =>
      mtopFunctionError('FAVORITE_NOT_FOUND', 'No favorite with id f9.'),
    );

    const error = await rejectionOf(client.invoke('favorites', 'remove', { id: 'f9' }));

    expect(error.code).toBe('FAVORITE_NOT_FOUND');
    expect(error.message).toBe('No favorite with id f9.');
  });

  it('converts a login rejection', async () => {
    const { client } = await clientAnswering(() =>
      mtopFunctionError(-1, 'user not login, handler = list'),
    );

    const error = await rejectionOf(client.invoke('favorites', 'list', {}));

    expect(error.code).toBe('NOT_LOGGED_IN');
    expect(error.message).toContain('"list"');
  });

  it('converts an expired session', async () => {
    const { client } = await clientAnswering(() => ({
      fail: { ret: ['FAIL_SYS_SESSION_EXPIRED::Session过期'] },
    }));

    const error = await rejectionOf(client.invoke('favorites', 'list', {}));

    expect(error.code).toBe('SESSION_EXPIRED');
    expect(error.message).toBe('Session过期');
  });

  it('converts a network failure', async () => {
    const { client } = await clientAnswering(() => ({ fail: undefined }));

    const error = await rejectionOf(client.invoke('hello', 'main', {}));

    expect(error.code).toBe('NETWORK');
  });

  it('rejects a missing cloud', async () => {
    const fake = installMiniProgram(() => mtopResult({}));
    const client = createClient(() => undefined as never);

    const error = await rejectionOf(client.invoke('hello', 'main', {}));

    expect(error.code).toBe('INTERNAL');
    expect(error.message).toContain('getCloud() returned no cloud');
    expect(fake.loadingEvents).toEqual(['show:加载中...', 'hide']);
  });
});

describe('client loading indicator', () => {
  it('shows and hides one call', async () => {
    const { fake, client } = await clientAnswering(() => mtopResult(favorite));

    await client.invoke('favorites', 'add', { title: 'Tea' }, { loadingText: '保存中...' });

    expect(fake.loadingEvents).toEqual(['show:保存中...', 'hide']);
  });

  it('skips the indicator on request', async () => {
    const { fake, client } = await clientAnswering(() => mtopResult(favorite));

    await client.invoke('favorites', 'add', { title: 'Tea' }, { needLoading: false });

    expect(fake.loadingEvents).toEqual([]);
  });

  it('covers overlapping calls once', async () => {
    const releases: Array<() => void> = [];
    const answers: MtopAnswer[] = [
      mtopResult({ items: [] }),
      mtopFunctionError('INTERNAL', 'The cloud function failed unexpectedly.'),
      mtopResult({ greeting: 'Hello, guest!', env: 'test' }),
    ];
    let next = 0;
    const { fake, client } = await clientAnswering(() => {
      const answer = answers[next];
      next += 1;
      return new Promise((resolve) => releases.push(() => resolve(answer)));
    });

    const list = client.invoke('favorites', 'list', {});
    const failing = rejectionOf(client.invoke('favorites', 'remove', { id: 'f1' }));
    const greeting = client.http({ invokeName: 'hello', parameter: {} });
    await vi.waitFor(() => expect(releases).toHaveLength(3));

    releases[1]();
    expect((await failing).code).toBe('INTERNAL');
    releases[0]();
    await list;
    expect(fake.loadingEvents).toEqual(['show:加载中...']);

    releases[2]();
    await greeting;
    expect(fake.loadingEvents).toEqual(['show:加载中...', 'hide']);
  });

  it('accepts a custom indicator', async () => {
    installMiniProgram(() => mtopResult(favorite));
    const cloud = await createSdkCloud();
    const events: string[] = [];
    const client = createClient(() => cloud, {
      loading: { show: (text) => events.push(`custom:${text}`), hide: () => events.push('done') },
    });

    await client.invoke('favorites', 'add', { title: 'Tea' });

    expect(events).toEqual(['custom:加载中...', 'done']);
  });
});

describe('client http', () => {
  it('calls main by default', async () => {
    const reply = mtopResult({ greeting: 'Hi', env: 'test' });
    const { fake, client } = await clientAnswering(() => reply);

    await client.http({ invokeName: 'hello', parameter: { name: 'Ada' } });

    expect(fake.requests[0].handler).toBe('main');
    expect(fake.requests[0].input).toEqual({ name: 'Ada' });
  });

  it('calls the callback with the result', async () => {
    const { client } = await clientAnswering(() => mtopResult(favorite));
    const callback = vi.fn();

    const result = await client.http({
      invokeName: 'favorites',
      handler: 'add',
      parameter: { title: 'Tea' },
      callback,
    });

    expect(callback).toHaveBeenCalledTimes(1);
    expect(callback).toHaveBeenCalledWith(favorite);
    expect(result).toEqual(favorite);
  });

  it('skips the callback on failure', async () => {
    const { fake, client } = await clientAnswering(() =>
      mtopFunctionError('FAVORITE_NOT_FOUND', 'No favorite with id f9.'),
    );
    const callback = vi.fn();

    const call = client.http({
      invokeName: 'favorites',
      handler: 'remove',
      parameter: { id: 'f9' },
      callback,
    });
    const error = await rejectionOf(call);

    expect(error.code).toBe('FAVORITE_NOT_FOUND');
    expect(callback).not.toHaveBeenCalled();
    expect(fake.loadingEvents).toEqual(['show:加载中...', 'hide']);
  });
});
