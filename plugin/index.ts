// The plugin's `main` file (plugin.json): what requirePlugin('<alias>') returns to the host.
import type { CloudLike } from '../contract/client';
import { useHostCloud } from './utils/cloud';

/**
 * Hands the plugin the host's cloud. Call it once the host's cloud is initialized; until then,
 * or without it, the plugin calls functions through a cloud of its own.
 */
export function setCloud(cloud: CloudLike): void {
  if (!cloud || !cloud.function || typeof cloud.function.invoke !== 'function') {
    throw new TypeError(
      'setCloud: expected the cloud SDK object (with function.invoke); pass getApp().cloud.',
    );
  }
  useHostCloud(cloud);
}
