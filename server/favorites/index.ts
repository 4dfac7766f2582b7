// The favorites cloud function: each logged-in user's list of favorites in the cloud database.
// Every handler needs a login (contract/api.ts) and works on the caller's documents only.
import { CloudError, defineFunction, ErrorCode } from '../../contract/server';
import { openFavorites } from './store';

export const { list, add, update, remove } = defineFunction('favorites', {
  async list(input, context) {
    return { items: await openFavorites(context).list(input.limit) };
  },

  async add(input, context) {
    return openFavorites(context).add({ title: input.title, note: input.note });
  },

  async update(input, context) {
    if (input.title === undefined && input.note === undefined) {
      throw new CloudError(
        ErrorCode.INVALID_INPUT,
        'input: nothing to update; give a new title, a new note, or both.',
      );
    }

    const updated = await openFavorites(context).update(input.id, {
      title: input.title,
      note: input.note,
    });
    return { updated };
  },

  async remove(input, context) {
    return { removed: await openFavorites(context).remove(input.id) };
  },
});
