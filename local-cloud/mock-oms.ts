// A mock OMS backend for local runs and tests: node's http server on 127.0.0.1 that serves the
// order API under /oms-web-api with JSON. `npm run mock-oms` starts it on port 4010, the port
// that starter.config.ts maps oms.example.com to.
//
// Test switches make it fail on purpose, for one request (a header or a query parameter) or for
// every request until changed (setBehaviour):
//   x-mock-status / mockStatus      respond with this HTTP status
//   x-mock-text / mockText          respond with this text instead of JSON
//   x-mock-delay-ms / mockDelayMs   wait this many milliseconds before responding
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { buildMockOrders, type MockOrder } from './mock-oms-orders';

export const MOCK_OMS_DEFAULT_PORT = 4010;
export const MOCK_OMS_PREFIX = '/oms-web-api';

const MAX_PAGE_SIZE = 50;

/** Overrides of the mock's normal response: each field that is set replaces that part. */
export interface MockOmsBehaviour {
  status?: number;
  text?: string;
  delayMs?: number;
}

/** One request the mock received. */
export interface RecordedRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  /** The raw request body. */
  body: string;
}

export interface MockOms {
  /** The base URL, such as http://127.0.0.1:4010, to map the OMS domain to. */
  url: string;
  port: number;
  /** Every request received, oldest first. */
  requests: RecordedRequest[];
  /** Sets the response to every following request; undefined restores normal responses. */
  setBehaviour(behaviour: MockOmsBehaviour | undefined): void;
  close(): Promise<void>;
}

interface MockResponse {
  status: number;
  body: unknown;
}

/** Starts the mock on 127.0.0.1; port 0 (the default) picks a free port. */
export function startMockOms(
  options: { port?: number; onRequest?: (request: RecordedRequest, status: number) => void } = {},
): Promise<MockOms> {
  const orders = buildMockOrders();
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let behaviour: MockOmsBehaviour = {};

  const server = http.createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request = recordRequest(incoming, Buffer.concat(chunks).toString('utf8'));
      requests.push(request);

      const switches = { ...behaviour, ...readSwitches(request) };
      const respond = () => {
        timers.delete(timer);
        const status = sendResponse(outgoing, request, switches, orders);
        options.onRequest?.(request, status);
      };
      const timer = setTimeout(respond, switches.delayMs ?? 0);
      timers.add(timer);
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        requests,
        setBehaviour: (next) => (behaviour = { ...next }),
        close: () => closeServer(server, timers),
      });
    });
  });
}

function recordRequest(incoming: http.IncomingMessage, body: string): RecordedRequest {
  const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
  return {
    method: incoming.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: incoming.headers,
    body,
  };
}

function readSwitches(request: RecordedRequest): MockOmsBehaviour {
  const pick = (header: string, parameter: string) => {
    const value = request.headers[header] ?? request.query[parameter];
    return typeof value === 'string' ? value : undefined;
  };

  const switches: MockOmsBehaviour = {};
  const status = pick('x-mock-status', 'mockStatus');
  const text = pick('x-mock-text', 'mockText');
  const delay = pick('x-mock-delay-ms', 'mockDelayMs');
  // Values that are not valid numbers are ignored, so a typo gives the normal response.
  if (status !== undefined && /^[1-5]\d\d$/.test(status)) switches.status = Number(status);
  if (text !== undefined) switches.text = text;
  if (delay !== undefined && /^\d+$/.test(delay)) switches.delayMs = Number(delay);
  return switches;
}

/** Writes the response and returns its status. */
function sendResponse(
  outgoing: http.ServerResponse,
  request: RecordedRequest,
  switches: MockOmsBehaviour,
  orders: MockOrder[],
): number {
  if (switches.text !== undefined) {
    const status = switches.status ?? 200;
    outgoing.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    outgoing.end(switches.text);
    return status;
  }

  const response =
    switches.status !== undefined
      ? failure(switches.status, `mock failure with status ${switches.status}`)
      : route(request, orders);

  outgoing.writeHead(response.status, { 'content-type': 'application/json; charset=utf-8' });
  outgoing.end(JSON.stringify(response.body));
  return response.status;
}

function route(request: RecordedRequest, orders: MockOrder[]): MockResponse {
  if (request.method !== 'GET' && request.method !== 'POST') {
    return failure(405, `method ${request.method} not allowed; use GET or POST`);
  }

  let input: Record<string, unknown>;
  try {
    input = { ...request.query, ...parseBody(request) };
  } catch {
    return failure(400, 'the request body is not valid JSON');
  }

  switch (request.path) {
    case `${MOCK_OMS_PREFIX}/orders/list`:
      return listOrders(input, orders);
    case `${MOCK_OMS_PREFIX}/orders/detail`:
      return orderDetail(input, orders);
    default:
      return failure(404, `no route for ${request.path}`);
  }
}

function listOrders(input: Record<string, unknown>, orders: MockOrder[]): MockResponse {
  const pageNo = Number(input.pageNo ?? 1);
  const pageSize = Number(input.pageSize ?? 10);
  if (!Number.isInteger(pageNo) || pageNo < 1) {
    return failure(400, `pageNo must be a whole number of 1 or more, got ${String(input.pageNo)}`);
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    return failure(
      400,
      `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${String(input.pageSize)}`,
    );
  }

  const matching =
    input.status === undefined ? orders : orders.filter((order) => order.status === input.status);
  const start = (pageNo - 1) * pageSize;
  const items = matching.slice(start, start + pageSize);
  return {
    status: 200,
    body: { success: true, data: { items, total: matching.length, pageNo, pageSize } },
  };
}

function orderDetail(input: Record<string, unknown>, orders: MockOrder[]): MockResponse {
  if (input.id === undefined || input.id === '') return failure(400, 'id is required');

  const order = orders.find((candidate) => candidate.id === String(input.id));
  if (!order) return failure(404, `order ${String(input.id)} not found`);
  return { status: 200, body: { success: true, data: order } };
}

/** Reads a JSON body, or a form body when the content type is form-encoded. */
function parseBody(request: RecordedRequest): Record<string, unknown> {
  if (request.body === '') return {};

  const type = request.headers['content-type'] ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(request.body));
  }

  const parsed: unknown = JSON.parse(request.body);
  return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}

function failure(status: number, message: string): MockResponse {
  return { status, body: { success: false, errorMessage: message } };
}

function closeServer(server: http.Server, timers: Set<NodeJS.Timeout>): Promise<void> {
  for (const timer of timers) clearTimeout(timer);
  timers.clear();

  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/** Runs the mock from the command line: `npm run mock-oms [-- --port N]`. */
async function main(argv: string[]): Promise<void> {
  const portIndex = argv.indexOf('--port');
  const port = portIndex === -1 ? MOCK_OMS_DEFAULT_PORT : Number(argv[portIndex + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(
      `mock-oms: invalid --port ${argv[portIndex + 1]}; use a number from 0 to 65535\n`,
    );
    process.exit(2);
  }

  let oms: MockOms;
  try {
    oms = await startMockOms({
      port,
      onRequest: (request, status) =>
        process.stdout.write(`${request.method} ${request.path} -> ${status}\n`),
    });
  } catch (error) {
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    const reason = inUse
      ? `port ${port} is in use; stop the other server or pass --port N`
      : (error as Error).message;
    process.stderr.write(`mock-oms: could not start: ${reason}\n`);
    process.exit(1);
  }

  process.stdout.write(`mock OMS listening on ${oms.url}${MOCK_OMS_PREFIX} (Ctrl+C stops it)\n`);
  process.once('SIGINT', () => {
    void oms.close().then(() => process.exit(0));
  });
}

if (require.main === module) {
  void main(process.argv.slice(2));
}
