// Cuts contract/api.ts down to what one cloud function needs at run time: its own export and the
// top-level declarations that export uses. Without this, every function's output would carry
// every other function's schemas (about 0.8 MB with its map per function in a 500-function app).
import type ts from 'typescript';

import { typescript } from '../typescript';

/** A top-level statement of the contract, with the names it declares and the names it uses. */
interface Statement {
  /** The source text from the end of the previous statement to the end of this one. */
  text: string;
  /** The same span with the statement itself blanked out: its comments and line breaks only. */
  blank: string;
  /** Names the statement declares at the top level; empty for imports and other statements. */
  declares: string[];
  /** Identifiers anywhere inside the statement. */
  uses: Set<string>;
  /** The export name when the statement is `export const <name> = ...`. */
  functionExport?: string;
}

interface ParsedContract {
  text: string;
  statements: Statement[];
  /** The text after the last statement. */
  tail: string;
}

let lastParsed: ParsedContract | undefined;

/**
 * Returns the contract source with every statement that function `fn` does not need replaced by
 * blank lines, so line numbers and source maps stay right. Returns the whole text when `fn` is not
 * an export of the contract, because then the function's needs are unknown.
 */
export function sliceContract(fileName: string, text: string, fn: string): string {
  const parsed = parseContract(fileName, text);
  const own = parsed.statements.find((statement) => statement.functionExport === fn);
  if (!own) return text;

  const kept = keptStatements(parsed.statements, own);
  const pieces = parsed.statements.map((statement) =>
    kept.has(statement) ? statement.text : statement.blank,
  );
  return pieces.join('') + parsed.tail;
}

/**
 * Keeps the function's own export, every statement that declares nothing (imports, calls), and,
 * repeatedly, every declaration that a kept statement names. Other function exports are dropped
 * unless a kept statement names them.
 */
function keptStatements(statements: Statement[], own: Statement): Set<Statement> {
  const kept = new Set<Statement>([own]);
  for (const statement of statements) {
    if (statement.declares.length === 0) kept.add(statement);
  }

  const byName = new Map<string, Statement>();
  for (const statement of statements) {
    for (const name of statement.declares) byName.set(name, statement);
  }

  const pending = [...kept];
  while (pending.length > 0) {
    const statement = pending.pop() as Statement;
    for (const name of statement.uses) {
      const declaration = byName.get(name);
      if (!declaration || kept.has(declaration)) continue;
      kept.add(declaration);
      pending.push(declaration);
    }
  }
  return kept;
}

/** Parses the contract once per distinct text; a build slices the same text for every function. */
function parseContract(fileName: string, text: string): ParsedContract {
  if (lastParsed?.text === text) return lastParsed;

  const source = typescript().createSourceFile(
    fileName,
    text,
    typescript().ScriptTarget.Latest,
    true,
  );
  let position = 0;
  const statements = source.statements.map((node) => {
    const start = node.getStart();
    const end = node.getEnd();
    const before = text.slice(position, start);
    const own = text.slice(start, end);
    position = end;
    return { ...describe(node), text: before + own, blank: before + own.replace(/[^\n]/g, '') };
  });
  lastParsed = { text, statements, tail: text.slice(position) };
  return lastParsed;
}

function describe(node: ts.Statement): Pick<Statement, 'declares' | 'uses' | 'functionExport'> {
  const uses = new Set<string>();
  const visit = (child: ts.Node): void => {
    if (typescript().isIdentifier(child)) uses.add(child.text);
    typescript().forEachChild(child, visit);
  };
  visit(node);

  const declares = declaredNames(node);
  const exported = typescript().canHaveModifiers(node)
    ? typescript()
        .getModifiers(node)
        ?.some((modifier) => modifier.kind === typescript().SyntaxKind.ExportKeyword)
    : false;
  const functionExport =
    exported && typescript().isVariableStatement(node) && declares.length === 1
      ? declares[0]
      : undefined;
  return { declares, uses, functionExport };
}

/** Names a top-level statement declares; imports count as declaring nothing, so they stay. */
function declaredNames(node: ts.Statement): string[] {
  if (typescript().isVariableStatement(node)) {
    return node.declarationList.declarations.flatMap((declaration) =>
      bindingNames(declaration.name),
    );
  }
  if (
    (typescript().isFunctionDeclaration(node) ||
      typescript().isClassDeclaration(node) ||
      typescript().isEnumDeclaration(node) ||
      typescript().isInterfaceDeclaration(node) ||
      typescript().isTypeAliasDeclaration(node)) &&
    node.name
  ) {
    return [node.name.text];
  }
  return [];
}

function bindingNames(name: ts.BindingName): string[] {
  if (typescript().isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) =>
    typescript().isOmittedExpression(element) ? [] : bindingNames(element.name),
  );
}

/** A value import of another function's contract export, which a sliced contract lacks. */
export interface ForeignImport {
  name: string;
  line: number;
  column: number;
}

/**
 * Lists the imports and re-exports in `source` that take, from the contract at run time,
 * something a sliced contract lacks: an export of a function other than `fn`, or the whole
 * module unless `allowWhole`. Type-only imports are fine, because esbuild removes them.
 */
export function foreignContractImports(
  fileName: string,
  source: string,
  contractFile: string,
  contractText: string,
  fn: string,
  resolve: (specifier: string) => string | undefined,
  allowWhole = false,
): ForeignImport[] {
  const compiler = typescript();
  const functionExports = new Set(
    parseContract(contractFile, contractText).statements.flatMap((statement) =>
      statement.functionExport ? [statement.functionExport] : [],
    ),
  );
  const file = compiler.createSourceFile(fileName, source, compiler.ScriptTarget.Latest, true);
  const found: ForeignImport[] = [];
  const report = (name: string, node: ts.Node): void => {
    const position = file.getLineAndCharacterOfPosition(node.getStart());
    found.push({ name, line: position.line + 1, column: position.character + 1 });
  };
  const reportNamed = (elements: readonly (ts.ImportSpecifier | ts.ExportSpecifier)[]): void => {
    for (const element of elements) {
      const name = (element.propertyName ?? element.name).text;
      if (!element.isTypeOnly && name !== fn && functionExports.has(name)) report(name, element);
    }
  };
  const fromContract = (specifier: ts.Expression | undefined): boolean =>
    specifier !== undefined &&
    compiler.isStringLiteral(specifier) &&
    resolve(specifier.text) === contractFile;

  const visitDynamic = (node: ts.Node): void => {
    const isImportCall =
      compiler.isCallExpression(node) && node.expression.kind === compiler.SyntaxKind.ImportKeyword;
    if (isImportCall && fromContract(node.arguments[0]) && !allowWhole) report('*', node);
    compiler.forEachChild(node, visitDynamic);
  };
  visitDynamic(file);

  for (const statement of file.statements) {
    if (compiler.isImportDeclaration(statement) && fromContract(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      if (!clause || clause.isTypeOnly) continue;
      if (clause.name && !allowWhole) report('default', clause.name);
      const bindings = clause.namedBindings;
      if (bindings && compiler.isNamespaceImport(bindings) && !allowWhole) report('*', bindings);
      if (bindings && compiler.isNamedImports(bindings)) reportNamed(bindings.elements);
    }
    if (compiler.isExportDeclaration(statement) && fromContract(statement.moduleSpecifier)) {
      if (statement.isTypeOnly) continue;
      const clause = statement.exportClause;
      if (clause && compiler.isNamedExports(clause)) reportNamed(clause.elements);
      else if (!allowWhole) report('*', statement);
    }
  }
  return found;
}
