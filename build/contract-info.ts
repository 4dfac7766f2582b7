// What the build reads from the contract itself: which handlers run without a logged-in user.
import path from 'node:path';

import { notNeedLogin, type ContractSpec } from '../contract/define';

/** Loads contract/api.ts afresh and lists each function's handlers that need no login. */
export function loadNotNeedLogin(root: string): Record<string, string[]> {
  const contractDir = path.join(root, 'contract') + path.sep;
  for (const cached of Object.keys(require.cache)) {
    if (cached.startsWith(contractDir)) delete require.cache[cached];
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const api = require(path.join(contractDir, 'api.ts')) as { contract: ContractSpec };
  return notNeedLogin(api.contract);
}
