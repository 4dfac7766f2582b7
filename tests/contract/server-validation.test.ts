// Sends bad payloads through defineFunction as the real runtime wrapper (faas-mini-app) runs it.
// Each must come back as INVALID_INPUT naming the field, before the handler runs, and with no
// stack trace in the reply's log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startFunction } from './helpers/function-runtime';
import type { FunctionRuntime } from './helpers/function-runtime';

type FunctionName = 'hello' | 'favorites' | 'omsBase';

interface BadPayload {
  name: string;
  fn: FunctionName;
  handler: string;
  /** The event's `data` field, sent as it is: a string stays a string. */
  data: unknown;
  /** The path at the start of the error message. */
  path: string;
  /** A part of the reason after the path. */
  reason: RegExp;
}

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
}

const badPayloads: BadPayload[] = [
  {
    name: 'string data',
    fn: 'hello',
    handler: 'main',
    data: 'Ada',
    path: 'input',
    reason: /expected an object, received string/,
  },
  {
    name: 'null data',
    fn: 'hello',
    handler: 'main',
    data: null,
    path: 'input',
    reason: /received null/,
  },
  {
    name: 'array data',
    fn: 'favorites',
    handler: 'add',
    data: [{ title: 'Tea' }],
    path: 'input',
    reason: /received an array/,
  },
  {
    name: 'number data',
    fn: 'favorites',
    handler: 'list',
    data: 20,
    path: 'input',
    reason: /received number/,
  },
  {
    name: 'boolean data',
    fn: 'favorites',
    handler: 'remove',
    data: true,
    path: 'input',
    reason: /received boolean/,
  },
  {
    name: 'missing title',
    fn: 'favorites',
    handler: 'add',
    data: {},
    path: 'input.title',
    reason: /required field is missing \(expected string\)/,
  },
  {
    name: 'number title',
    fn: 'favorites',
    handler: 'add',
    data: { title: 5 },
    path: 'input.title',
    reason: /expected string, received number/,
  },
  {
    name: 'blank title',
    fn: 'favorites',
    handler: 'add',
    data: { title: '   ' },
    path: 'input.title',
    reason: />=1 characters/,
  },
  {
    name: 'huge title',
    fn: 'favorites',
    handler: 'add',
    data: { title: 'x'.repeat(200_000) },
    path: 'input.title',
    reason: /<=80 characters/,
  },
  {
    name: 'array title',
    fn: 'favorites',
    handler: 'add',
    data: { title: ['Tea', 'Coffee'] },
    path: 'input.title',
    reason: /expected string, received array/,
  },
  {
    name: 'huge array title',
    fn: 'favorites',
    handler: 'add',
    data: { title: new Array(50_000).fill('x') },
    path: 'input.title',
    reason: /more than 10000 values/,
  },
  {
    name: 'long note',
    fn: 'favorites',
    handler: 'add',
    data: { title: 'Tea', note: 'n'.repeat(501) },
    path: 'input.note',
    reason: /<=500 characters/,
  },
  {
    name: 'extra field',
    fn: 'favorites',
    handler: 'add',
    data: { title: 'Tea', owner: 'someone-else' },
    path: 'input.owner',
    reason: /unknown field/,
  },
  {
    name: '__proto__ key',
    fn: 'favorites',
    handler: 'add',
    data: JSON.parse('{"title":"Tea","__proto__":{"admin":true}}'),
    path: 'input.__proto__',
    reason: /key is not allowed/,
  },
  {
    name: 'constructor key',
    fn: 'favorites',
    handler: 'add',
    data: { title: 'Tea', constructor: { prototype: { admin: true } } },
    path: 'input.constructor',
    reason: /key is not allowed/,
  },
  {
    name: 'zero limit',
    fn: 'favorites',
    handler: 'list',
    data: { limit: 0 },
    path: 'input.limit',
    reason: />=1/,
  },
  {
    name: 'fractional limit',
    fn: 'favorites',
    handler: 'list',
    data: { limit: 1.5 },
    path: 'input.limit',
    reason: /expected int/,
  },
  {
    name: 'string limit',
    fn: 'favorites',
    handler: 'list',
    data: { limit: '10' },
    path: 'input.limit',
    reason: /expected number, received string/,
  },
  {
    name: 'missing id',
    fn: 'favorites',
    handler: 'update',
    data: { title: 'Tea' },
    path: 'input.id',
    reason: /required field is missing/,
  },
  {
    name: 'long id',
    fn: 'favorites',
    handler: 'remove',
    data: { id: 'i'.repeat(65) },
    path: 'input.id',
    reason: /<=64 characters/,
  },
  {
    name: 'object id',
    fn: 'favorites',
    handler: 'remove',
    data: { id: { $ne: null } },
    path: 'input.id',
    reason: /expected string, received object/,
  },
  {
    name: 'unknown method',
    fn: 'omsBase',
    handler: 'omsHttp',
    data: { api: '/orders/list', method: 'PUT' },
    path: 'input.method',
    reason: /expected one of "GET"\|"POST"/,
  },
  {
    name: 'long api',
    fn: 'omsBase',
    handler: 'omsHttp',
    data: { api: '/'.repeat(201) },
    path: 'input.api',
    reason: /<=200 characters/,
  },
  {
    name: 'array param',
    fn: 'omsBase',
    handler: 'omsHttp',
    data: { api: '/orders/list', params: { q: ['a'] } },
    path: 'input.params.q',
    reason: /invalid input/i,
  },
  {
    name: 'deep body',
    fn: 'omsBase',
    handler: 'omsHttp',
    data: { api: '/orders/list', body: nested(40) },
    path: 'input.body' + '.a'.repeat(15),
    reason: /nested deeper than 16 levels/,
  },
  {
    name: 'huge body array',
    fn: 'omsBase',
    handler: 'omsHttp',
    data: { api: '/orders/list', body: { rows: new Array(20_000).fill(0) } },
    path: 'input.body.rows',
    reason: /more than 10000 values/,
  },
  {
    name: 'nested __proto__ key',
    fn: 'omsBase',
    handler: 'omsHttp',
    data: { api: '/orders/list', body: JSON.parse('{"x":{"__proto__":{"polluted":1}}}') },
    path: 'input.body.x.__proto__',
    reason: /key is not allowed/,
  },
  {
    name: 'number name',
    fn: 'hello',
    handler: 'main',
    data: { name: 42 },
    path: 'input.name',
    reason: /expected string, received number/,
  },
  {
    name: 'nested extra field',
    fn: 'hello',
    handler: 'main',
    data: { name: 'Ada', profile: { admin: true } },
    path: 'input.profile',
    reason: /unknown field/,
  },
];

const runtimes = {} as Record<FunctionName, FunctionRuntime>;

beforeAll(async () => {
  for (const fn of ['hello', 'favorites', 'omsBase'] as const) {
    runtimes[fn] = await startFunction(fn);
  }
});

afterAll(async () => {
  for (const runtime of Object.values(runtimes)) await runtime.close();
});

describe('defineFunction input validation', () => {
  it('covers at least twenty bad payloads', () => {
    expect(badPayloads.length).toBeGreaterThanOrEqual(20);
  });

  for (const payload of badPayloads) {
    it(`rejects ${payload.name}`, async () => {
      const runtime = runtimes[payload.fn];
      const runsBefore = runtime.handlerRuns.length;

      const reply = await runtime.invoke({
        handler: payload.handler,
        data: payload.data,
        openId: 'user-1',
      });

      expect(reply.success).toBe(false);
      expect(reply.errorCode).toBe('INVALID_INPUT');
      expect(reply.errorMessage.startsWith(`${payload.path}: `)).toBe(true);
      expect(reply.errorMessage).toMatch(payload.reason);
      expect(runtime.handlerRuns.length).toBe(runsBefore);
      expect(reply.log).not.toMatch(/\n\s+at\s/);
      expect(reply.log).not.toContain('.ts:');
    });
  }
});
