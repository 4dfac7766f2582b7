// TypeScript, loaded on first use: the build's main thread needs it only once it slices the
// contract, so the type check worker can start before the 9 MB module is loaded.
import type ts from 'typescript';

let loaded: typeof ts | undefined;

/** Returns the TypeScript module, loading it on the first call. */
export function typescript(): typeof ts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('typescript') as typeof ts;
  return loaded;
}
