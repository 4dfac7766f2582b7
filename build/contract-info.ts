// What the build reads from the contract itself: which handlers run without a logged-in user.
import path from 'node:path';

import { notNeedLogin, type ContractSpec } from '../contract/define';
import { requireTypeScript } from './require-ts';

/** Loads contract/api.ts afresh and lists each function's handlers that need no login. */
export function loadNotNeedLogin(root: string): Record<string, string[]> {
  const contractDir = path.join(root, 'contract') + path.sep;
  const stale = Object.keys(require.cache).filter((id) => id.startsWith(contractDir));
  const staleModules = new Set(stale.map((id) => require.cache[id]));
  for (const id of stale) delete require.cache[id];
  // Parents keep their children listed, so without this every reload would stay in memory.
  for (const cached of Object.values(require.cache)) {
    if (cached) cached.children = cached.children.filter((child) => !staleModules.has(child));
  }
  // Each export of contract/api.ts is one cloud function.
  return notNeedLogin(requireTypeScript<ContractSpec>(path.join(contractDir, 'api.ts')));
}
