// Reads, from a page's or component's compiled JS, the names its template can bind events to:
// the top-level properties of the object passed to Page(), or the `methods` of Component().
import type * as acorn from 'acorn';
import * as walk from 'acorn-walk';

export interface MethodNames {
  kind: 'page' | 'component';
  names: Set<string>;
  /** The reason the list may be incomplete (a spread, a computed key, mixins), if it may be. */
  incomplete?: string;
}

export type MethodsResult = MethodNames | { kind: 'unknown'; reason: string };

/** Finds the Page() or Component() call of a file and lists the names it defines. */
export function readMethods(program: acorn.Program): MethodsResult {
  const call = findRegistration(program);
  if (!call) return { kind: 'unknown', reason: 'no Page({...}) or Component({...}) call found' };

  const callee = (call.callee as acorn.Identifier).name;
  const kind = callee === 'Page' ? 'page' : 'component';
  const options = resolveObject(program, call.arguments[0]);
  if (!options) {
    return {
      kind: 'unknown',
      reason: `the argument of ${callee}() is not an object literal`,
    };
  }

  if (kind === 'page') return { kind, ...namesOf(options) };

  const methods = propertyValue(options, 'methods');
  const mixins = propertyValue(options, 'mixins');
  const listed = methods ? resolveObject(program, methods) : undefined;
  if (methods && !listed) return { kind: 'unknown', reason: '"methods" is not an object literal' };

  const result: MethodNames = { kind, ...(listed ? namesOf(listed) : { names: new Set() }) };
  if (mixins) result.incomplete = 'the component uses mixins';
  else if (hasUnknownKeys(options))
    result.incomplete = 'the component options use a spread or computed key';
  return result;
}

function findRegistration(program: acorn.Program): acorn.CallExpression | undefined {
  let found: acorn.CallExpression | undefined;
  walk.simple(program, {
    CallExpression(node) {
      if (found || node.callee.type !== 'Identifier') return;
      if (node.callee.name === 'Page' || node.callee.name === 'Component') found = node;
    },
  });
  return found;
}

/** Follows an identifier to the object literal it was declared with, if it was. */
function resolveObject(
  program: acorn.Program,
  node: acorn.Node | undefined,
): acorn.ObjectExpression | undefined {
  if (!node) return undefined;
  if (node.type === 'ObjectExpression') return node as acorn.ObjectExpression;
  if (node.type !== 'Identifier') return undefined;

  const name = (node as acorn.Identifier).name;
  let found: acorn.ObjectExpression | undefined;
  walk.simple(program, {
    VariableDeclarator(declarator) {
      if (declarator.id.type !== 'Identifier' || declarator.id.name !== name) return;
      if (declarator.init?.type === 'ObjectExpression') found = declarator.init;
    },
  });
  return found;
}

function namesOf(object: acorn.ObjectExpression): { names: Set<string>; incomplete?: string } {
  const names = new Set<string>();
  let incomplete: string | undefined;
  for (const property of object.properties) {
    const name = property.type === 'Property' ? keyName(property) : undefined;
    if (name === undefined) incomplete = 'the object uses a spread or computed key';
    else names.add(name);
  }
  return incomplete ? { names, incomplete } : { names };
}

function hasUnknownKeys(object: acorn.ObjectExpression): boolean {
  return object.properties.some((property) => {
    return property.type !== 'Property' || keyName(property) === undefined;
  });
}

function propertyValue(object: acorn.ObjectExpression, name: string): acorn.Node | undefined {
  for (const property of object.properties) {
    if (property.type === 'Property' && keyName(property) === name) return property.value;
  }
  return undefined;
}

function keyName(property: acorn.Property): string | undefined {
  const key = property.key;
  if (!property.computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}
