// orders: the user's orders from the OMS backend, reached through the omsBase cloud function,
// one page of PAGE_SIZE at a time. It shows a loading text, an empty state, and an error with
// a retry; tapping an order opens its detail page.
import { errorMessage } from '../../utils/http';
import { httpOms, type Order } from '../../utils/oms';

const PAGE_SIZE = 10;

Page({
  data: {
    orders: [] as Order[],
    total: 0,
    /** The last page loaded; 0 before the first. */
    pageNo: 0,
    loading: false,
    errorMessage: '',
  },

  onLoad() {
    this.loadPage(1);
  },

  onReachBottom() {
    this.onLoadMore();
  },

  async loadPage(pageNo: number) {
    this.setData({ loading: true, errorMessage: '' });
    try {
      const page = await httpOms({
        api: '/orders/list',
        data: { pageNo, pageSize: PAGE_SIZE },
        loadingText: 'Loading orders...',
      });
      const orders = pageNo === 1 ? page.items : [...this.data.orders, ...page.items];
      this.setData({ orders, total: page.total, pageNo, loading: false });
    } catch (error) {
      this.setData({ loading: false, errorMessage: errorMessage(error) });
    }
  },

  onLoadMore() {
    const hasMore = this.data.orders.length < this.data.total;
    if (hasMore && !this.data.loading) this.loadPage(this.data.pageNo + 1);
  },

  /** Loads the page that failed again: the first page, or the next one after those shown. */
  onRetry() {
    this.loadPage(this.data.pageNo + 1);
  },

  onTapOrder(event: { currentTarget: { dataset: { id?: string } } }) {
    const id = event.currentTarget.dataset.id;
    if (id) my.navigateTo({ url: `/pages/order-detail/index?id=${encodeURIComponent(id)}` });
  },
});
