// Runs defineFunction handlers in the real runtime wrapper (faas-mini-app) and checks what reaches
// the caller and the reply's log: results, handler errors, unexpected failures and bad results.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defineFunction } from '../../contract/server';
import { BROKEN_RESULT_LIMIT, CRASH_ID } from './fixtures/favorites';
import { startFunction } from './helpers/function-runtime';
import type { FunctionRuntime } from './helpers/function-runtime';

const SECRET = 'token-5f1c9a77';
const crashEvent = { handler: 'remove', data: { id: CRASH_ID }, openId: 'u1' };

let favorites: FunctionRuntime;
let hello: FunctionRuntime;

beforeAll(async () => {
  favorites = await startFunction('favorites');
  hello = await startFunction('hello');
});

afterAll(async () => {
  await favorites.close();
  await hello.close();
});

describe('defineFunction in the runtime', () => {
  it('returns the parsed result', async () => {
    const reply = await favorites.invoke({ handler: 'add', data: { title: 'Tea' }, openId: 'u1' });

    expect(reply.success).toBe(true);
    expect(reply.result).toEqual({ id: 'f1', title: 'Tea', note: '', createdAt: 1, updatedAt: 1 });
  });

  it('drops result fields outside the contract', async () => {
    const reply = await favorites.invoke({ handler: 'add', data: { title: 'Tea' }, openId: 'u1' });

    expect(reply.result).not.toHaveProperty('owner');
  });

  it('runs hello without a login', async () => {
    const reply = await hello.invoke({ handler: 'main', data: { name: ' Ada ' }, env: 'test' });

    expect(reply.success).toBe(true);
    expect(reply.result).toEqual({ greeting: 'Hello, Ada!', env: 'test' });
  });

  it('accepts a missing data field', async () => {
    const reply = await hello.invoke({ handler: 'main' });

    expect(reply.success).toBe(true);
    expect(reply.result).toEqual({ greeting: 'Hello, guest!', env: 'test' });
  });

  it('passes a handler CloudError through', async () => {
    const reply = await favorites.invoke({ handler: 'update', data: { id: 'f9' }, openId: 'u1' });

    expect(reply.success).toBe(false);
    expect(reply.errorCode).toBe('FAVORITE_NOT_FOUND');
    expect(reply.errorMessage).toBe('No favorite with id f9.');
    expect(reply.log).not.toMatch(/\n\s+at\s/);
  });

  it('hides an unexpected error as INTERNAL', async () => {
    const reply = await favorites.invoke(crashEvent);

    expect(reply.success).toBe(false);
    expect(reply.errorCode).toBe('INTERNAL');
    expect(reply.errorMessage).toMatch(/^The cloud function failed unexpectedly \(request req-\d+/);
    expect(reply.errorMessage).not.toContain('TypeError');
  });

  it('logs an unexpected error once', async () => {
    const reply = await favorites.invoke(crashEvent);
    const requestId = /request (req-\d+)/.exec(reply.errorMessage)?.[1];
    const errorLines = reply.log.split('\r\n').filter((line) => line.includes('[error]'));

    expect(requestId).toBeDefined();
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toContain(`[favorites.remove] request ${requestId} failed: TypeError:`);
    expect(reply.log).not.toMatch(/\n\s+at\s/);
  });

  it('rejects a result outside the contract', async () => {
    const reply = await favorites.invoke({
      handler: 'list',
      data: { limit: BROKEN_RESULT_LIMIT },
      openId: 'u1',
    });

    expect(reply.success).toBe(false);
    expect(reply.errorCode).toBe('INVALID_RESULT');
    expect(reply.log).toContain('the result does not match the contract: result.items.0.id:');
  });

  it('keeps input values out of the log', async () => {
    const replies = [
      await favorites.invoke({ handler: 'add', data: { title: SECRET }, openId: 'u1' }),
      await favorites.invoke({ handler: 'add', data: { title: SECRET.repeat(20) }, openId: 'u1' }),
      await favorites.invoke({ handler: 'update', data: { id: 'f1', note: SECRET }, openId: 'u1' }),
    ];

    for (const reply of replies) expect(reply.log).not.toContain(SECRET);
  });

  it('rejects a login handler without openId', async () => {
    const runsBefore = favorites.handlerRuns.length;
    const reply = await favorites.invoke({ handler: 'list', data: {} });

    expect(reply.success).toBe(false);
    expect(reply.errorCode).toBe(-1);
    expect(favorites.handlerRuns.length).toBe(runsBefore);
  });
});

describe('defineFunction handler map', () => {
  it('rejects an unknown function name', () => {
    const define = defineFunction as (fn: string, handlers: object) => unknown;

    expect(() => define('helo', {})).toThrow(/"helo" is not a cloud function of the contract/);
  });

  it('rejects missing and extra handlers', () => {
    const define = defineFunction as (fn: string, handlers: object) => unknown;
    const handlers = { main: async () => ({}), extra: async () => ({}) };

    expect(() => define('favorites', handlers)).toThrow(
      /missing handlers: list, add, update, remove; handlers not in the contract: main, extra/,
    );
  });

  it('returns one-argument runtime handlers', () => {
    const { main } = defineFunction('hello', {
      main: async () => ({ greeting: 'hi', env: 'test' }),
    });

    // The runtime switches to callback mode for handlers that declare more than two parameters.
    expect(main.length).toBe(1);
  });
});
