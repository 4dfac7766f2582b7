// omsBase.omsHttp built from the starter, run through faas-mini-app with the local cloud, and
// forwarding to the mock OMS backend on 127.0.0.1. The copy's time limit is lowered so the
// timeout case stays short.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';

import { startMockOms, type MockOms } from '../../local-cloud/mock-oms';
import { MOCK_ORDER_COUNT } from '../../local-cloud/mock-oms-orders';
import {
  createLocalRuntime,
  type InvokeOptions,
  type LocalRuntime,
} from '../../local-cloud/runtime';
import { buildStarter, setConfigValue, type BuiltStarter } from '../helpers/starter-build';

const TIMEOUT_MS = 300;
const caller: InvokeOptions = { openId: 'open-id-7f3a9c', appKey: 'app-key-51d2', env: 'test' };

let starter: BuiltStarter;
let oms: MockOms;
let runtime: LocalRuntime;

beforeAll(async () => {
  starter = await buildStarter((project) =>
    setConfigValue(project, 'timeoutMs', String(TIMEOUT_MS)),
  );
  oms = await startMockOms({ port: 0 });
  runtime = createLocalRuntime({
    distDir: starter.dist,
    cloud: { backends: { [starter.config.backend.domain]: oms.url } },
  });
});

afterEach(() => {
  oms.setBehaviour(undefined);
  oms.requests.length = 0;
});

afterAll(async () => {
  await oms?.close();
  starter?.project.remove();
});

function omsHttp(input: Record<string, unknown>, options: InvokeOptions = caller) {
  return runtime.invoke('omsBase', 'omsHttp', input, options);
}

describe('omsHttp forwarding', () => {
  test('lists orders with GET params', async () => {
    const reply = await omsHttp({ api: '/orders/list', params: { pageNo: 2, pageSize: 5 } });

    expect(reply.success).toBe(true);
    const page = reply.result as { items: { id: string }[]; total: number; pageNo: number };
    expect(page.items).toHaveLength(5);
    expect(page.total).toBe(MOCK_ORDER_COUNT);
    expect(page.pageNo).toBe(2);
  });

  test('adds the configured prefix', async () => {
    await omsHttp({ api: '/orders/list' });

    expect(oms.requests).toHaveLength(1);
    expect(oms.requests[0].path).toBe(`${starter.config.backend.pathPrefix}/orders/list`);
    expect(oms.requests[0].method).toBe('GET');
  });

  test('accepts the API with its prefix', async () => {
    const reply = await omsHttp({ api: `${starter.config.backend.pathPrefix}/orders/list` });

    expect(reply.success).toBe(true);
  });

  test('posts a JSON body', async () => {
    const reply = await omsHttp({ api: '/orders/detail', method: 'POST', body: { id: 'O1003' } });

    expect(reply.success).toBe(true);
    expect((reply.result as { id: string }).id).toBe('O1003');
    expect(oms.requests[0].method).toBe('POST');
    expect(JSON.parse(oms.requests[0].body)).toEqual({ id: 'O1003' });
  });

  test('sends caller identity as headers', async () => {
    await omsHttp({ api: '/orders/list' });

    expect(oms.requests[0].headers['x-oms-open-id']).toBe(caller.openId);
    expect(oms.requests[0].headers['x-oms-app-key']).toBe(caller.appKey);
  });

  test('reply never echoes caller identity', async () => {
    const replies = [
      await omsHttp({ api: '/orders/list' }),
      await omsHttp({ api: '/orders/delete' }),
      await omsHttp({ api: '/orders/detail', params: { id: 'missing' } }),
    ];

    for (const reply of replies) {
      expect(JSON.stringify(reply)).not.toContain(caller.openId);
      expect(JSON.stringify(reply)).not.toContain(caller.appKey);
    }
  });

  test('rejects caller-chosen headers', async () => {
    const reply = await omsHttp({ api: '/orders/list', headers: { 'x-oms-open-id': 'other' } });

    expect(reply.success).toBe(false);
    expect(reply.errorCode).toBe('INVALID_INPUT');
    expect(oms.requests).toHaveLength(0);
  });

  test('needs a logged-in caller', async () => {
    const reply = await omsHttp({ api: '/orders/list' }, { env: 'test' });

    expect(reply.success).toBe(false);
    expect(oms.requests).toHaveLength(0);
  });
});

describe('omsHttp path policy', () => {
  const rejected: [string, string][] = [
    ['path not in the list', '/orders/delete'],
    ['prefix only', '/'],
    ['missing leading slash', 'orders/list'],
    ['parent segment', '/orders/../orders/list'],
    ['parent at start', '/../admin'],
    ['dot segment', '/orders/./list'],
    ['absolute http URL', 'http://evil.example/orders/list'],
    ['absolute https URL', 'https://oms.example.com/orders/list'],
    ['protocol-relative URL', '//evil.example/orders/list'],
    ['query string', '/orders/list?pageSize=50'],
    ['fragment', '/orders/list#top'],
    ['encoded slash', '/orders%2flist'],
    ['encoded dots', '/orders/%2e%2e/orders/list'],
    ['double-encoded dots', '/orders/%252e%252e/list'],
    ['backslash', '/orders\\list'],
    ['space', '/orders/list '],
    ['newline', '/orders/list\n'],
    ['prefix then parent', '/oms-web-api/../orders/list'],
  ];

  test.each(rejected)('rejects %s', async (_name, api) => {
    const reply = await omsHttp({ api });

    expect(reply.success).toBe(false);
    expect(reply.errorCode).toBe('PATH_NOT_ALLOWED');
    expect(oms.requests).toHaveLength(0);
  });

  test('rejects methods other than GET and POST', async () => {
    const reply = await omsHttp({ api: '/orders/list', method: 'DELETE' });

    expect(reply.errorCode).toBe('INVALID_INPUT');
    expect(oms.requests).toHaveLength(0);
  });
});

describe('omsHttp request limits', () => {
  test('rejects a body on GET', async () => {
    const reply = await omsHttp({ api: '/orders/detail', method: 'GET', body: { id: 'O1000' } });

    expect(reply.errorCode).toBe('BAD_REQUEST');
    expect(oms.requests).toHaveLength(0);
  });

  test('rejects an oversized body', async () => {
    const filler = 'x'.repeat(starter.config.backend.maxBodyBytes);
    const reply = await omsHttp({ api: '/orders/detail', method: 'POST', body: { filler } });

    expect(reply.success).toBe(false);
    expect(reply.errorCode).toBe('BAD_REQUEST');
    expect(reply.errorMessage).toContain(String(starter.config.backend.maxBodyBytes));
    expect(oms.requests).toHaveLength(0);
  });
});

describe('omsHttp backend failures', () => {
  test('non-JSON reply is BAD_GATEWAY', async () => {
    oms.setBehaviour({ text: '<html>maintenance</html>' });

    const reply = await omsHttp({ api: '/orders/list' });

    expect(reply.success).toBe(false);
    expect(reply.errorCode).toBe('BAD_GATEWAY');
    expect(reply.errorMessage).toContain('not JSON');
  });

  test('JSON without success is BAD_GATEWAY', async () => {
    oms.setBehaviour({ text: '{"items":[]}' });

    const reply = await omsHttp({ api: '/orders/list' });

    expect(reply.errorCode).toBe('BAD_GATEWAY');
  });

  test('status 500 is BACKEND_ERROR', async () => {
    oms.setBehaviour({ status: 500 });

    const reply = await omsHttp({ api: '/orders/list' });

    expect(reply.success).toBe(false);
    expect(reply.errorCode).toBe('BACKEND_ERROR');
    expect(reply.errorMessage).toContain('HTTP 500');
  });

  test('backend message reaches the caller', async () => {
    const reply = await omsHttp({ api: '/orders/detail', params: { id: 'O9999' } });

    expect(reply.errorCode).toBe('BACKEND_ERROR');
    expect(reply.errorMessage).toContain('order O9999 not found');
  });

  test('success false is BACKEND_ERROR', async () => {
    oms.setBehaviour({ text: '{"success":false,"errorMessage":"stock service down"}' });

    const reply = await omsHttp({ api: '/orders/list' });

    expect(reply.errorCode).toBe('BACKEND_ERROR');
    expect(reply.errorMessage).toContain('stock service down');
  });

  test('slow backend is TIMEOUT', async () => {
    oms.setBehaviour({ delayMs: TIMEOUT_MS * 10 });

    const reply = await omsHttp({ api: '/orders/list' });

    expect(reply.success).toBe(false);
    expect(reply.errorCode).toBe('TIMEOUT');
    expect(reply.errorMessage).toContain(`${TIMEOUT_MS} ms`);
  });

  test('unreachable backend is BAD_GATEWAY', async () => {
    const closedUrl = await urlOfClosedPort();
    const offline = createLocalRuntime({
      distDir: starter.dist,
      cloud: { backends: { [starter.config.backend.domain]: closedUrl } },
    });

    const reply = await offline.invoke('omsBase', 'omsHttp', { api: '/orders/list' }, caller);

    expect(reply.errorCode).toBe('BAD_GATEWAY');
    expect(reply.errorMessage).not.toContain(closedUrl);
  });
});

/** Returns the URL of a port on 127.0.0.1 that was free a moment ago and has no listener now. */
async function urlOfClosedPort(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
