// Lets require() load TypeScript files (the configuration and the contract) from any caller:
// gulp registers esbuild-register itself, a test runner or a plain node process may not.

let registered = false;

/** Registers esbuild-register for .ts files unless something already handles them. */
export function requireTypeScript<T>(file: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (!registered && !require.extensions['.ts']) require('esbuild-register/dist/node').register();
  registered = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as T;
}
