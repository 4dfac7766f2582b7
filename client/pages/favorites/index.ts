// favorites: the user's favorites in the cloud database, through the favorites cloud function
// (list, add, update, remove). Each handler needs a logged-in user and sees only their data.
import type { Favorite } from '../../../contract/api';
import { errorMessage, invoke } from '../../utils/http';

const LIST_LIMIT = 50;

type RowEvent = { currentTarget: { dataset: { id?: string } } };

Page({
  data: {
    items: [] as Favorite[],
    loaded: false,
    draftTitle: '',
    /** The favorite being renamed, or '' when the form adds a new one. */
    editingId: '',
    errorMessage: '',
  },

  onLoad() {
    this.run(async () => undefined);
  },

  /** Runs one change, then reloads the list; a failure shows its message on the page. */
  async run(change: () => Promise<unknown>) {
    this.setData({ errorMessage: '' });
    try {
      await change();
      const { items } = await invoke('favorites', 'list', { limit: LIST_LIMIT });
      this.setData({ items, loaded: true });
    } catch (error) {
      this.setData({ loaded: true, errorMessage: errorMessage(error) });
    }
  },

  onInputTitle(event: { detail: { value: string } }) {
    this.setData({ draftTitle: event.detail.value });
  },

  onSubmit() {
    const { draftTitle: title, editingId: id } = this.data;
    this.setData({ draftTitle: '', editingId: '' });
    this.run(() =>
      id ? invoke('favorites', 'update', { id, title }) : invoke('favorites', 'add', { title }),
    );
  },

  onEdit(event: RowEvent) {
    const item = this.data.items.find((favorite) => favorite.id === event.currentTarget.dataset.id);
    if (item) this.setData({ editingId: item.id, draftTitle: item.title });
  },

  onRemove(event: RowEvent) {
    const id = event.currentTarget.dataset.id;
    if (id) this.run(() => invoke('favorites', 'remove', { id }));
  },
});
