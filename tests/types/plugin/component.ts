// Compile-time checks of the typed client inside a plugin, which has no getApp(): it makes its
// own Cloud or uses the one the host passes in a prop.
import { Cloud } from '@tbmp/mp-cloud-sdk';

import { createClient, isCloudError } from '../../../contract/client';
import type { CloudLike, LoadingIndicator } from '../../../contract/client';

const ownCloud = new Cloud();
void ownCloud.init({ env: __CLOUD_ENV__ });
const pluginClient = createClient(() => ownCloud);

const silentLoading: LoadingIndicator = { show: () => undefined, hide: () => undefined };

export function clientFromHost(hostCloud: CloudLike) {
  return createClient(() => hostCloud, { loading: silentLoading });
}

export async function callsThatCompile(): Promise<void> {
  const page = await pluginClient.invoke('favorites', 'list', { limit: 10 });
  const ids: string[] = page.items.map((item) => item.id);

  try {
    await clientFromHost(ownCloud).http({ invokeName: 'hello', parameter: {} });
  } catch (error) {
    if (isCloudError(error)) {
      const code: string = error.code;
      const field: string | undefined = error.field;
      use(code, field);
    }
  }

  use(ids);
}

export async function wrongCalls(): Promise<void> {
  // @ts-expect-error: the limit is a number.
  await pluginClient.invoke('favorites', 'list', { limit: '10' });

  // @ts-expect-error: items hold favorites, which have no "price".
  use((await pluginClient.invoke('favorites', 'list', {})).items[0].price);

  // @ts-expect-error: a cloud needs function.invoke.
  createClient(() => ({ invoke: async () => undefined }));
}

function use(...values: unknown[]): void {
  if (values.length < 0) throw new Error('unreachable');
}
