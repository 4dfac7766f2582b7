// What the build reads from the contract itself: which handlers run without a logged-in user.
import path from 'node:path';

import { notNeedLogin, type ContractSpec } from '../contract/define';
import { requireTypeScript } from './require-ts';

/** Loads contract/api.ts afresh and lists each function's handlers that need no login. */
export function loadNotNeedLogin(root: string): Record<string, string[]> {
  const contractDir = path.join(root, 'contract') + path.sep;
  for (const cached of Object.keys(require.cache)) {
    if (cached.startsWith(contractDir)) delete require.cache[cached];
  }
  const api = requireTypeScript<{ contract: ContractSpec }>(path.join(contractDir, 'api.ts'));
  return notNeedLogin(api.contract);
}
