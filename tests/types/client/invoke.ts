// Compile-time checks of the typed client as a host page uses it. Each `@ts-expect-error` line
// must fail to compile; the lines without one must compile.
import cloud from '@tbmp/mp-cloud-sdk';

import { createClient } from '../../../contract/client';

const client = createClient(() => cloud);

export async function callsThatCompile(): Promise<void> {
  const hello = await client.invoke('hello', 'main', { name: 'Ada' });
  const greeting: string = hello.greeting;

  const empty = await client.invoke('hello', 'main', {});
  const env: string = empty.env;

  const list = await client.invoke('favorites', 'list', {}, { needLoading: false });
  const firstTitle: string | undefined = list.items[0]?.title;

  const added = await client.invoke('favorites', 'add', { title: 'Tea' });
  const createdAt: number = added.createdAt;

  const oms: unknown = await client.invoke('omsBase', 'omsHttp', { api: '/orders/list' });

  use(greeting, env, firstTitle, createdAt, oms);
}

export async function wrongNames(): Promise<void> {
  // @ts-expect-error: there is no cloud function "helo".
  await client.invoke('helo', 'main', {});

  // @ts-expect-error: "hello" has no handler "list".
  await client.invoke('hello', 'list', {});

  // @ts-expect-error: "favorites" has no handler "main".
  await client.invoke('favorites', 'main', {});
}

export async function wrongInput(): Promise<void> {
  // @ts-expect-error: "nmae" is not a field of hello.main's input.
  await client.invoke('hello', 'main', { nmae: 'Ada' });

  // @ts-expect-error: name is a string.
  await client.invoke('hello', 'main', { name: 42 });

  // @ts-expect-error: favorites.add needs a title.
  await client.invoke('favorites', 'add', { note: 'no title' });

  // @ts-expect-error: the method is GET or POST.
  await client.invoke('omsBase', 'omsHttp', { api: '/orders/list', method: 'PUT' });

  // @ts-expect-error: the input is required, even when every field is optional.
  await client.invoke('hello', 'main');
}

export async function wrongResultUse(): Promise<void> {
  const hello = await client.invoke('hello', 'main', {});
  // @ts-expect-error: the result has "greeting", not "greting".
  use(hello.greting);

  const removed = await client.invoke('favorites', 'remove', { id: 'f1' });
  // @ts-expect-error: "removed" is a boolean.
  const count: number = removed.removed;

  const oms = await client.invoke('omsBase', 'omsHttp', { api: '/orders/list' });
  // @ts-expect-error: an unknown result must be narrowed before use.
  use(oms.orders);

  use(count);
}

function use(...values: unknown[]): void {
  if (values.length < 0) throw new Error('unreachable');
}
