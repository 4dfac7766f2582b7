// One collection of the local database, with the MongoDB-style methods of `CloudCollection`.
// Each call reads the collection from the store, runs the query with mingo, and writes the
// whole collection back when it changed. Documents pass through JSON on the way in and out,
// so a Date is stored as its ISO string and undefined fields are dropped.
import { Query, aggregate, find, updateMany } from 'mingo';

import type { CloudCollection } from '../../../contract/context';
import { describe } from '../values';
import {
  checkCount,
  checkDocument,
  checkFilter,
  checkPipeline,
  checkProjection,
  checkSort,
  checkUpdate,
} from './arguments';
import { DbError, dbError } from './db-error';
import { newDocumentId } from './document-id';
import type { DocumentStore, StoredDocument } from './document-store';

type PlainObject = Record<string, unknown>;
type Options = NonNullable<Parameters<typeof find>[3]>;

/** Aggregation stages that write to other collections; the local database does not run them. */
const WRITING_STAGES = ['$out', '$merge'];

/** Creates the collection `name` over a store. */
export function createCollection(store: DocumentStore, name: string): CloudCollection {
  const options: Partial<Options> = {
    // The platform runs no user JavaScript inside queries ($where, $function, $accumulator).
    scriptEnabled: false,
    // $lookup and $unionWith read other collections of the same database.
    collectionResolver: (other: string) => store.read(other),
  };

  const run = <T>(method: string, operation: () => T): Promise<T> =>
    Promise.resolve().then(() => runOperation(name, method, operation));

  return {
    find: (filter, findOptions) =>
      run('find', () => findDocuments(store, name, options, filter, findOptions)),

    insertOne: (document) =>
      run('insertOne', () => insertDocuments(store, name, 'insertOne', [document])[0]),

    insertMany: (documents) =>
      run('insertMany', () => {
        if (!Array.isArray(documents) || documents.length === 0) {
          throw dbError(
            name,
            'insertMany',
            `expected a non-empty array of documents, got ${describe(documents)}`,
          );
        }
        return insertDocuments(store, name, 'insertMany', documents);
      }),

    updateMany: (filter, update) =>
      run('updateMany', () => updateDocuments(store, name, options, filter, update)),

    replaceOne: (filter, replacement) =>
      run('replaceOne', () => replaceDocument(store, name, options, filter, replacement)),

    deleteMany: (filter) => run('deleteMany', () => deleteDocuments(store, name, options, filter)),

    count: (filter) =>
      run('count', () => {
        const query = new Query(checkFilter(name, 'count', filter, true), options);
        return store.read(name).filter((document) => query.test(document)).length;
      }),

    aggregate: (pipeline) =>
      run('aggregate', () => aggregateDocuments(store, name, options, pipeline)),
  };
}

/** Runs one method, turning a query error from mingo into a DbError that names the call. */
function runOperation<T>(collection: string, method: string, operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (error instanceof DbError) throw error;
    if ((error as Error).name === 'StoreFileError') throw error;

    throw dbError(collection, method, (error as Error).message);
  }
}

function findDocuments(
  store: DocumentStore,
  name: string,
  options: Partial<Options>,
  filter: unknown,
  findOptions: unknown,
): PlainObject[] {
  const settings = (findOptions ?? {}) as PlainObject;
  const sort = checkSort(name, settings.sort);
  const skip = checkCount(name, 'skip', settings.skip);
  const limit = checkCount(name, 'limit', settings.limit);
  const projection = checkProjection(name, settings.projection);

  // NOTE: the platform may cap how many documents one find returns when no limit is given;
  // the cap, if any, is not documented, so the local database returns every match.
  let cursor = find(store.read(name), checkFilter(name, 'find', filter, true), projection, options);
  if (sort) cursor = cursor.sort(sort);
  if (skip) cursor = cursor.skip(skip);
  // As in MongoDB, a limit of 0 means no limit.
  if (limit) cursor = cursor.limit(limit);

  return cursor.all() as PlainObject[];
}

function insertDocuments(
  store: DocumentStore,
  name: string,
  method: string,
  documents: unknown[],
): string[] {
  const existing = store.read(name);
  const taken = new Set(existing.map((document) => document._id));

  const added = documents.map((document) => {
    const checked = checkDocument(name, method, document);
    const stored = toStored({ ...checked, _id: checked._id ?? newDocumentId() });

    if (taken.has(stored._id)) {
      throw dbError(
        name,
        method,
        `duplicate _id ${JSON.stringify(stored._id)}; nothing was inserted`,
      );
    }
    taken.add(stored._id);
    return stored;
  });

  store.write(name, [...existing, ...added]);
  return added.map((document) => document._id as string);
}

function updateDocuments(
  store: DocumentStore,
  name: string,
  options: Partial<Options>,
  filter: unknown,
  update: unknown,
): number {
  const condition = checkFilter(name, 'updateMany', filter, false);
  const modifier = checkUpdate(name, update);
  const documents = store.read(name);
  const idsBefore = documents.map((document) => document._id);

  // NOTE: whether the platform's updateMany resolves with the matched or the modified count is
  // not documented; the matched count is returned, so an update that writes the same values
  // still reports the documents it found.
  const { matchedCount, modifiedCount } = updateMany(
    documents,
    condition,
    modifier as never,
    {},
    options,
  );

  const changedId = documents.findIndex((document, index) => document._id !== idsBefore[index]);
  if (changedId !== -1) {
    throw dbError(
      name,
      'updateMany',
      `the update changes _id ${JSON.stringify(idsBefore[changedId])}; ` +
        '_id cannot be modified, nothing was updated',
    );
  }

  if (modifiedCount > 0) store.write(name, documents.map(toStored));
  return matchedCount;
}

function replaceDocument(
  store: DocumentStore,
  name: string,
  options: Partial<Options>,
  filter: unknown,
  replacement: unknown,
): number {
  const query = new Query(checkFilter(name, 'replaceOne', filter, false), options);
  const checked = checkDocument(name, 'replaceOne', replacement);
  const documents = store.read(name);

  const index = documents.findIndex((document) => query.test(document));
  if (index === -1) return 0;

  const id = documents[index]._id;
  if (checked._id !== undefined && checked._id !== id) {
    throw dbError(
      name,
      'replaceOne',
      `the replacement has _id ${JSON.stringify(checked._id)} but the matched document ` +
        `has ${JSON.stringify(id)}; _id cannot be modified`,
    );
  }

  documents[index] = toStored({ ...checked, _id: id });
  store.write(name, documents);
  return 1;
}

function deleteDocuments(
  store: DocumentStore,
  name: string,
  options: Partial<Options>,
  filter: unknown,
): number {
  const query = new Query(checkFilter(name, 'deleteMany', filter, false), options);
  const documents = store.read(name);
  const kept = documents.filter((document) => !query.test(document));

  const deleted = documents.length - kept.length;
  if (deleted > 0) store.write(name, kept);
  return deleted;
}

function aggregateDocuments(
  store: DocumentStore,
  name: string,
  options: Partial<Options>,
  pipeline: unknown,
): PlainObject[] {
  const stages = checkPipeline(name, pipeline);

  const writing = stages.flatMap(Object.keys).find((stage) => WRITING_STAGES.includes(stage));
  if (writing !== undefined) {
    throw dbError(
      name,
      'aggregate',
      `the ${writing} stage is not available in the local cloud; ` +
        'read the results and write them with insertMany',
    );
  }

  return aggregate(store.read(name), stages, options) as PlainObject[];
}

/** Copies a document through JSON, the way both stores keep it. */
function toStored(document: PlainObject): StoredDocument {
  return JSON.parse(JSON.stringify(document)) as StoredDocument;
}
