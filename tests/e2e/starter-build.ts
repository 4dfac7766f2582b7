// A built temporary copy of the starter (npm run build:test) and a host runtime over its
// dist/client, wired to the compiled cloud functions through the bridge.
import fs from 'node:fs';
import path from 'node:path';

import { type BridgeOptions, createSendMtop } from '../../local-cloud/bridge';
import { createHost, type MiniHost } from '../../local-cloud/mini-runtime';
import type { LocalRuntime } from '../../local-cloud/runtime';
import type { ProjectCopy } from '../helpers/project-copy';
import { buildStarter } from '../helpers/starter-build';

export interface StarterBuild {
  project: ProjectCopy;
  /** The build output folder of the copy. */
  dist: string;
  appJson: { pages: string[]; plugins?: Record<string, unknown> };
  pluginJson: { publicComponents?: Record<string, string>; publicPages?: Record<string, string> };
  /** The plugin alias of app.json, as requirePlugin() and plugin:// URLs use it. */
  pluginAlias: string;
}

/**
 * Builds a copy of the starter (see tests/helpers/starter-build.ts) with `extraFiles` added and
 * `extraPages` listed in app.json, and reads the manifests the host runtime needs.
 */
export async function buildStarterApp(
  extraFiles: Record<string, string> = {},
  extraPages: string[] = [],
): Promise<StarterBuild> {
  const { project, dist } = await buildStarter((copy) => {
    for (const [file, content] of Object.entries(extraFiles)) copy.write(file, content);
    if (extraPages.length === 0) return;
    const sourceAppJson = JSON.parse(copy.read('client/app.json'));
    sourceAppJson.pages.push(...extraPages);
    copy.write('client/app.json', JSON.stringify(sourceAppJson, null, 2));
  });

  const appJson = readJson(path.join(dist, 'client/app.json'));
  const pluginJson = readJson(path.join(dist, 'plugin/plugin.json'));
  const pluginAlias = Object.keys(appJson.plugins ?? {})[0];
  return { project, dist, appJson, pluginJson, pluginAlias };
}

export type BridgeSettings = Partial<Omit<BridgeOptions, 'invoke'>>;

/** The UI and plugin APIs the starter's pages call; each succeeds with no result. */
export const starterUiApis = ['showLoading', 'hideLoading', 'showToast', 'navigateTo'];

/**
 * Launches the built host over `runtime` as a logged-in user (unless `settings.user` is null),
 * with the starter's UI APIs and a loadPlugin that succeeds stubbed.
 */
export function launchStarter(
  build: StarterBuild,
  runtime: LocalRuntime,
  settings: BridgeSettings = {},
): MiniHost {
  const plugins = { [build.pluginAlias]: `${build.dist}/plugin` };
  const host = createHost({ root: `${build.dist}/client`, plugins });

  const user = { openId: 'e2e-open-id', mixNick: 'e2e-mix' };
  const sendMtop = createSendMtop({ invoke: runtime.invoke, user, env: 'test', ...settings });
  host.my.stubCloudSdk(sendMtop).stubAll([...starterUiApis, 'loadPlugin']);
  host.launch();
  return host;
}

function readJson(file: string) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
