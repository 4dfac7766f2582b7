// welcome: a public page of the plugin, opened by the host at plugin://<alias>/welcome. It
// lists the user's latest favorites through the same typed client as the components.
import type { Favorite } from '../../../contract/api';
import { invoke, isCloudError } from '../../utils/client';

const SHOWN_FAVORITES = 5;

Page({
  data: {
    loading: true,
    favorites: [] as Favorite[],
    errorMessage: '',
  },

  onLoad() {
    this.loadFavorites();
  },

  async loadFavorites() {
    this.setData({ loading: true, errorMessage: '' });
    try {
      const result = await invoke('favorites', 'list', { limit: SHOWN_FAVORITES });
      this.setData({ loading: false, favorites: result.items });
    } catch (error) {
      const message = isCloudError(error) ? error.message : 'Favorites could not be loaded.';
      this.setData({ loading: false, errorMessage: message });
    }
  },

  onRetry() {
    this.loadFavorites();
  },
});
