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
  | { kind: 'invalid'; file: string; message: string; line?: number; column?: number };

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
    return { kind: 'invalid', file, ...loadFailure(error) };
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

/** Describes a failure to load the contract, with esbuild's position of a syntax error. */
function loadFailure(error: unknown): { message: string; line?: number; column?: number } {
  type Failure = { text: string; location?: { line: number; column: number } };
  const failure = (error as { errors?: Failure[] }).errors?.[0];
  if (!failure) {
    return { message: `failed to load: ${(error as Error).message.replace(/\s+/g, ' ').trim()}` };
  }

  const { line, column } = failure.location ?? {};
  return {
    message: `failed to load: ${failure.text}`,
    line,
    column: column === undefined ? undefined : column + 1,
  };
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
  const cache = (Module as unknown as { _cache: Record<string, NodeJS.Module> })._cache;
  const stale = new Set<NodeJS.Module>();
  for (const key of Object.keys(cache)) {
    if (key.startsWith(dir + path.sep) && !key.includes(`${path.sep}node_modules${path.sep}`)) {
      stale.add(cache[key]);
      delete cache[key];
    }
  }
  // Parents keep their children listed, so without this every reload in a watch build would
  // stay in memory.
  for (const cached of Object.values(cache)) {
    cached.children = cached.children.filter((child) => !stale.has(child));
  }
}
