import { beforeEach, describe, expect, it } from 'vitest';

import type { CloudCollection } from '../../contract/context';
import { createMemoryDatabase, type LocalDatabase } from '../../local-cloud/cloud';

let db: LocalDatabase;
let orders: CloudCollection;

beforeEach(async () => {
  db = createMemoryDatabase();
  orders = db.collection('orders');
  await orders.insertMany([
    { _id: 'a', title: 'pen', price: 3, status: 'paid', tags: ['office'] },
    { _id: 'b', title: 'book', price: 12, status: 'shipped', tags: [] },
    { _id: 'c', title: 'lamp', price: 30, status: 'paid', tags: ['home'] },
    { _id: 'd', title: 'mug', price: 8, status: 'refunded', tags: ['home', 'kitchen'] },
  ]);
});

describe('insertOne', () => {
  it('returns a new string _id', async () => {
    const id = await orders.insertOne({ title: 'cup' });

    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(await orders.find({ _id: id })).toEqual([{ _id: id, title: 'cup' }]);
  });

  it('keeps a given _id', async () => {
    expect(await orders.insertOne({ _id: 'own', title: 'cup' })).toBe('own');
  });

  it('rejects a duplicate _id', async () => {
    await expect(orders.insertOne({ _id: 'a' })).rejects.toThrow(/duplicate _id "a"/);
  });

  it('rejects a non-object document', async () => {
    await expect(orders.insertOne([1] as never)).rejects.toThrow(/the document must be an object/);
  });

  it('stores a copy through JSON', async () => {
    const document = { title: 'cup', at: new Date(0), gone: undefined };
    const id = await orders.insertOne(document);
    document.title = 'changed';

    expect(await orders.find({ _id: id })).toEqual([
      { _id: id, title: 'cup', at: '1970-01-01T00:00:00.000Z' },
    ]);
  });
});

describe('insertMany', () => {
  it('returns ids in input order', async () => {
    const ids = await orders.insertMany([{ title: 'x' }, { _id: 'y', title: 'y' }]);

    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe('y');
    expect(await orders.count()).toBe(6);
  });

  it('inserts nothing when one fails', async () => {
    await expect(orders.insertMany([{ _id: 'new' }, { _id: 'new' }])).rejects.toThrow(
      /duplicate _id/,
    );
    expect(await orders.count()).toBe(4);
  });

  it('rejects an empty array', async () => {
    await expect(orders.insertMany([])).rejects.toThrow(/non-empty array/);
  });
});

describe('find', () => {
  it('returns every document without filter', async () => {
    expect((await orders.find()).map((order) => order._id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('applies query operators', async () => {
    const found = await orders.find({ price: { $gte: 8 }, status: { $in: ['paid', 'refunded'] } });

    expect(found.map((order) => order._id)).toEqual(['c', 'd']);
  });

  it('matches array fields and $or', async () => {
    const found = await orders.find({ $or: [{ tags: 'kitchen' }, { title: /^pe/ }] });

    expect(found.map((order) => order._id)).toEqual(['a', 'd']);
  });

  it('sorts, skips and limits', async () => {
    const found = await orders.find({}, { sort: { price: -1 }, skip: 1, limit: 2 });

    expect(found.map((order) => order._id)).toEqual(['b', 'd']);
  });

  it('treats limit 0 as no limit', async () => {
    expect(await orders.find({}, { limit: 0 })).toHaveLength(4);
  });

  it('projects included fields', async () => {
    expect(await orders.find({ _id: 'a' }, { projection: { title: 1 } })).toEqual([
      { _id: 'a', title: 'pen' },
    ]);
  });

  it('projects excluded fields', async () => {
    const [found] = await orders.find({ _id: 'a' }, { projection: { tags: 0, _id: 0 } });

    expect(found).toEqual({ title: 'pen', price: 3, status: 'paid' });
  });

  it('rejects an unknown operator', async () => {
    await expect(orders.find({ price: { $near: 1 } })).rejects.toThrow(
      /db\.collection\('orders'\)\.find: .*\$near/,
    );
  });

  it('rejects an invalid limit', async () => {
    await expect(orders.find({}, { limit: -1 })).rejects.toThrow(
      /option limit must be a whole number/,
    );
  });

  it('rejects an invalid sort', async () => {
    await expect(orders.find({}, { sort: { price: 2 as never } })).rejects.toThrow(
      /option sort must map/,
    );
  });

  it('rejects $where scripts', async () => {
    await expect(orders.find({ $where: 'true' })).rejects.toThrow(/scriptEnabled/);
  });

  it('rejects a string filter', async () => {
    await expect(orders.find('a' as never)).rejects.toThrow(/the filter must be an object/);
  });

  it('returns copies, not stored objects', async () => {
    const [first] = await orders.find({ _id: 'a' });
    first.title = 'changed';

    expect((await orders.find({ _id: 'a' }))[0].title).toBe('pen');
  });
});

describe('updateMany', () => {
  it('applies $set and $inc', async () => {
    const matched = await orders.updateMany(
      { status: 'paid' },
      { $set: { status: 'done' }, $inc: { price: 1 } },
    );

    expect(matched).toBe(2);
    expect(await orders.find({ status: 'done' }, { projection: { price: 1 } })).toEqual([
      { _id: 'a', price: 4 },
      { _id: 'c', price: 31 },
    ]);
  });

  it('applies $unset and $push', async () => {
    await orders.updateMany({ _id: 'b' }, { $unset: { status: '' }, $push: { tags: 'gift' } });

    expect(await orders.find({ _id: 'b' })).toEqual([
      { _id: 'b', title: 'book', price: 12, tags: ['gift'] },
    ]);
  });

  it('returns 0 when nothing matches', async () => {
    expect(await orders.updateMany({ status: 'lost' }, { $set: { price: 0 } })).toBe(0);
  });

  it('counts matches with unchanged values', async () => {
    expect(await orders.updateMany({ _id: 'a' }, { $set: { price: 3 } })).toBe(1);
  });

  it('rejects an update without operators', async () => {
    await expect(orders.updateMany({ _id: 'a' }, { price: 1 })).rejects.toThrow(
      /"price" is not an update operator/,
    );
  });

  it('rejects changing _id', async () => {
    await expect(orders.updateMany({ _id: 'a' }, { $set: { _id: 'z' } })).rejects.toThrow(/_id/);
    expect(await orders.count({ _id: 'a' })).toBe(1);
  });

  it('requires a filter', async () => {
    await expect(orders.updateMany(undefined as never, { $set: { a: 1 } })).rejects.toThrow(
      /the filter must be an object/,
    );
  });
});

describe('replaceOne', () => {
  it('replaces the first match', async () => {
    expect(await orders.replaceOne({ status: 'paid' }, { title: 'new pen' })).toBe(1);
    expect(await orders.find({ _id: 'a' })).toEqual([{ _id: 'a', title: 'new pen' }]);
    expect(await orders.count({ status: 'paid' })).toBe(1);
  });

  it('keeps the document order', async () => {
    await orders.replaceOne({ _id: 'b' }, { title: 'novel' });

    expect((await orders.find()).map((order) => order._id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('returns 0 when nothing matches', async () => {
    expect(await orders.replaceOne({ _id: 'none' }, { title: 'x' })).toBe(0);
  });

  it('rejects update operators', async () => {
    await expect(orders.replaceOne({ _id: 'a' }, { $set: { title: 'x' } })).rejects.toThrow(
      /must not start with "\$"/,
    );
  });

  it('rejects a different _id', async () => {
    await expect(orders.replaceOne({ _id: 'a' }, { _id: 'z', title: 'x' })).rejects.toThrow(
      /_id cannot be modified/,
    );
  });
});

describe('deleteMany and count', () => {
  it('deletes matches and returns count', async () => {
    expect(await orders.deleteMany({ status: 'paid' })).toBe(2);
    expect(await orders.count()).toBe(2);
  });

  it('deletes everything with empty filter', async () => {
    expect(await orders.deleteMany({})).toBe(4);
    expect(await orders.find()).toEqual([]);
  });

  it('counts with a filter', async () => {
    expect(await orders.count({ price: { $lt: 10 } })).toBe(2);
  });

  it('counts an unknown collection as 0', async () => {
    expect(await db.collection('empty').count()).toBe(0);
  });
});

describe('aggregate', () => {
  it('groups and sorts', async () => {
    const result = await orders.aggregate([
      { $group: { _id: '$status', total: { $sum: '$price' } } },
      { $sort: { total: -1 } },
    ]);

    expect(result).toEqual([
      { _id: 'paid', total: 33 },
      { _id: 'shipped', total: 12 },
      { _id: 'refunded', total: 8 },
    ]);
  });

  it('looks up another collection', async () => {
    await db.collection('customers').insertOne({ _id: 'k1', order: 'a', name: 'Ada' });

    const [joined] = await orders.aggregate([
      { $match: { _id: 'a' } },
      { $lookup: { from: 'customers', localField: '_id', foreignField: 'order', as: 'buyers' } },
      { $project: { buyers: '$buyers.name' } },
    ]);

    expect(joined).toEqual({ _id: 'a', buyers: ['Ada'] });
  });

  it('rejects the $out stage', async () => {
    await expect(orders.aggregate([{ $out: 'copy' }])).rejects.toThrow(
      /\$out stage is not available in the local cloud/,
    );
  });

  it('rejects a non-array pipeline', async () => {
    await expect(orders.aggregate('x' as never)).rejects.toThrow(/the pipeline must be an array/);
  });
});

describe('collection names', () => {
  it('rejects path characters', () => {
    expect(() => db.collection('../secrets')).toThrow(/invalid collection name/);
  });

  it('keeps collections apart', async () => {
    await db.collection('users').insertOne({ _id: 'u1' });

    expect(await db.collection('users').count()).toBe(1);
    expect(await orders.count({ _id: 'u1' })).toBe(0);
  });
});
