// Creates an initialized instance of the real client cloud SDK (@tbmp/mp-cloud-sdk 1.5.10).
import type { CloudLike } from '../../../contract/client';

interface SdkCloud extends CloudLike {
  init(options: { env: 'test' | 'pre' | 'online' }): Promise<boolean>;
}

export async function createSdkCloud(): Promise<SdkCloud> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('@tbmp/mp-cloud-sdk') as { Cloud: new () => SdkCloud };
  const cloud = new sdk.Cloud();

  const initialized = await cloud.init({ env: 'test' });
  if (!initialized) throw new Error('The cloud SDK failed to initialize: see its console output.');
  return cloud;
}
