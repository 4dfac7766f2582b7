// Finds the insertion points in contract/api.ts: the object literal passed to defineContract,
// and in it the object literal of one cloud function's handlers.
import ts from 'typescript';

import { NewCommandError } from './errors';
import {
  parseSource,
  positionOf,
  staticName,
  unreadableItem,
  type BraceList,
  type SourceFile,
} from './ts-source';

export const CONTRACT_FILE = 'contract/api.ts';

const EXPECTED_SHAPE =
  'expected `export const contract = defineContract({ <function>: { <handler>: handler({...}) } })` ' +
  "with `handler` imported from './define' and `z` from 'zod'";

/** contract/api.ts, parsed, with the object literal passed to defineContract. */
export interface ContractFile extends SourceFile {
  functions: ts.ObjectLiteralExpression;
}

/** Parses contract/api.ts and finds its defineContract object; other shapes are rejected. */
export function parseContractFile(text: string): ContractFile {
  const parsed = parseSource(CONTRACT_FILE, text);
  const calls = findCalls(parsed.source, 'defineContract');
  if (calls.length !== 1) {
    const found = calls.length === 0 ? 'no defineContract call' : `${calls.length} calls`;
    throw unrecognised(`found ${found}`);
  }

  const argument = calls[0].arguments[0];
  if (!argument || !ts.isObjectLiteralExpression(argument)) {
    throw unrecognised(
      `${positionOf(parsed, calls[0])}: defineContract is not given an object literal`,
    );
  }
  const unreadable = unreadableItem(parsed, listOf(argument));
  if (unreadable) throw unrecognised(`${unreadable} in defineContract, which hides names`);
  for (const imported of ['handler', 'z']) {
    if (!importsName(parsed.source, imported))
      throw unrecognised(`\`${imported}\` is not imported`);
  }
  return { ...parsed, functions: argument };
}

/** Lists the names of the cloud functions declared in the defineContract object. */
export function declaredFunctions(contract: ContractFile): string[] {
  return contract.functions.properties
    .map((property) => staticName(property.name))
    .filter((name): name is string => name !== undefined);
}

/** The functions object as a list to append a new function to. */
export function functionsList(contract: ContractFile): BraceList {
  return listOf(contract.functions);
}

/**
 * The handlers object of function `fn` as a list to append to. Rejects the request when the
 * function is missing or its entry is not written as an object literal in place.
 */
export function handlersList(contract: ContractFile, fn: string): BraceList {
  const entry = contract.functions.properties.find((property) => staticName(property.name) === fn);
  if (!entry) {
    throw new NewCommandError(
      `${CONTRACT_FILE} declares no cloud function "${fn}". ` +
        `Create it with npm run new -- function ${fn}.`,
    );
  }
  if (!ts.isPropertyAssignment(entry) || !ts.isObjectLiteralExpression(entry.initializer)) {
    throw unrecognised(
      `${positionOf(contract, entry)}: "${fn}" is not written as \`${fn}: { ... }\``,
    );
  }

  const list = listOf(entry.initializer);
  const unreadable = unreadableItem(contract, list);
  if (unreadable) throw unrecognised(`${unreadable} in the handlers of "${fn}", which hides names`);
  return list;
}

function listOf(node: ts.ObjectLiteralExpression): BraceList {
  return { node, items: node.properties, hasTrailingComma: node.properties.hasTrailingComma };
}

/** The handler names declared in place for a function's handlers object. */
export function declaredHandlers(list: BraceList): string[] {
  return list.items
    .map((item) => staticName((item as ts.ObjectLiteralElementLike).name))
    .filter((name): name is string => name !== undefined);
}

function unrecognised(detail: string): NewCommandError {
  return new NewCommandError(
    `${CONTRACT_FILE} has a shape npm run new does not recognise (${detail}): ${EXPECTED_SHAPE}. ` +
      'Add the entry by hand, or bring the file back to that shape.',
  );
}

function findCalls(source: ts.SourceFile, callee: string): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      if (node.expression.text === callee) calls.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return calls;
}

function importsName(source: ts.SourceFile, name: string): boolean {
  return source.statements.some((statement) => {
    if (!ts.isImportDeclaration(statement)) return false;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) return false;
    return bindings.elements.some((element) => element.name.text === name);
  });
}
