// The error every local database method rejects with. It has a `name`, so when a handler lets
// it escape, faas-mini-app reports its `code` as the reply's errorCode.

/** A rejected database call, naming the collection and the method. */
export class DbError extends Error {
  override name = 'DbError';
  code = 'DB_ERROR';
}

/** Builds the `db.collection('orders').find` prefix of a message. */
export function describeCall(collection: string, method: string): string {
  return `db.collection('${collection}').${method}`;
}

/** Creates a DbError whose message starts with the call, such as `db.collection('orders').find`. */
export function dbError(collection: string, method: string, reason: string): DbError {
  return new DbError(`${describeCall(collection, method)}: ${reason}`);
}
