// Finds the insertion points in server/<fn>/index.ts: the destructuring list of
// `export const { a, b } = defineFunction('<fn>', { a, b })` and the object of handlers.
import fs from 'node:fs';
import path from 'node:path';

import ts from 'typescript';

import { NewCommandError } from './errors';
import {
  parseSource,
  positionOf,
  staticName,
  topLevelNames,
  unreadableItem,
  type BraceList,
  type SourceFile,
} from './ts-source';

/** A cloud function's index.ts, parsed, with its exports list and its handlers object. */
export interface FunctionFile extends SourceFile {
  exportsList: BraceList;
  handlersList: BraceList;
  /** The style of the existing handlers, so a new one looks the same. */
  style: 'method' | 'arrow';
  /** Names already taken: top-level declarations, exported names and handler keys. */
  takenNames: Set<string>;
}

/** Returns the path of a cloud function's source, relative to the project root. */
export function functionSourcePath(fn: string): string {
  return `server/${fn}/index.ts`;
}

/** Lists the cloud functions of the project: the folders of server/ that have an index.ts. */
export function listFunctionSources(root: string): string[] {
  const serverDir = path.join(root, 'server');
  if (!fs.existsSync(serverDir)) return [];
  return fs
    .readdirSync(serverDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .filter((entry) => fs.existsSync(path.join(serverDir, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort();
}

/** Parses server/<fn>/index.ts; a file of another shape rejects the request. */
export function parseFunctionFile(fn: string, text: string): FunctionFile {
  const file = functionSourcePath(fn);
  const parsed = parseSource(file, text);
  const found = findDefineFunction(parsed);
  const unrecognised = (detail: string) => unrecognisedShape(file, fn, detail);
  if (!found) throw unrecognised('no `export const { ... } = defineFunction(...)` statement');

  const { binding, call } = found;
  const [nameArgument, handlers] = call.arguments;
  if (!nameArgument || !ts.isStringLiteralLike(nameArgument)) {
    throw unrecognised(`${positionOf(parsed, call)}: the first argument is not a string literal`);
  }
  if (nameArgument.text !== fn) {
    throw new NewCommandError(
      `${positionOf(parsed, nameArgument)}: defineFunction names "${nameArgument.text}", but ` +
        `the folder is server/${fn}. Make the two match, then run the command again.`,
    );
  }
  if (!handlers || !ts.isObjectLiteralExpression(handlers)) {
    throw unrecognised(
      `${positionOf(parsed, call)}: the second argument is not an object literal of handlers`,
    );
  }

  const exportsList: BraceList = {
    node: binding,
    items: binding.elements,
    hasTrailingComma: binding.elements.hasTrailingComma,
  };
  const handlersList: BraceList = {
    node: handlers,
    items: handlers.properties,
    hasTrailingComma: handlers.properties.hasTrailingComma,
  };
  const unreadable = unreadableItem(parsed, exportsList) ?? unreadableItem(parsed, handlersList);
  if (unreadable) throw unrecognised(`${unreadable}, which hides handler names`);

  return {
    ...parsed,
    exportsList,
    handlersList,
    style: handlers.properties.some(ts.isMethodDeclaration) ? 'method' : 'arrow',
    takenNames: takenNames(parsed.source, binding, handlers),
  };
}

interface DefineFunctionStatement {
  binding: ts.ObjectBindingPattern;
  call: ts.CallExpression;
}

function findDefineFunction(parsed: SourceFile): DefineFunctionStatement | undefined {
  for (const statement of parsed.source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const exported = statement.modifiers?.some(
      (modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword,
    );
    if (!exported) continue;

    for (const declaration of statement.declarationList.declarations) {
      const call = declaration.initializer;
      if (!call || !ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) continue;
      if (call.expression.text !== 'defineFunction') continue;
      if (!ts.isObjectBindingPattern(declaration.name)) {
        throw unrecognisedShape(
          parsed.file,
          '',
          `${positionOf(parsed, declaration)}: the result of defineFunction is not destructured`,
        );
      }
      return { binding: declaration.name, call };
    }
  }
  return undefined;
}

function takenNames(
  source: ts.SourceFile,
  binding: ts.ObjectBindingPattern,
  handlers: ts.ObjectLiteralExpression,
): Set<string> {
  const names = topLevelNames(source);
  for (const element of binding.elements) {
    const key = staticName(element.propertyName ?? element.name);
    if (key) names.add(key);
  }
  for (const property of handlers.properties) {
    const key = staticName(property.name);
    if (key) names.add(key);
  }
  return names;
}

function unrecognisedShape(file: string, fn: string, detail: string): NewCommandError {
  const name = fn || '<function>';
  return new NewCommandError(
    `${file} has a shape npm run new does not recognise (${detail}): expected ` +
      `\`export const { <handler>, ... } = defineFunction('${name}', { <handler>: ... })\`. ` +
      'Add the handler by hand, or bring the file back to that shape.',
  );
}
