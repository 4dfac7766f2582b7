// Checks of the arguments a collection method gets. Handlers pass what callers sent, so a wrong
// type is reported with the method and the value instead of failing deep inside the query code.
import { describe, isPlainObject } from '../values';
import { dbError } from './db-error';

type PlainObject = Record<string, unknown>;

/** Checks a filter argument; `undefined` means every document when `optional` is set. */
export function checkFilter(
  collection: string,
  method: string,
  filter: unknown,
  optional: boolean,
): PlainObject {
  if (filter === undefined && optional) return {};
  if (isPlainObject(filter)) return filter;

  throw dbError(
    collection,
    method,
    "the filter must be an object such as { status: 'paid' }, " + `got ${describe(filter)}`,
  );
}

/** Checks a document to insert or a replacement: an object whose keys do not start with `$`. */
export function checkDocument(collection: string, method: string, document: unknown): PlainObject {
  if (!isPlainObject(document)) {
    throw dbError(collection, method, `the document must be an object, got ${describe(document)}`);
  }

  const operator = Object.keys(document).find((key) => key.startsWith('$'));
  if (operator !== undefined) {
    throw dbError(
      collection,
      method,
      `field names must not start with "$" (found "${operator}"); ` +
        'use updateMany for update operators',
    );
  }

  const id = document._id;
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') {
    throw dbError(collection, method, `_id must be a string or a number, got ${describe(id)}`);
  }
  return document;
}

/** Checks an update argument: an object of update operators, or an aggregation pipeline. */
export function checkUpdate(collection: string, update: unknown): PlainObject | PlainObject[] {
  if (Array.isArray(update) && update.every(isPlainObject)) return update;

  if (!isPlainObject(update) || Object.keys(update).length === 0) {
    throw dbError(
      collection,
      'updateMany',
      'the update must be an object of update operators such as ' +
        `{ $set: { status: 'paid' } }, got ${describe(update)}`,
    );
  }

  const plainField = Object.keys(update).find((key) => !key.startsWith('$'));
  if (plainField !== undefined) {
    throw dbError(
      collection,
      'updateMany',
      `"${plainField}" is not an update operator; wrap fields in $set, ` +
        'or use replaceOne to replace whole documents',
    );
  }
  return update;
}

/** Checks a `limit` or `skip` option: a whole number of zero or more. */
export function checkCount(collection: string, option: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;

  throw dbError(
    collection,
    'find',
    `option ${option} must be a whole number of 0 or more, got ${describe(value)}`,
  );
}

/** Checks a `sort` option: field names mapped to 1 (ascending) or -1 (descending). */
export function checkSort(collection: string, sort: unknown): Record<string, 1 | -1> | undefined {
  if (sort === undefined) return undefined;

  const valid =
    isPlainObject(sort) &&
    Object.values(sort).every((direction) => direction === 1 || direction === -1);
  if (valid) return sort as Record<string, 1 | -1>;

  throw dbError(
    collection,
    'find',
    `option sort must map field names to 1 or -1, got ${describe(sort)}`,
  );
}

/** Checks a `projection` option: an object such as { title: 1 } or { note: 0 }. */
export function checkProjection(collection: string, projection: unknown): PlainObject | undefined {
  if (projection === undefined) return undefined;
  if (isPlainObject(projection)) return projection;

  throw dbError(
    collection,
    'find',
    'option projection must be an object such as { title: 1 }, ' + `got ${describe(projection)}`,
  );
}

/** Checks an aggregation pipeline; a single stage object is accepted as a pipeline of one. */
export function checkPipeline(collection: string, pipeline: unknown): PlainObject[] {
  const stages = isPlainObject(pipeline) ? [pipeline] : pipeline;
  if (Array.isArray(stages) && stages.every(isPlainObject)) return stages;

  throw dbError(
    collection,
    'aggregate',
    'the pipeline must be an array of stages such as [{ $match: {...} }], ' +
      `got ${describe(pipeline)}`,
  );
}
