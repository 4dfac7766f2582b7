// The orders the mock OMS backend serves: a fixed, generated list, the same on every start.

export interface MockOrder {
  id: string;
  title: string;
  status: 'paid' | 'shipped' | 'done' | 'refunded';
  /** Amount in cents. */
  amount: number;
  /** Creation time in milliseconds since the epoch. */
  createdAt: number;
}

export const MOCK_ORDER_COUNT = 42;

const STATUSES: MockOrder['status'][] = ['paid', 'shipped', 'done', 'refunded'];
const FIRST_CREATED_AT = Date.UTC(2024, 0, 1);
const HOUR_MS = 3_600_000;

/** Builds the mock's orders, newest first. */
export function buildMockOrders(): MockOrder[] {
  const orders: MockOrder[] = [];
  for (let index = 0; index < MOCK_ORDER_COUNT; index += 1) {
    orders.push({
      id: `O${1000 + index}`,
      title: `Sample order ${index + 1}`,
      status: STATUSES[index % STATUSES.length],
      amount: 990 + index * 150,
      createdAt: FIRST_CREATED_AT + index * HOUR_MS,
    });
  }
  return orders.reverse();
}
