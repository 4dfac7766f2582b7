// The favorites collection: one document per favorite, owned by the user whose openId it
// stores. Every query here filters on that openId, so a user reads and changes only their own.
import type { Favorite } from '../../contract/api';
import type { CloudCollection, CloudContext } from '../../contract/context';
import { CloudError, ErrorCode } from '../../contract/server';

export const COLLECTION = 'favorites';

/** A favorite as stored: the contract's fields (with `_id` for `id`) and its owner. */
interface StoredFavorite {
  _id: string;
  openId: string;
  title: string;
  note: string;
  createdAt: number;
  updatedAt: number;
}

/** The caller's favorites: the collection with every query scoped to the caller. */
export interface FavoriteStore {
  list(limit: number): Promise<Favorite[]>;
  add(fields: { title: string; note: string }): Promise<Favorite>;
  update(id: string, changes: { title?: string; note?: string }): Promise<boolean>;
  remove(id: string): Promise<boolean>;
}

/** Opens the favorites of the logged-in caller of `context`. */
export function openFavorites(context: CloudContext): FavoriteStore {
  // defineFunction rejects calls without openId for these handlers (login: true); this check
  // keeps the store safe if a handler's contract entry ever changes.
  const openId = context.openId;
  if (!openId) {
    throw new CloudError(ErrorCode.NOT_LOGGED_IN, 'favorites: log in to use your favorites.');
  }

  const collection: CloudCollection = context.cloud.db.collection(COLLECTION);
  const mine = (filter: Record<string, unknown> = {}) => ({ ...filter, openId });

  return {
    async list(limit) {
      const found = await collection.find(mine(), { sort: { createdAt: -1 }, limit });
      return found.map((document) => toFavorite(document as unknown as StoredFavorite));
    },

    async add(fields) {
      const now = Date.now();
      const document = { ...fields, openId, createdAt: now, updatedAt: now };
      const id = await collection.insertOne(document);
      return toFavorite({ ...document, _id: id });
    },

    async update(id, changes) {
      const set = { ...definedOnly(changes), updatedAt: Date.now() };
      return (await collection.updateMany(mine({ _id: id }), { $set: set })) > 0;
    },

    async remove(id) {
      return (await collection.deleteMany(mine({ _id: id }))) > 0;
    },
  };
}

// The owner's openId stays in the database: the result carries only the contract's fields.
function toFavorite(document: StoredFavorite): Favorite {
  return {
    id: String(document._id),
    title: document.title,
    note: document.note,
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
  };
}

function definedOnly(changes: Record<string, string | undefined>): Record<string, string> {
  const defined: Record<string, string> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) defined[key] = value;
  }
  return defined;
}
