// The cloud the plugin calls functions with. A plugin has no getApp(), so the host hands its
// cloud over through the plugin's exports (setCloud in index.ts). Until it does, the plugin
// uses a cloud of its own: a function's `context` then also carries the plugin's
// sourceAppKey and sourceMiniAppId.
import { Cloud } from '@tbmp/mp-cloud-sdk';

import type { CloudLike } from '../../contract/client';

let hostCloud: CloudLike | undefined;
let ownCloud: Cloud | undefined;

/** Uses `cloud` (the host's, already initialized) for every later call. */
export function useHostCloud(cloud: CloudLike): void {
  hostCloud = cloud;
}

/** Returns the host's cloud if it handed one over, else the plugin's own, created once. */
export function pluginCloud(): CloudLike {
  if (hostCloud) return hostCloud;

  if (!ownCloud) {
    ownCloud = new Cloud();
    // init never rejects in @tbmp/mp-cloud-sdk 1.5.10; it resolves false and logs on failure.
    void ownCloud.init({ env: __CLOUD_ENV__ });
  }
  return ownCloud;
}
