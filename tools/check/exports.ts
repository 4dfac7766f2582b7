// Lists the handlers a cloud function's index.js exports, without running it in the checker.
// The static reading covers CommonJS as esbuild and tsc emit it. When it can't decide, the
// file is loaded in a child Node process, which prints the names of its exported functions.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import type * as acorn from 'acorn';
import * as walk from 'acorn-walk';

export type ExportsResult = { names: Set<string> } | { unknown: string };

/** Reads exports statically, falling back to a child process. */
export function readExports(
  program: acorn.Program | undefined,
  file: string,
  root: string,
): ExportsResult {
  const statically = program ? readStaticExports(program) : undefined;
  if (statically && 'names' in statically) return statically;
  return readExportsInChild(file, root);
}

/** Finds `exports.x =`, `module.exports = {...}` and esbuild's `__export(target, {...})`. */
export function readStaticExports(program: acorn.Program): ExportsResult {
  const reader = new StaticExports(program);
  for (const statement of program.body) {
    if (statement.type === 'ExpressionStatement') reader.readExpression(statement.expression);
  }
  reader.names.delete('__esModule');

  if (reader.unknown) return { unknown: reader.unknown };
  if (reader.names.size === 0) return { unknown: 'no exports found' };
  return { names: reader.names };
}

class StaticExports {
  readonly names = new Set<string>();
  unknown?: string;

  constructor(private readonly program: acorn.Program) {}

  readExpression(expression: acorn.Expression): void {
    if (expression.type === 'SequenceExpression') {
      expression.expressions.forEach((item) => this.readExpression(item));
    } else if (expression.type === 'LogicalExpression') {
      // esbuild's annotation for Node's CommonJS lexer: 0 && (module.exports = { a, b });
      this.readExpression(expression.right);
    } else if (expression.type === 'AssignmentExpression') {
      this.readAssignment(expression);
    } else if (expression.type === 'CallExpression') {
      this.readDefineProperty(expression);
    }
  }

  private readAssignment(assignment: acorn.AssignmentExpression): void {
    const target = assignment.left;
    // tsc starts with a chain such as `exports.b = exports.a = void 0;`.
    if (assignment.right.type === 'AssignmentExpression') this.readAssignment(assignment.right);
    if (target.type !== 'MemberExpression') return;

    if (isModuleExports(target)) {
      this.readModuleExports(assignment.right);
      return;
    }
    if (isExportsObject(target.object)) {
      const name = memberName(target);
      if (name) this.names.add(name);
      else this.unknown = 'an export has a computed name';
    }
  }

  private readModuleExports(value: acorn.Expression): void {
    if (value.type === 'ObjectExpression') {
      for (const property of value.properties) {
        const name = property.type === 'Property' ? propertyName(property) : undefined;
        if (name) this.names.add(name);
        else this.unknown = 'module.exports uses a spread or computed key';
      }
      return;
    }
    const exportTarget = toCommonJsArgument(value);
    if (exportTarget) {
      this.readEsbuildExports(exportTarget);
      return;
    }
    this.unknown = 'module.exports is assigned a value the checker cannot read';
  }

  private readEsbuildExports(targetName: string): void {
    walk.simple(this.program, {
      CallExpression: (call) => {
        const [target, all] = call.arguments;
        if (call.callee.type !== 'Identifier' || call.callee.name !== '__export') return;
        if (target?.type !== 'Identifier' || target.name !== targetName) return;
        if (all?.type !== 'ObjectExpression') return;
        for (const property of all.properties) {
          const name = property.type === 'Property' ? propertyName(property) : undefined;
          if (name) this.names.add(name);
        }
      },
    });
  }

  private readDefineProperty(call: acorn.CallExpression): void {
    const callee = call.callee;
    if (callee.type !== 'MemberExpression' || memberName(callee) !== 'defineProperty') return;
    const [target, key] = call.arguments;
    if (!target || !isExportsObject(target)) return;
    if (key?.type === 'Literal' && typeof key.value === 'string') this.names.add(key.value);
    else this.unknown = 'Object.defineProperty(exports, ...) has a computed name';
  }
}

/** True for `exports` and `module.exports`. */
function isExportsObject(node: acorn.Node): boolean {
  if (node.type === 'Identifier') return (node as acorn.Identifier).name === 'exports';
  return node.type === 'MemberExpression' && isModuleExports(node as acorn.MemberExpression);
}

function isModuleExports(node: acorn.MemberExpression): boolean {
  return (
    node.object.type === 'Identifier' &&
    node.object.name === 'module' &&
    memberName(node) === 'exports'
  );
}

function memberName(node: acorn.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.property.type === 'Literal' && typeof node.property.value === 'string')
    return node.property.value;
  return undefined;
}

function propertyName(property: acorn.Property): string | undefined {
  if (!property.computed && property.key.type === 'Identifier') return property.key.name;
  if (property.key.type === 'Literal' && typeof property.key.value === 'string')
    return property.key.value;
  return undefined;
}

/** Returns `x` for esbuild's `__toCommonJS(x)`. */
function toCommonJsArgument(value: acorn.Expression): string | undefined {
  if (value.type !== 'CallExpression' || value.callee.type !== 'Identifier') return undefined;
  if (value.callee.name !== '__toCommonJS') return undefined;
  const argument = value.arguments[0];
  return argument?.type === 'Identifier' ? argument.name : undefined;
}

// Runs in the child: loads the module and prints the names of its function exports last.
const CHILD_SCRIPT = `
const loaded = require(process.argv[1]);
const names = Object.keys(loaded).filter((key) => typeof loaded[key] === 'function');
process.stdout.write('\\n' + JSON.stringify(names) + '\\n');
`;

/**
 * Loads the file in a child process. Its dependencies are installed in the cloud, not in
 * dist/, so the project's own node_modules is put on NODE_PATH.
 */
export function readExportsInChild(file: string, root: string): ExportsResult {
  const nodePath = [path.join(root, 'node_modules'), process.env.NODE_PATH].filter(Boolean);
  const child = spawnSync(process.execPath, ['-e', CHILD_SCRIPT, file], {
    cwd: path.dirname(file),
    env: { ...process.env, NODE_PATH: nodePath.join(path.delimiter) },
    encoding: 'utf8',
    timeout: 20_000,
  });

  if (child.status !== 0) {
    const reason =
      child.error?.message ?? firstErrorLine(child.stderr) ?? `exit code ${child.status}`;
    return { unknown: `loading it in a child process failed: ${reason}` };
  }
  const lastLine = child.stdout.trim().split('\n').at(-1) ?? '[]';
  try {
    return { names: new Set(JSON.parse(lastLine) as string[]) };
  } catch {
    return { unknown: 'the child process printed no export list' };
  }
}

function firstErrorLine(stderr: string): string | undefined {
  return stderr
    .split('\n')
    .find((line) => /^[A-Za-z]*Error\b/.test(line))
    ?.trim();
}
