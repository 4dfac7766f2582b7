// Compile-time checks of `http`, the object-shaped call of the usual `http()` wrapper.
import cloud from '@tbmp/mp-cloud-sdk';

import { createClient } from '../../../contract/client';

const client = createClient(() => cloud);

export async function requestsThatCompile(): Promise<void> {
  const hello = await client.http({ invokeName: 'hello', parameter: { name: 'Ada' } });
  const greeting: string = hello.greeting;

  await client.http({
    invokeName: 'favorites',
    handler: 'add',
    parameter: { title: 'Tea', note: 'green' },
    loadingText: '保存中...',
    callback: (favorite) => {
      const id: string = favorite.id;
      use(id);
    },
  });

  await client.http({
    invokeName: 'favorites',
    handler: 'list',
    parameter: {},
    needLoading: false,
  });

  use(greeting);
}

export async function wrongRequests(): Promise<void> {
  // @ts-expect-error: there is no cloud function "favourites".
  await client.http({ invokeName: 'favourites', handler: 'list', parameter: {} });

  // @ts-expect-error: "favorites" has no handler "delete".
  await client.http({ invokeName: 'favorites', handler: 'delete', parameter: { id: 'f1' } });

  // @ts-expect-error: "favorites" has no "main" handler, so the handler must be named.
  await client.http({ invokeName: 'favorites', parameter: { id: 'f1' } });

  await client.http({
    invokeName: 'favorites',
    handler: 'remove',
    // @ts-expect-error: favorites.remove's input has no "title".
    parameter: { id: 'f1', title: 'x' },
  });

  await client.http({
    invokeName: 'favorites',
    handler: 'update',
    parameter: { id: 'f1' },
    callback: (result) => {
      // @ts-expect-error: update's result has "updated", not "removed".
      use(result.removed);
    },
  });
}

function use(...values: unknown[]): void {
  if (values.length < 0) throw new Error('unreachable');
}
