import { describe, expect, test } from 'vitest';

import { MyApi } from '../../local-cloud/mini-runtime';
import { PendingWork } from '../../local-cloud/mini-runtime/pending-work';

function createMy() {
  const pending = new PendingWork();
  return { my: new MyApi(pending), pending };
}

describe('strict my', () => {
  test('unstubbed API throws on read', () => {
    const { my } = createMy();

    expect(() => my.proxy.showToast).toThrow('my.showToast is not stubbed in this test');
  });

  test('callback stub calls success and complete', async () => {
    const { my, pending } = createMy();
    my.stub('getStorage', async (options) => ({ data: `value of ${options.key}` }));
    const seen: unknown[] = [];

    my.proxy.getStorage({
      key: 'token',
      success: (result: unknown) => seen.push(['success', result]),
      complete: () => seen.push(['complete']),
    });
    await pending.settle();

    expect(seen).toEqual([['success', { data: 'value of token' }], ['complete']]);
  });

  test('throwing stub calls fail', async () => {
    const { my, pending } = createMy();
    my.stub('loadPlugin', () => {
      throw { error: 11, errorMessage: 'plugin not found' };
    });
    const failures: unknown[] = [];

    my.proxy.loadPlugin({ plugin: 'x@*', fail: (error: unknown) => failures.push(error) });
    await pending.settle();

    expect(failures).toEqual([{ error: 11, errorMessage: 'plugin not found' }]);
  });

  test('Sync API returns stub value', () => {
    const { my } = createMy();
    my.stub('getParentAppIdSync', () => '2021000000000000');

    expect(my.proxy.getParentAppIdSync()).toBe('2021000000000000');
  });

  test('raw stub gets arguments unchanged', () => {
    const { my } = createMy();
    my.stubRaw('getFileSystemManager', () => undefined);

    expect(my.proxy.getFileSystemManager()).toBeUndefined();
    expect(my.calls('getFileSystemManager')).toEqual([{ api: 'getFileSystemManager', args: [] }]);
  });

  test('records calls per API', () => {
    const { my } = createMy();
    my.stub('showLoading').stub('hideLoading');

    my.proxy.showLoading({ content: 'Loading' });
    my.proxy.hideLoading();
    my.proxy.showLoading({ content: 'Again' });

    expect(my.callOptions('showLoading')).toEqual([{ content: 'Loading' }, { content: 'Again' }]);
    const order = my.calls().map((call) => call.api);
    expect(order).toEqual(['showLoading', 'hideLoading', 'showLoading']);
  });

  test('unstub makes API throw again', () => {
    const { my } = createMy();
    my.stub('showToast').unstub('showToast');

    expect(() => my.proxy.showToast).toThrow('my.showToast is not stubbed in this test');
  });

  test('assigning an API throws', () => {
    const { my } = createMy();

    expect(() => {
      my.proxy.showToast = () => undefined;
    }).toThrow(/cannot be assigned/);
  });

  test('in operator reports stubbed APIs', () => {
    const { my } = createMy();
    my.stub('showToast');

    expect('showToast' in my.proxy).toBe(true);
    expect('showModal' in my.proxy).toBe(false);
  });

  test('settle rethrows a callback error', async () => {
    const { my, pending } = createMy();
    my.stub('showToast');

    my.proxy.showToast({
      success: () => {
        throw new Error('page bug');
      },
    });

    await expect(pending.settle()).rejects.toThrow('page bug');
  });

  test('stubAll stubs each API', () => {
    const { my } = createMy();
    my.stubAll(['showLoading', 'hideLoading']);

    my.proxy.showLoading({ content: 'Loading' });
    my.proxy.hideLoading();

    expect(my.calls().map((call) => call.api)).toEqual(['showLoading', 'hideLoading']);
  });

  test('stubCloudSdk stubs SDK needs', () => {
    const { my } = createMy();
    const sendMtop = () => undefined;
    my.stubCloudSdk(sendMtop);

    my.proxy.sendMtop({ api: 'x' });

    expect(my.proxy.getFileSystemManager()).toBeUndefined();
    expect(my.callOptions('sendMtop')).toEqual([{ api: 'x' }]);
  });
});
