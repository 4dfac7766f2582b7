// Finds compiled cloud functions in a build output folder: `<distDir>/server/<fn>/index.js`.
import fs from 'node:fs';
import path from 'node:path';

export type LocalRuntimeErrorCode =
  'BUILD_MISSING' | 'FUNCTION_NOT_FOUND' | 'FUNCTION_LOAD_FAILED' | 'INVALID_REQUEST';

/**
 * A function that cannot be run: no build, no such function, an index.js that throws on load,
 * or request data that cannot be sent.
 */
export class LocalRuntimeError extends Error {
  override name = 'LocalRuntimeError';
  code: LocalRuntimeErrorCode;

  constructor(code: LocalRuntimeErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Returns the folder holding the compiled functions, or throws when there is no build. */
export function serverDir(distDir: string): string {
  const dir = path.resolve(distDir, 'server');
  if (fs.existsSync(dir)) return dir;

  throw new LocalRuntimeError(
    'BUILD_MISSING',
    `${dir} not found: there is no build of the cloud functions; run npm run build:test (or npm run dev) first`,
  );
}

/** Lists the compiled functions: the folders of `<distDir>/server` that have an index.js. */
export function listFunctions(distDir: string): string[] {
  const dir = serverDir(distDir);

  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'index.js')))
    .map((entry) => entry.name)
    .sort();
}

/** Returns the folder of one compiled function, or throws naming the functions that exist. */
export function functionDir(distDir: string, fn: string): string {
  const known = listFunctions(distDir);
  if (known.includes(fn)) return path.join(serverDir(distDir), fn);

  const listed = known.length > 0 ? known.join(', ') : 'none';
  throw new LocalRuntimeError(
    'FUNCTION_NOT_FOUND',
    `cloud function "${fn}" not found in ${serverDir(distDir)} (functions: ${listed}); ` +
      'check the name, or run npm run build:test if you added it',
  );
}
