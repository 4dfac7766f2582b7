import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createFileDatabase } from '../../local-cloud/cloud';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-db-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('file database', () => {
  it('writes one JSON file per collection', async () => {
    const db = createFileDatabase(dir);
    await db.collection('orders').insertOne({ _id: 'o1', total: 5 });
    await db.collection('users').insertOne({ _id: 'u1', name: 'Ada' });

    expect(fs.readdirSync(dir).sort()).toEqual(['orders.json', 'users.json']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'orders.json'), 'utf8'))).toEqual([
      { _id: 'o1', total: 5 },
    ]);
  });

  it('reloads documents in a new instance', async () => {
    await createFileDatabase(dir)
      .collection('orders')
      .insertMany([{ _id: 'o1' }, { _id: 'o2' }]);

    const reopened = createFileDatabase(dir);

    expect(await reopened.collection('orders').find({}, { sort: { _id: -1 } })).toEqual([
      { _id: 'o2' },
      { _id: 'o1' },
    ]);
    expect(reopened.store.list()).toEqual(['orders']);
  });

  it('sees writes of another instance', async () => {
    const first = createFileDatabase(dir);
    const second = createFileDatabase(dir);

    await first.collection('orders').insertOne({ _id: 'o1', status: 'paid' });
    await second.collection('orders').updateMany({ _id: 'o1' }, { $set: { status: 'done' } });

    expect(await first.collection('orders').find()).toEqual([{ _id: 'o1', status: 'done' }]);
  });

  it('persists updates and deletes', async () => {
    const orders = createFileDatabase(dir).collection('orders');
    await orders.insertMany([
      { _id: 'o1', n: 1 },
      { _id: 'o2', n: 2 },
    ]);
    await orders.updateMany({ _id: 'o1' }, { $inc: { n: 10 } });
    await orders.deleteMany({ _id: 'o2' });

    expect(JSON.parse(fs.readFileSync(path.join(dir, 'orders.json'), 'utf8'))).toEqual([
      { _id: 'o1', n: 11 },
    ]);
  });

  it('leaves no temporary files', async () => {
    const orders = createFileDatabase(dir).collection('orders');
    for (let index = 0; index < 5; index += 1) await orders.insertOne({ index });

    expect(fs.readdirSync(dir)).toEqual(['orders.json']);
  });

  it('creates a missing folder on write', async () => {
    const nested = path.join(dir, 'a', 'b');
    const db = createFileDatabase(nested);

    expect(await db.collection('orders').count()).toBe(0);
    expect(fs.existsSync(nested)).toBe(false);

    await db.collection('orders').insertOne({ _id: 'o1' });

    expect(fs.existsSync(path.join(nested, 'orders.json'))).toBe(true);
  });

  it('reports a corrupt file by name', async () => {
    fs.writeFileSync(path.join(dir, 'orders.json'), '[{"_id": ');

    const failure = createFileDatabase(dir).collection('orders').find();

    await expect(failure).rejects.toThrow(path.join(dir, 'orders.json'));
    await expect(failure).rejects.toThrow(/invalid JSON.*delete it/);
  });

  it('rejects a file that is no array', async () => {
    fs.writeFileSync(path.join(dir, 'orders.json'), '{}');

    await expect(createFileDatabase(dir).collection('orders').count()).rejects.toThrow(
      /expected a JSON array/,
    );
  });
});
