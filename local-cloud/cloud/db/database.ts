// The local cloud database: `cloud.db.collection(name)` over a document store.
import type { CloudCollection } from '../../../contract/context';
import { createCollection } from './collection';
import { DbError } from './db-error';
import type { DocumentStore } from './document-store';
import { createFileStore } from './file-store';
import { createMemoryStore } from './memory-store';

// Collection names become file names, so they keep to characters that are safe in any file
// system. NOTE: the platform's own rule for collection names is not documented.
const COLLECTION_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,119}$/;

/** The database object a local cloud hands to functions as `cloud.db`. */
export interface LocalDatabase {
  collection(name: string): CloudCollection;
  /** The store behind the collections, for tests and tools that inspect it. */
  readonly store: DocumentStore;
}

/** Creates a database over a store. */
export function createDatabase(store: DocumentStore): LocalDatabase {
  return {
    store,

    collection(name) {
      if (typeof name !== 'string' || !COLLECTION_NAME.test(name) || name.includes('..')) {
        throw new DbError(
          `db.collection(${JSON.stringify(name)}): invalid collection name; ` +
            'use letters, digits, "_", "-" or "." (at most 120)',
        );
      }
      return createCollection(store, name);
    },
  };
}

/** Creates an empty database in memory, for tests. */
export function createMemoryDatabase(): LocalDatabase {
  return createDatabase(createMemoryStore());
}

/** Creates a database kept as one JSON file per collection in `dir`. */
export function createFileDatabase(dir: string): LocalDatabase {
  return createDatabase(createFileStore(dir));
}
