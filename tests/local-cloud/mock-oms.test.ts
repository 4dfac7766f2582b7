import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { startMockOms, type MockOms } from '../../local-cloud/mock-oms';
import { MOCK_ORDER_COUNT } from '../../local-cloud/mock-oms-orders';

let oms: MockOms;

beforeAll(async () => {
  oms = await startMockOms({ port: 0 });
});

afterAll(async () => {
  await oms.close();
});

beforeEach(() => {
  oms.setBehaviour(undefined);
  oms.requests.length = 0;
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${oms.url}/oms-web-api${path}`, { headers });
  return { status: response.status, text: await response.text() };
}

async function post(path: string, body: unknown) {
  const response = await fetch(`${oms.url}/oms-web-api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}

describe('mock OMS', () => {
  it('listens on 127.0.0.1 random port', () => {
    expect(oms.port).toBeGreaterThan(0);
    expect(oms.url).toBe(`http://127.0.0.1:${oms.port}`);
  });

  it('lists the first page by default', async () => {
    const { status, text } = await get('/orders/list');
    const body = JSON.parse(text);

    expect(status).toBe(200);
    expect(body.data.items).toHaveLength(10);
    expect(body.data).toMatchObject({ total: MOCK_ORDER_COUNT, pageNo: 1, pageSize: 10 });
  });

  it('pages through POST body', async () => {
    const { json } = await post('/orders/list', { pageNo: 5, pageSize: 10 });

    expect(json.data.items).toHaveLength(MOCK_ORDER_COUNT - 40);
    expect(json.data.pageNo).toBe(5);
  });

  it('filters the list by status', async () => {
    const { json } = await post('/orders/list', { status: 'refunded', pageSize: 50 });

    expect(json.data.items.length).toBeGreaterThan(0);
    expect(json.data.items.every((order: { status: string }) => order.status === 'refunded')).toBe(
      true,
    );
  });

  it('rejects an invalid page size', async () => {
    const { status, text } = await get('/orders/list?pageSize=500');

    expect(status).toBe(400);
    expect(JSON.parse(text).errorMessage).toMatch(/pageSize must be a whole number from 1 to 50/);
  });

  it('returns one order by id', async () => {
    const { status, text } = await get('/orders/detail?id=O1003');

    expect(status).toBe(200);
    expect(JSON.parse(text).data).toMatchObject({ id: 'O1003', title: 'Sample order 4' });
  });

  it('returns 404 for unknown order', async () => {
    expect((await get('/orders/detail?id=O9')).status).toBe(404);
  });

  it('returns 404 for unknown route', async () => {
    expect((await get('/users')).status).toBe(404);
  });

  it('records received requests', async () => {
    await post('/orders/list', { pageNo: 2 });

    expect(oms.requests).toHaveLength(1);
    expect(oms.requests[0]).toMatchObject({
      method: 'POST',
      path: '/oms-web-api/orders/list',
      body: '{"pageNo":2}',
    });
  });

  it('responds 500 by header', async () => {
    const { status, text } = await get('/orders/list', { 'x-mock-status': '500' });

    expect(status).toBe(500);
    expect(JSON.parse(text).success).toBe(false);
  });

  it('responds text by query flag', async () => {
    const { status, text } = await get('/orders/list?mockText=not%20json');

    expect(status).toBe(200);
    expect(text).toBe('not json');
  });

  it('delays the response by setter', async () => {
    oms.setBehaviour({ delayMs: 60_000 });
    const controller = new AbortController();
    let settled = false;

    const pending = fetch(`${oms.url}/oms-web-api/orders/list`, { signal: controller.signal }).then(
      () => (settled = true),
      () => undefined,
    );
    await vi.waitFor(() => expect(oms.requests).toHaveLength(1));

    expect(settled).toBe(false);
    controller.abort();
    await pending;
  });

  it('restores normal responses on reset', async () => {
    oms.setBehaviour({ status: 500 });
    oms.setBehaviour(undefined);

    expect((await get('/orders/list')).status).toBe(200);
  });

  it('ignores an invalid status switch', async () => {
    expect((await get('/orders/list', { 'x-mock-status': 'abc' })).status).toBe(200);
  });
});
