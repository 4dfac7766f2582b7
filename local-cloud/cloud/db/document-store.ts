// The storage of the local database's documents. A store reads and writes whole collections;
// the collection code does every query in memory on the copy it read.

/** One stored document: a JSON object with a string or number `_id`. */
export type StoredDocument = Record<string, unknown> & { _id: string | number };

/** Storage for the collections of one local database. */
export interface DocumentStore {
  /** A description for messages, such as the folder of a file store. */
  readonly location: string;
  /** Reads a fresh copy of a collection's documents; an unknown collection is empty. */
  read(collection: string): StoredDocument[];
  /** Replaces a collection's documents. */
  write(collection: string, documents: StoredDocument[]): void;
  /** Lists the collections that hold documents or were written. */
  list(): string[];
}
