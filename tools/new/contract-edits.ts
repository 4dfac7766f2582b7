// The two edits npm run new makes to contract/api.ts: a new function export, and a new handler
// in the object of an existing one. Each checks its name first and returns the new file text.
import ts from 'typescript';

import {
  CONTRACT_FILE,
  declaredHandlers,
  ensureNameFree,
  handlersList,
  newFunctionAnchor,
  type ContractFile,
} from './contract-file';
import { NewCommandError } from './errors';
import { contractFunctionExport, contractHandlerEntry } from './templates/cloud-function';
import { appendToBraceList, applyTextEdits, insertStatementAfter } from './ts-source';

/** Adds `export const <fn> = { main: handler({...}) }` after the last function export. */
export function addFunctionExport(contract: ContractFile, fn: string, login: boolean): string {
  ensureNameFree(contract, fn);

  const anchor = newFunctionAnchor(contract);
  const statement = contractFunctionExport(fn, login, endsWithSemicolon(anchor));
  return applyTextEdits(contract, [insertStatementAfter(contract, anchor, statement)]);
}

/** Adds `<name>: handler({...})` to the handlers object of the function export `fn`. */
export function addHandlerEntry(
  contract: ContractFile,
  fn: string,
  name: string,
  login: boolean,
): string {
  const handlers = handlersList(contract, fn);
  if (declaredHandlers(handlers).includes(name)) {
    throw new NewCommandError(
      `${CONTRACT_FILE} already declares the handler "${name}" of "${fn}". Choose another name.`,
    );
  }

  const edits = appendToBraceList(contract, handlers, contractHandlerEntry(name, login));
  return applyTextEdits(contract, edits);
}

/** Follows the file's semicolon style, as seen on the statement the new export follows. */
function endsWithSemicolon(anchor: ts.Statement): boolean {
  const endsLikeAStatement =
    ts.isVariableStatement(anchor) ||
    ts.isImportDeclaration(anchor) ||
    ts.isTypeAliasDeclaration(anchor) ||
    ts.isExpressionStatement(anchor);
  return !endsLikeAStatement || anchor.getText().endsWith(';');
}
