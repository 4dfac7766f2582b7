// A store that keeps each collection as JSON text in memory, for tests. Keeping the text, not
// the objects, gives every read a fresh copy, so it behaves exactly like the file store.
import type { DocumentStore, StoredDocument } from './document-store';

/** Creates an empty in-memory store. */
export function createMemoryStore(): DocumentStore {
  const collections = new Map<string, string>();

  return {
    location: 'memory',

    read(collection) {
      const text = collections.get(collection);
      return text === undefined ? [] : (JSON.parse(text) as StoredDocument[]);
    },

    write(collection, documents) {
      collections.set(collection, JSON.stringify(documents));
    },

    list() {
      return [...collections.keys()].sort();
    },
  };
}
