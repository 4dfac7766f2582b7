import { describe, expect, it } from 'vitest';

import { createCloudSDK, NotEmulatedError } from '../../local-cloud/cloud';

const cloud = createCloudSDK()({}) as unknown as Record<
  string,
  Record<string, (...args: unknown[]) => Promise<unknown>>
>;

describe('not emulated APIs', () => {
  it('topApi.invoke rejects clearly', async () => {
    const call = cloud.topApi.invoke({ api: 'taobao.user.get' });

    await expect(call).rejects.toBeInstanceOf(NotEmulatedError);
    await expect(call).rejects.toThrow(
      /^cloud\.topApi\.invoke is not available in the local cloud/,
    );
  });

  it('qimenApi.invoke rejects clearly', async () => {
    await expect(cloud.qimenApi.invoke('x')).rejects.toThrow(
      /cloud\.qimenApi\.invoke is not available/,
    );
  });

  it('file methods reject clearly', async () => {
    for (const method of ['uploadFile', 'downloadFile', 'deleteFile', 'getTempFileURL']) {
      await expect(cloud.file[method]({})).rejects.toThrow(`cloud.file.${method} is not available`);
    }
  });

  it('errors carry NOT_EMULATED code', async () => {
    await expect(cloud.topApi.invoke({})).rejects.toMatchObject({
      name: 'NotEmulatedError',
      code: 'NOT_EMULATED',
    });
  });

  it('unknown member access throws', () => {
    expect(() => cloud.message).toThrow(/cloud\.message is not available in the local cloud/);
  });

  it('introspection keys stay readable', () => {
    expect(cloud.then).toBeUndefined();
    expect(cloud.toJSON).toBeUndefined();
  });
});
