import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { ServerCloud } from '../../contract/context';
import { createCloudSDK, HttpApiError } from '../../local-cloud/cloud';
import { startMockOms, type MockOms } from '../../local-cloud/mock-oms';

const DOMAIN = 'oms.example.com';

let oms: MockOms;
let cloud: ServerCloud;

beforeAll(async () => {
  oms = await startMockOms({ port: 0 });
  cloud = createCloudSDK({ backends: { [DOMAIN]: oms.url }, httpTimeoutMs: 500 })({});
});

afterAll(async () => {
  await oms.close();
});

beforeEach(() => {
  oms.requests.length = 0;
  oms.setBehaviour(undefined);
});

describe('httpApi.invoke', () => {
  it('resolves the body as text', async () => {
    const text = await cloud.httpApi.invoke({
      domain: DOMAIN,
      path: '/oms-web-api/orders/detail',
      method: 'GET',
      params: { id: 'O1000' },
    });

    expect(typeof text).toBe('string');
    expect(JSON.parse(text)).toMatchObject({ success: true, data: { id: 'O1000' } });
  });

  it('sends params as query string', async () => {
    await cloud.httpApi.invoke({
      domain: DOMAIN,
      path: '/oms-web-api/orders/list',
      method: 'GET',
      params: { pageNo: 2, pageSize: 5, paid: true },
    });

    expect(oms.requests[0].method).toBe('GET');
    expect(oms.requests[0].query).toEqual({ pageNo: '2', pageSize: '5', paid: 'true' });
  });

  it('posts the body as JSON', async () => {
    const text = await cloud.httpApi.invoke({
      domain: DOMAIN,
      path: '/oms-web-api/orders/list',
      body: { pageNo: 1, pageSize: 3 },
    });

    expect(oms.requests[0].method).toBe('POST');
    expect(oms.requests[0].headers['content-type']).toBe('application/json');
    expect(JSON.parse(oms.requests[0].body)).toEqual({ pageNo: 1, pageSize: 3 });
    expect(JSON.parse(text).data.items).toHaveLength(3);
  });

  it('defaults the method to POST', async () => {
    await cloud.httpApi.invoke({ domain: DOMAIN, path: '/oms-web-api/orders/list' });

    expect(oms.requests[0].method).toBe('POST');
  });

  it('passes the caller headers', async () => {
    await cloud.httpApi.invoke({
      domain: DOMAIN,
      path: '/oms-web-api/orders/list',
      headers: { 'X-Trace': 't1' },
    });

    expect(oms.requests[0].headers['x-trace']).toBe('t1');
  });

  it('encodes a form body', async () => {
    await cloud.httpApi.invoke({
      domain: DOMAIN,
      path: '/oms-web-api/orders/list',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: { a: 1, b: 'x y' },
    });

    expect(oms.requests[0].body).toBe('a=1&b=x+y');
  });

  it('rejects a domain off the whitelist', async () => {
    const call = cloud.httpApi.invoke({ domain: 'evil.example.com', path: '/x' });

    await expect(call).rejects.toMatchObject({ code: 'HTTP_API_NOT_WHITELISTED' });
    await expect(call).rejects.toThrow(/domain "evil\.example\.com" is not on the HTTP whitelist/);
    await expect(call).rejects.toThrow(/local\.backends in starter\.config\.ts/);
    expect(oms.requests).toHaveLength(0);
  });

  it('matches the domain exactly', async () => {
    await expect(
      cloud.httpApi.invoke({ domain: `https://${DOMAIN}`, path: '/x' }),
    ).rejects.toMatchObject({
      code: 'HTTP_API_NOT_WHITELISTED',
    });
    await expect(
      cloud.httpApi.invoke({ domain: 'OMS.example.com', path: '/x' }),
    ).rejects.toMatchObject({
      code: 'HTTP_API_NOT_WHITELISTED',
    });
  });

  it('requires a domain', async () => {
    await expect(cloud.httpApi.invoke({ path: '/x' } as never)).rejects.toThrow(
      /domain is required/,
    );
  });

  it('rejects other methods', async () => {
    await expect(
      cloud.httpApi.invoke({ domain: DOMAIN, path: '/x', method: 'PUT' as never }),
    ).rejects.toThrow(/method must be "GET" or "POST", got "PUT"/);
  });

  it('rejects a GET body', async () => {
    await expect(
      cloud.httpApi.invoke({ domain: DOMAIN, path: '/x', method: 'GET', body: { a: 1 } }),
    ).rejects.toThrow(/a GET request has no body/);
  });

  it('rejects an overlong GET URL', async () => {
    const call = cloud.httpApi.invoke({
      domain: DOMAIN,
      path: '/x',
      method: 'GET',
      params: { q: 'a'.repeat(300) },
    });

    await expect(call).rejects.toThrow(/the platform cuts GET URLs after 256 bytes/);
  });

  it('rejects a path without slash', async () => {
    await expect(cloud.httpApi.invoke({ domain: DOMAIN, path: 'orders' })).rejects.toThrow(
      /path must be a string starting with "\/"/,
    );
  });

  it('rejects non-2xx with status', async () => {
    oms.setBehaviour({ status: 503 });

    const call = cloud.httpApi.invoke({ domain: DOMAIN, path: '/oms-web-api/orders/list' });

    await expect(call).rejects.toBeInstanceOf(HttpApiError);
    await expect(call).rejects.toMatchObject({ code: 'HTTP_API_STATUS', status: 503 });
    await expect(call).rejects.toThrow(
      /POST oms\.example\.com\/oms-web-api\/orders\/list returned HTTP 503/,
    );
  });

  it('keeps the error body', async () => {
    const call = cloud.httpApi.invoke({
      domain: DOMAIN,
      path: '/oms-web-api/orders/detail',
      method: 'GET',
      params: { id: 'none' },
    });

    await expect(call).rejects.toMatchObject({ status: 404 });
    const error = (await call.catch((caught: unknown) => caught)) as HttpApiError;
    expect(JSON.parse(error.body ?? '')).toEqual({
      success: false,
      errorMessage: 'order none not found',
    });
  });

  it('resolves non-JSON text as is', async () => {
    oms.setBehaviour({ text: 'plain words' });

    expect(await cloud.httpApi.invoke({ domain: DOMAIN, path: '/oms-web-api/orders/list' })).toBe(
      'plain words',
    );
  });

  it('times out a slow backend', async () => {
    oms.setBehaviour({ delayMs: 5_000 });

    const call = cloud.httpApi.invoke({ domain: DOMAIN, path: '/oms-web-api/orders/list' });

    await expect(call).rejects.toMatchObject({ code: 'HTTP_API_TIMEOUT' });
    await expect(call).rejects.toThrow(/timed out after 500 ms/);
  });

  it('reports an unreachable backend', async () => {
    const closed = await startMockOms({ port: 0 });
    await closed.close();
    const offline = createCloudSDK({ backends: { [DOMAIN]: closed.url } })({});

    const call = offline.httpApi.invoke({ domain: DOMAIN, path: '/oms-web-api/orders/list' });

    await expect(call).rejects.toMatchObject({ code: 'HTTP_API_NETWORK' });
    await expect(call).rejects.toThrow(/could not reach the local backend .*ECONNREFUSED/);
  });

  it('joins a base URL path', async () => {
    const prefixed = createCloudSDK({ backends: { [DOMAIN]: `${oms.url}/oms-web-api/` } })({});

    await prefixed.httpApi.invoke({ domain: DOMAIN, path: '/orders/list' });

    expect(oms.requests[0].path).toBe('/oms-web-api/orders/list');
  });
});
