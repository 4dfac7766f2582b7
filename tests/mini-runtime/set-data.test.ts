import { afterEach, describe, expect, test } from 'vitest';

import { createHost, type PageHandle } from '../../local-cloud/mini-runtime';
import { parseDataPath } from '../../local-cloud/mini-runtime/data-path';
import { removeFolder, writeTempFiles } from './fixture';

const folders: string[] = [];

async function openDataPage(data: Record<string, unknown>): Promise<PageHandle> {
  const folder = await writeTempFiles({
    'client/app.json': JSON.stringify({ pages: ['pages/data/data'] }),
    'client/app.js': 'App({});',
    'client/pages/data/data.js': `Page({ data: ${JSON.stringify(data)} });`,
  });
  folders.push(folder);

  const host = createHost({ root: `${folder}/client` });
  host.launch();
  return host.openPage('pages/data/data');
}

afterEach(async () => {
  await Promise.all(folders.splice(0).map(removeFolder));
});

describe('data path keys', () => {
  test.each([
    ['a', ['a']],
    ['a.b', ['a', 'b']],
    ['a.b[2].c', ['a', 'b', 2, 'c']],
    ['list[0][1]', ['list', 0, 1]],
  ])('parses %s', (key, steps) => {
    expect(parseDataPath(key)).toEqual(steps);
  });

  test.each(['', '.a', 'a.', 'a..b', '[0]', 'a.[0]', 'a[x]', 'a[0]b'])('rejects %j', (key) => {
    expect(() => parseDataPath(key)).toThrow(/invalid path key/);
  });
});

describe('setData', () => {
  test('path key sets nested value', async () => {
    const page = await openDataPage({ a: { b: [{ c: 1 }, { c: 2 }, { c: 3 }] } });

    page.instance.setData({ 'a.b[2].c': 30 });

    expect(page.data).toEqual({ a: { b: [{ c: 1 }, { c: 2 }, { c: 30 }] } });
  });

  test('missing path creates containers', async () => {
    const page = await openDataPage({});

    page.instance.setData({ 'x.list[1].name': 'n' });

    const created = page.data.x as { list: unknown };
    expect(Array.isArray(created.list)).toBe(true);
    expect(page.data).toEqual({ x: { list: [undefined, { name: 'n' }] } });
  });

  test('data getter returns snapshots', async () => {
    const page = await openDataPage({ list: [1] });
    const before = page.data;

    page.instance.setData({ 'list[1]': 2 });

    expect(before).toEqual({ list: [1] });
    expect(page.data).toEqual({ list: [1, 2] });
  });

  test('stored value is a copy', async () => {
    const page = await openDataPage({});
    const value = { items: ['a'] };

    page.instance.setData({ value });
    value.items.push('b');

    expect(page.data.value).toEqual({ items: ['a'] });
  });

  test('stored arrays belong to the page realm', async () => {
    const page = await openDataPage({});

    page.instance.setData({ list: [1, 2] });
    const prototype = Object.getPrototypeOf(page.instance.data.list);

    expect(prototype).toBe(page.realm.constructors.Array.prototype);
    expect(prototype).not.toBe(Array.prototype);
  });

  test('callback runs after the render', async () => {
    const page = await openDataPage({ n: 0 });
    const seen: number[] = [];

    page.instance.setData({ n: 1 }, function (this: { data: { n: number } }) {
      seen.push(this.data.n);
    });
    page.instance.setData({ n: 2 });
    expect(seen).toEqual([]);
    await Promise.resolve();

    expect(seen).toEqual([2]);
  });

  test('$spliceData inserts and removes items', async () => {
    const page = await openDataPage({ a: { list: [1, 2, 3, 4] } });

    page.instance.$spliceData({ 'a.list': [1, 2, 'x', 'y', 'z'] });

    expect(page.data.a).toEqual({ list: [1, 'x', 'y', 'z', 4] });
  });

  test('$spliceData on non-array throws', async () => {
    const page = await openDataPage({ a: 1 });

    expect(() => page.instance.$spliceData({ a: [0, 1] })).toThrow(
      "$spliceData: data at 'a' is not an array (found number).",
    );
  });
});
