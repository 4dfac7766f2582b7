// What the build reads from the contract itself: which handlers run without a logged-in user.
import path from 'node:path';

import { SourceError } from './log';
import { requireTypeScript } from './require-ts';

/**
 * Loads contract/api.ts afresh and lists each function's handlers that need no login. Throws
 * SourceError[] naming contract/api.ts when it fails to load or an export is not a function's
 * handlers, so a build reports it like any other source error.
 */
export function loadNotNeedLogin(root: string): Record<string, string[]> {
  const contractDir = path.join(root, 'contract') + path.sep;
  const file = path.join(contractDir, 'api.ts');
  forgetModulesUnder(contractDir);

  let exported: Record<string, unknown>;
  try {
    exported = requireTypeScript<Record<string, unknown>>(file);
  } catch (error) {
    throw [loadError(file, error)];
  }

  const lists: Record<string, string[]> = {};
  const errors: SourceError[] = [];
  for (const [fn, handlers] of Object.entries(exported)) {
    const problem = handlersProblem(handlers);
    if (problem) {
      errors.push(
        new SourceError(
          file,
          `export "${fn}" is not a cloud function (${problem}). Every value export of this file ` +
            'must be { <handler>: handler({...}) }; keep shared schemas and values unexported.',
        ),
      );
      continue;
    }
    lists[fn] = Object.entries(handlers as Record<string, { login: boolean }>)
      .filter(([, spec]) => !spec.login)
      .map(([name]) => name);
  }
  if (errors.length > 0) throw errors;
  return lists;
}

/** Describes a failure to load the contract, with esbuild's position of a syntax error. */
function loadError(file: string, error: unknown): SourceError {
  const failure = (
    error as { errors?: { text: string; location?: { line: number; column: number } }[] }
  ).errors?.[0];
  if (failure) {
    const { line, column } = failure.location ?? {};
    return new SourceError(
      file,
      `failed to load: ${failure.text}`,
      line,
      column === undefined ? undefined : column + 1,
    );
  }
  const reason = (error as Error).message.replace(/\s+/g, ' ').trim();
  return new SourceError(file, `failed to load: ${reason}`);
}

/** Describes why `value` is not an object of handler declarations, or returns undefined. */
function handlersProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) {
    return `it is ${value === null ? 'null' : `a ${typeof value}`}`;
  }
  if ('_zod' in value) return 'it is a zod schema';
  for (const [name, spec] of Object.entries(value)) {
    const login = (spec as { login?: unknown } | null)?.login;
    if (typeof login !== 'boolean') return `"${name}" has no boolean login`;
  }
  return undefined;
}

/** Drops the cached modules of the contract folder, so the edited contract is loaded. */
function forgetModulesUnder(dir: string): void {
  const stale = Object.keys(require.cache).filter((id) => id.startsWith(dir));
  const staleModules = new Set(stale.map((id) => require.cache[id]));
  for (const id of stale) delete require.cache[id];
  // Parents keep their children listed, so without this every reload would stay in memory.
  for (const cached of Object.values(require.cache)) {
    if (cached) cached.children = cached.children.filter((child) => !staleModules.has(child));
  }
}
