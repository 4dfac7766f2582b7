// The OMS backend's APIs as the host calls them through omsBase.omsHttp: for each API path, the
// data it takes and the `data` of its reply. omsHttp forwards only the paths listed in
// starter.config.ts (backend.paths), so add a path there as well as here.

/** One order of the OMS backend. */
export type Order = {
  id: string;
  title: string;
  status: 'paid' | 'shipped' | 'done' | 'refunded';
  /** Amount in cents. */
  amount: number;
  /** Creation time in milliseconds since the epoch. */
  createdAt: number;
};

/** One page of orders. */
export type OrderPage = {
  items: Order[];
  total: number;
  pageNo: number;
  pageSize: number;
};

export type OmsApis = {
  '/orders/list': {
    data: { pageNo?: number; pageSize?: number; status?: Order['status'] };
    result: OrderPage;
  };
  '/orders/detail': {
    data: { id: string };
    result: Order;
  };
};

export type OmsApi = keyof OmsApis;
