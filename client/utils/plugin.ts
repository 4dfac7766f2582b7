// The host's side of the plugin: the exports its `main` file offers to requirePlugin(), and
// loading it as a dynamic plugin with my.loadPlugin.
import type { CloudLike } from '../../contract/client';

/**
 * The exports of plugin/index.ts, as the host uses them. The host cannot import plugin code
 * (each program is uploaded on its own), so this interface repeats the part it calls.
 */
export interface StarterPluginExports {
  /** Hands the plugin the host's cloud, so its components call functions as the host. */
  setCloud(cloud: CloudLike): void;
}

/** Returns the static plugin's exports, declared in app.json `plugins`. */
export function requireStarterPlugin(): StarterPluginExports {
  return requirePlugin<StarterPluginExports>(__PLUGIN_ALIAS__);
}

/**
 * Loads the plugin as a dynamic plugin, any version; rejects with the platform's message.
 * NOTE: no public document shows `<component is="dynamic-plugin://...">` rendering a dynamic
 * plugin's component, nor whether that plugin shares module state with the static one. If it
 * does not, its components call functions through the plugin's own cloud, not the host's.
 */
export function loadDynamicPlugin(): Promise<void> {
  return new Promise((resolve, reject) => {
    my.loadPlugin({
      plugin: `${__PLUGIN_ID__}@*`,
      success: () => resolve(),
      fail: (error) => reject(new Error(describeLoadFailure(error))),
    });
  });
}

function describeLoadFailure(error: { error?: number; errorMessage?: string } | undefined): string {
  const code = error?.error === undefined ? '' : ` (code ${error.error})`;
  return `${error?.errorMessage || 'the plugin could not be loaded'}${code}`;
}
