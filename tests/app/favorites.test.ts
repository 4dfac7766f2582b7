// The favorites and hello cloud functions built from the starter, run through faas-mini-app
// with one in-memory database that every call shares.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { createMemoryDatabase, type LocalDatabase } from '../../local-cloud/cloud';
import { createLocalRuntime, type LocalRuntime } from '../../local-cloud/runtime';
import { buildStarter, type BuiltStarter } from '../helpers/starter-build';

interface Favorite {
  id: string;
  title: string;
  note: string;
  createdAt: number;
  updatedAt: number;
}

let starter: BuiltStarter;
let db: LocalDatabase;
let runtime: LocalRuntime;
let userCount = 0;

beforeAll(async () => {
  starter = await buildStarter();
  db = createMemoryDatabase();
  runtime = createLocalRuntime({ distDir: starter.dist, cloud: { db } });
});

afterAll(() => {
  starter?.project.remove();
});

/** Returns the calls of a new user, so each test starts with an empty list. */
function newUser() {
  userCount += 1;
  const openId = `open-id-${userCount}`;
  const call = (handler: string, data: unknown) =>
    runtime.invoke('favorites', handler, data, { openId, env: 'test' });

  return {
    openId,
    call,
    async add(title: string, note?: string): Promise<Favorite> {
      const reply = await call('add', note === undefined ? { title } : { title, note });
      if (!reply.success) throw new Error(`add failed: ${reply.errorMessage}`);
      return reply.result as Favorite;
    },
    async list(limit?: number): Promise<Favorite[]> {
      const reply = await call('list', limit === undefined ? {} : { limit });
      if (!reply.success) throw new Error(`list failed: ${reply.errorMessage}`);
      return (reply.result as { items: Favorite[] }).items;
    },
  };
}

describe('favorites.add and list', () => {
  test('add returns the new favorite', async () => {
    const user = newUser();

    const added = await user.add('Tea set', 'for mum');

    expect(added.title).toBe('Tea set');
    expect(added.note).toBe('for mum');
    expect(added.id).toMatch(/^[0-9a-f]{24}$/);
    expect(added.updatedAt).toBe(added.createdAt);
  });

  test('note defaults to empty', async () => {
    const user = newUser();

    expect((await user.add('Kettle')).note).toBe('');
  });

  test('list returns newest first', async () => {
    const user = newUser();
    await user.add('first');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await user.add('second');

    const titles = (await user.list()).map((item) => item.title);

    expect(titles).toEqual(['second', 'first']);
  });

  test('list honours the limit', async () => {
    const user = newUser();
    for (const title of ['a', 'b', 'c']) await user.add(title);

    expect(await user.list(2)).toHaveLength(2);
  });

  test('stores the owner but hides it', async () => {
    const user = newUser();
    const added = await user.add('Lamp');

    const stored = await db.collection('favorites').find({ _id: added.id });

    expect(stored[0].openId).toBe(user.openId);
    expect(added).not.toHaveProperty('openId');
    expect((await user.list())[0]).not.toHaveProperty('openId');
  });

  test('rejects an empty title', async () => {
    const reply = await newUser().call('add', { title: '   ' });

    expect(reply.success).toBe(false);
    expect(reply.errorCode).toBe('INVALID_INPUT');
    expect(reply.errorMessage).toContain('input.title');
  });
});

describe('favorites.update and remove', () => {
  test('update changes the title', async () => {
    const user = newUser();
    const added = await user.add('Old');

    const reply = await user.call('update', { id: added.id, title: 'New' });

    expect(reply.result).toEqual({ updated: true });
    const [item] = await user.list();
    expect(item.title).toBe('New');
    expect(item.note).toBe('');
    expect(item.updatedAt).toBeGreaterThanOrEqual(item.createdAt);
  });

  test('update needs title or note', async () => {
    const user = newUser();
    const added = await user.add('Same');

    const reply = await user.call('update', { id: added.id });

    expect(reply.errorCode).toBe('INVALID_INPUT');
  });

  test('update of unknown id is false', async () => {
    const reply = await newUser().call('update', { id: 'no-such-id', note: 'x' });

    expect(reply.result).toEqual({ updated: false });
  });

  test('remove deletes the favorite', async () => {
    const user = newUser();
    const added = await user.add('Gone soon');

    const reply = await user.call('remove', { id: added.id });

    expect(reply.result).toEqual({ removed: true });
    expect(await user.list()).toEqual([]);
  });
});

describe('favorites isolation between users', () => {
  test('list shows only own favorites', async () => {
    const ann = newUser();
    const bob = newUser();
    await ann.add('Ann only');

    expect(await bob.list()).toEqual([]);
    expect((await ann.list()).map((item) => item.title)).toEqual(['Ann only']);
  });

  test('other user cannot update', async () => {
    const ann = newUser();
    const bob = newUser();
    const added = await ann.add('Mine');

    const reply = await bob.call('update', { id: added.id, title: 'Taken' });

    expect(reply.result).toEqual({ updated: false });
    expect((await ann.list())[0].title).toBe('Mine');
  });

  test('other user cannot remove', async () => {
    const ann = newUser();
    const bob = newUser();
    const added = await ann.add('Keep');

    const reply = await bob.call('remove', { id: added.id });

    expect(reply.result).toEqual({ removed: false });
    expect(await ann.list()).toHaveLength(1);
  });

  test('filter operators in id are rejected', async () => {
    const ann = newUser();
    await ann.add('Keep');

    const reply = await newUser().call('remove', { id: { $ne: '' } });

    expect(reply.errorCode).toBe('INVALID_INPUT');
    expect(await ann.list()).toHaveLength(1);
  });

  test('every handler needs a login', async () => {
    for (const handler of ['list', 'add', 'update', 'remove']) {
      const reply = await runtime.invoke('favorites', handler, { title: 'x', id: 'x' });

      expect(reply.success, handler).toBe(false);
      expect(reply.errorCode, handler).toBe(-1);
    }
  });
});

describe('hello', () => {
  test('greets by name without login', async () => {
    const reply = await runtime.invoke('hello', 'main', { name: 'Ann' }, { env: 'test' });

    expect(reply.success).toBe(true);
    expect(reply.result).toEqual({ greeting: 'Hello, Ann!', env: 'test' });
  });

  test('greets Taobao by default', async () => {
    const reply = await runtime.invoke('hello', 'main', {});

    expect((reply.result as { greeting: string }).greeting).toBe('Hello, Taobao!');
  });
});
