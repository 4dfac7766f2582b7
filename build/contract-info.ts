// What the build reads from the contract itself: which handlers run without a logged-in user.
import { loadContract, type ContractLoad } from '../tools/check/contract';
import { SourceError } from './log';

/**
 * Loads contract/api.ts afresh and lists each function's handlers that need no login, with the
 * loaded contract, which the release check then reuses. Throws SourceError[] naming
 * contract/api.ts when it is missing, fails to load or exports something other than a
 * function's handlers, so a build reports it like any other source error.
 */
export function loadNotNeedLogin(root: string): {
  lists: Record<string, string[]>;
  contract: ContractLoad;
} {
  const contract = loadContract(root);
  if (contract.kind === 'missing') {
    throw [new SourceError(contract.file, 'missing: declare the cloud functions in it')];
  }
  if (contract.kind === 'invalid') {
    throw [new SourceError(contract.file, contract.message, contract.line, contract.column)];
  }

  const lists: Record<string, string[]> = {};
  for (const [fn, handlers] of contract.functions) {
    lists[fn] = [...handlers].filter(([, login]) => !login).map(([name]) => name);
  }
  return { lists, contract };
}
