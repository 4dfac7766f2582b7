// order-detail: one order of the OMS backend, opened from the orders page with `?id=<order id>`.
import { errorMessage } from '../../utils/http';
import { httpOms, type Order } from '../../utils/oms';

Page({
  data: {
    id: '',
    order: null as Order | null,
    loading: false,
    errorMessage: '',
  },

  onLoad(query: { id?: string }) {
    this.setData({ id: query.id ?? '' });
    this.loadOrder();
  },

  async loadOrder() {
    if (!this.data.id) {
      this.setData({ errorMessage: 'No order id given; open this page from the order list.' });
      return;
    }

    this.setData({ loading: true, errorMessage: '' });
    try {
      const order = await httpOms({ api: '/orders/detail', data: { id: this.data.id } });
      this.setData({ order, loading: false });
    } catch (error) {
      this.setData({ loading: false, errorMessage: errorMessage(error) });
    }
  },

  onRetry() {
    this.loadOrder();
  },
});
