// Loads the contract module (contract/api.ts by default) and reduces it to what the checks
// need: each cloud function's handler names and whether each handler needs a login.
import Module, { createRequire } from 'node:module';
import path from 'node:path';

import { isObject } from './values';

/** Handler name to `login` flag, for each cloud function. */
export type ContractSummary = Map<string, Map<string, boolean>>;

export type ContractLoad =
  | { kind: 'loaded'; file: string; functions: ContractSummary }
  | { kind: 'missing'; file: string }
  | { kind: 'invalid'; file: string; message: string };

export function loadContract(root: string, relativeFile = 'contract/api.ts'): ContractLoad {
  const file = path.resolve(root, relativeFile);
  const requireFromRoot = createRequire(path.join(root, 'package.json'));
  ensureTypeScriptLoader();
  let resolved: string;
  try {
    resolved = requireFromRoot.resolve(file);
  } catch {
    return { kind: 'missing', file };
  }

  let exported: unknown;
  try {
    forgetModulesUnder(path.dirname(resolved));
    exported = requireFromRoot(resolved);
  } catch (error) {
    return { kind: 'invalid', file, message: `could not be loaded: ${(error as Error).message}` };
  }

  // Each export of the contract module is one cloud function.
  if (!isObject(exported) || Object.keys(exported).length === 0) {
    return {
      kind: 'invalid',
      file,
      message: 'exports no cloud function: export const <function> = { <handler>: handler({...}) }',
    };
  }
  return summarize(file, exported);
}

function summarize(file: string, contract: Record<string, unknown>): ContractLoad {
  const functions: ContractSummary = new Map();
  for (const [fn, handlers] of Object.entries(contract)) {
    const problem = handlersProblem(handlers);
    if (problem) {
      const message =
        `export "${fn}" is not a cloud function (${problem}): every value export must be ` +
        '{ <handler>: handler({...}) }; keep shared schemas and values unexported';
      return { kind: 'invalid', file, message };
    }
    const summary = new Map<string, boolean>();
    for (const [name, spec] of Object.entries(handlers as Record<string, { login: boolean }>)) {
      summary.set(name, spec.login);
    }
    functions.set(fn, summary);
  }
  return { kind: 'loaded', file, functions };
}

/** Describes why `value` is not an object of handler declarations, or returns undefined. */
function handlersProblem(value: unknown): string | undefined {
  if (!isObject(value)) return `it is ${value === null ? 'null' : `a ${typeof value}`}`;
  if ('_zod' in value) return 'it is a zod schema';
  for (const [name, spec] of Object.entries(value)) {
    if (!isObject(spec) || typeof spec.login !== 'boolean') {
      return `"${name}" has no boolean login`;
    }
  }
  return undefined;
}

/** Registers esbuild-register unless a TypeScript loader is already in place (gulp, the CLI). */
function ensureTypeScriptLoader(): void {
  const extensions = (Module as unknown as { _extensions: Record<string, unknown> })._extensions;
  if (extensions['.ts']) return;
  // Resolved from this file, so a project root without node_modules (a test fixture) works too.
  const requireHere = createRequire(path.join(__dirname, 'contract.ts'));
  const { register } = requireHere(
    'esbuild-register/dist/node',
  ) as typeof import('esbuild-register/dist/node');
  register({ target: `node${process.versions.node.split('.')[0]}` });
}

/** Drops cached modules of the contract folder, so a watch build loads the edited contract. */
function forgetModulesUnder(dir: string): void {
  const cache = (Module as unknown as { _cache: Record<string, unknown> })._cache;
  for (const key of Object.keys(cache)) {
    if (key.startsWith(dir + path.sep) && !key.includes(`${path.sep}node_modules${path.sep}`)) {
      delete cache[key];
    }
  }
}
