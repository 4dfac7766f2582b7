// Reads contract/api.ts, where each exported value is one cloud function, and finds the
// insertion points: the place for a new `export const <fn> = { ... }`, and the object literal of
// one function's handlers.
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
  'expected one `export const <function> = { <handler>: handler({...}) };` per cloud function, ' +
  "with `handler` imported from './define' and `z` from 'zod'. Shared schemas stay unexported, " +
  'and any other export declares a type';

/** A value the contract exports, which by the contract's rule is one cloud function. */
export interface ExportedValue {
  name: string;
  /** The statement that declares it, after which a new function export goes. */
  statement: ts.Statement;
  /** The node to point at in messages. */
  node: ts.Node;
  /** The handlers object, when the value is written as `export const <name> = { ... }`. */
  handlers?: ts.ObjectLiteralExpression;
}

/** A value name declared at the top level without `export`: an import, a const, a function. */
export interface LocalName {
  name: string;
  node: ts.Node;
  imported: boolean;
}

/** contract/api.ts, parsed, with its exported values and its other top-level value names. */
export interface ContractFile extends SourceFile {
  exported: ExportedValue[];
  locals: LocalName[];
}

/**
 * Parses contract/api.ts and lists its exported and its other top-level values. Rejects a file
 * without the imports of `handler` and `z`, and export forms that hide names.
 */
export function parseContractFile(text: string): ContractFile {
  const parsed = parseSource(CONTRACT_FILE, text);
  for (const imported of ['handler', 'z']) {
    if (!importsName(parsed.source, imported)) {
      throw unrecognised(`\`${imported}\` is not imported`);
    }
  }

  const exported: ExportedValue[] = [];
  const locals: LocalName[] = [];
  for (const statement of parsed.source.statements) {
    if (isTypeOnly(statement)) continue;
    if (ts.isImportDeclaration(statement)) {
      locals.push(...importedNames(statement));
      continue;
    }

    const names = declaredValues(parsed, statement);
    if (hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
      exported.push(...names.map((value) => ({ ...value, statement })));
    } else {
      locals.push(...names.map(({ name, node }) => ({ name, node, imported: false })));
    }
  }
  return { ...parsed, exported, locals };
}

/** Lists the names of the cloud functions: every value the contract exports. */
export function declaredFunctions(contract: ContractFile): string[] {
  return contract.exported.map((value) => value.name);
}

/**
 * Rejects a new function export named like a value the contract already exports or declares at
 * its top level, naming that declaration.
 */
export function ensureNameFree(contract: ContractFile, name: string): void {
  const exported = contract.exported.find((value) => value.name === name);
  if (exported?.handlers) {
    throw new NewCommandError(
      `${CONTRACT_FILE} already declares the cloud function "${name}". Choose another name, or ` +
        `add a handler to it with npm run new -- handler ${name} <handler>.`,
    );
  }
  if (exported) {
    throw new NewCommandError(
      `${CONTRACT_FILE} already exports "${name}" (${positionOf(contract, exported.node)}), ` +
        'a value that is not an object of handlers. Choose another name.',
    );
  }

  const local = contract.locals.find((value) => value.name === name);
  if (local) {
    const verb = local.imported ? 'imports' : 'declares';
    throw new NewCommandError(
      `${CONTRACT_FILE} already ${verb} "${name}" (${positionOf(contract, local.node)}), so an ` +
        'export of that name would clash with it. Choose another name, or rename that ' +
        'declaration.',
    );
  }
}

/**
 * The statement after which a new function export goes: the last exported value, or else the
 * last statement that is not a type export, so the type exports that close the file stay last.
 */
export function newFunctionAnchor(contract: ContractFile): ts.Statement {
  const lastExport = contract.exported.at(-1);
  if (lastExport) return lastExport.statement;

  // The file has at least its imports of `handler` and `z`, which are not type exports.
  const statements = contract.source.statements.filter((statement) => !isTypeExport(statement));
  return statements[statements.length - 1];
}

/**
 * The handlers object of function `fn` as a list to append to. Rejects the request when the
 * function is missing, its export is not an object literal written in place, or a spread or a
 * computed name hides a handler name.
 */
export function handlersList(contract: ContractFile, fn: string): BraceList {
  const value = contract.exported.find((exported) => exported.name === fn);
  if (!value) {
    throw new NewCommandError(
      `${CONTRACT_FILE} declares no cloud function "${fn}" (no \`export const ${fn}\`). ` +
        `Create it with npm run new -- function ${fn}.`,
    );
  }
  if (!value.handlers) {
    throw unrecognised(
      `${positionOf(contract, value.node)}: the export "${fn}" is not written as ` +
        `\`export const ${fn} = { ... }\``,
    );
  }

  const list = listOf(value.handlers);
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

/**
 * Lists the value names a top-level statement declares. Rejects the export forms whose names
 * or values npm run new cannot read in place: `export default`, `export { ... }`,
 * `export * from`, `export let`, `export var` and destructured exports.
 */
function declaredValues(
  parsed: SourceFile,
  statement: ts.Statement,
): Array<Omit<ExportedValue, 'statement'>> {
  const where = positionOf(parsed, statement);
  if (ts.isExportAssignment(statement) || hasModifier(statement, ts.SyntaxKind.DefaultKeyword)) {
    throw unrecognised(`${where}: an \`export default\`, which has no function name`);
  }
  if (ts.isExportDeclaration(statement)) {
    throw unrecognised(
      `${where}: an \`export { ... }\` or \`export * from\` statement, which exports values ` +
        'apart from their declarations',
    );
  }

  if (ts.isVariableStatement(statement)) return variableValues(parsed, statement);
  if (
    (ts.isFunctionDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isEnumDeclaration(statement)) &&
    statement.name
  ) {
    return [{ name: statement.name.text, node: statement.name }];
  }
  if (hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
    throw unrecognised(`${where}: an export form that npm run new does not read`);
  }
  return [];
}

function variableValues(
  parsed: SourceFile,
  statement: ts.VariableStatement,
): Array<Omit<ExportedValue, 'statement'>> {
  const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
  const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
  if (exported && !isConst) {
    const keyword = statement.declarationList.flags & ts.NodeFlags.Let ? 'let' : 'var';
    throw unrecognised(
      `${positionOf(parsed, statement)}: \`export ${keyword}\`, where \`export const\` is expected`,
    );
  }

  const values: Array<Omit<ExportedValue, 'statement'>> = [];
  for (const declaration of statement.declarationList.declarations) {
    if (!ts.isIdentifier(declaration.name)) {
      if (exported) {
        throw unrecognised(
          `${positionOf(parsed, declaration)}: a destructured export, which hides names`,
        );
      }
      values.push(...bindingNames(declaration.name));
      continue;
    }

    const initializer = declaration.initializer && unwrapExpression(declaration.initializer);
    const handlers =
      initializer && ts.isObjectLiteralExpression(initializer) ? initializer : undefined;
    values.push({ name: declaration.name.text, node: declaration.name, handlers });
  }
  return values;
}

/** Looks through `( ... )`, `as` and `satisfies`, which keep the object literal in place. */
function unwrapExpression(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

function bindingNames(name: ts.BindingName): Array<{ name: string; node: ts.Node }> {
  if (ts.isIdentifier(name)) return [{ name: name.text, node: name }];
  return name.elements.flatMap((element) =>
    ts.isBindingElement(element) ? bindingNames(element.name) : [],
  );
}

function importedNames(statement: ts.ImportDeclaration): LocalName[] {
  const clause = statement.importClause;
  if (!clause || clause.isTypeOnly) return [];

  const names: LocalName[] = [];
  if (clause.name) names.push({ name: clause.name.text, node: clause.name, imported: true });
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) {
    names.push({ name: bindings.name.text, node: bindings.name, imported: true });
  }
  if (bindings && ts.isNamedImports(bindings)) {
    for (const element of bindings.elements) {
      if (!element.isTypeOnly) {
        names.push({ name: element.name.text, node: element.name, imported: true });
      }
    }
  }
  return names;
}

/** True for statements that declare types only: type aliases, interfaces, `export type { ... }`. */
function isTypeOnly(statement: ts.Statement): boolean {
  if (ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) return true;
  if (ts.isExportDeclaration(statement))
    return statement.isTypeOnly || onlyTypeSpecifiers(statement);
  return false;
}

function onlyTypeSpecifiers(statement: ts.ExportDeclaration): boolean {
  const clause = statement.exportClause;
  if (!clause || !ts.isNamedExports(clause) || clause.elements.length === 0) return false;
  return clause.elements.every((element) => element.isTypeOnly);
}

function isTypeExport(statement: ts.Statement): boolean {
  if (ts.isExportDeclaration(statement)) return isTypeOnly(statement);
  return isTypeOnly(statement) && hasModifier(statement, ts.SyntaxKind.ExportKeyword);
}

function hasModifier(statement: ts.Statement, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(statement)
    ? (ts.getModifiers(statement)?.some((modifier) => modifier.kind === kind) ?? false)
    : false;
}

function importsName(source: ts.SourceFile, name: string): boolean {
  return source.statements.some(
    (statement) =>
      ts.isImportDeclaration(statement) &&
      importedNames(statement).some((imported) => imported.name === name),
  );
}
