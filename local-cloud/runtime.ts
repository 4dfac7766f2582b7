// Runs compiled cloud functions on this machine through faas-mini-app, the runtime wrapper the
// Taobao Developer Tools use, with the local cloud injected as `context.cloud`.
//
// faas-mini-app replaces console.log, console.warn and console.error on its first call, for
// good: they still print, and they also record into the `log` field of the current reply. A
// command-line tool should write its own output with process.stdout.write.
import path from 'node:path';

import { createCloudSDK, type CloudSDK, type LocalCloudOptions } from './cloud';
import { LocalRuntimeError, functionDir, listFunctions } from './function-folder';

export { LocalRuntimeError, listFunctions } from './function-folder';

/** The reply faas-mini-app builds for every call, successful or not. */
export interface RuntimeReply {
  success: boolean;
  /** 0 on success; the error's `code` (-1 login required, -2 an error without a name). */
  errorCode: unknown;
  errorMessage: string;
  /** The handler's return value; '' on failure. */
  result: unknown;
  /** Up to 4 KB of the call's console output and the error's stack trace. */
  log: string;
  advancedLog?: unknown;
  sdkVersion?: string;
  ts: number;
}

/** The caller's identity as the gateway puts it on the event. faas-mini-app copies it onto `context`. */
export interface InvokeOptions {
  /** The logged-in user; without it, only handlers in notNeedLogin run. */
  openId?: string;
  mixNick?: string;
  userNick?: string;
  appKey?: string;
  miniappId?: string;
  /** Set when a plugin makes the call. */
  sourceAppKey?: string;
  sourceMiniAppId?: string;
  /** The cloud environment: 'test', 'pre' or 'online'. */
  env?: string;
}

export interface FunctionRunnerOptions {
  /** The build output folder; the function is read from `<distDir>/server/<fn>`. */
  distDir: string;
  fn: string;
  /** Options for a new local cloud, or a `cloudSDK` function to share one between functions. */
  cloud?: LocalCloudOptions | CloudSDK;
  /** Prints faas-mini-app's own `[core]` messages. */
  debug?: boolean;
}

/** One compiled cloud function, loaded once and kept until `reload`. */
export interface FunctionRunner {
  readonly fn: string;
  readonly dir: string;
  /** Lists the handlers: the functions that index.js exports. */
  handlers(): string[];
  /** Runs a handler the way the gateway does and resolves with faas-mini-app's reply. */
  invoke(handler: string, data: unknown, options?: InvokeOptions): Promise<RuntimeReply>;
  /** Forgets the loaded code, so the next call reads the function folder again. */
  reload(): void;
}

interface FaasRuntime {
  initializer(context: unknown, callback: (error?: Error) => void): void;
  handler(
    event: Buffer,
    context: { requestId: string },
    callback: (error: Error | null, reply: RuntimeReply) => void,
  ): void;
}

let requestCount = 0;

/** Creates a runner for `<distDir>/server/<fn>`; nothing is loaded before the first call. */
export function createFunctionRunner(options: FunctionRunnerOptions): FunctionRunner {
  const dir = functionDir(options.distDir, options.fn);
  const cloudSDK =
    typeof options.cloud === 'function' ? options.cloud : createCloudSDK(options.cloud);
  let loaded: Promise<FaasRuntime> | undefined;

  const load = () => {
    if (loaded) return loaded;

    const starting = startRuntime(dir, cloudSDK, options.debug ?? false);
    // A failed load is not kept, so fixing the code and calling again works without reload().
    starting.catch(() => {
      if (loaded === starting) loaded = undefined;
    });
    loaded = starting;
    return starting;
  };

  return {
    fn: options.fn,
    dir,

    handlers() {
      const exported = requireIndex(dir);
      return Object.keys(exported).filter((name) => typeof exported[name] === 'function');
    },

    async invoke(handler, data, invokeOptions = {}) {
      const runtime = await load();
      return callHandler(runtime, options.fn, handler, data, invokeOptions);
    },

    reload() {
      forgetModules(dir);
      loaded = undefined;
    },
  };
}

/** Runs functions from one build folder, one cached runner per function, all over one cloud. */
export interface LocalRuntime {
  invoke(
    fn: string,
    handler: string,
    data: unknown,
    options?: InvokeOptions,
  ): Promise<RuntimeReply>;
  runner(fn: string): FunctionRunner;
  /** Lists the compiled functions of the build folder. */
  functions(): string[];
  /** Reloads one function, or every loaded function when none is named. */
  reload(fn?: string): void;
}

/** Creates a runtime for every function in `<distDir>/server`, sharing one local cloud. */
export function createLocalRuntime(options: {
  distDir: string;
  cloud?: LocalCloudOptions | CloudSDK;
  debug?: boolean;
}): LocalRuntime {
  const cloudSDK =
    typeof options.cloud === 'function' ? options.cloud : createCloudSDK(options.cloud);
  const runners = new Map<string, FunctionRunner>();

  const runner = (fn: string) => {
    let found = runners.get(fn);
    if (!found) {
      found = createFunctionRunner({
        distDir: options.distDir,
        fn,
        cloud: cloudSDK,
        debug: options.debug,
      });
      runners.set(fn, found);
    }
    return found;
  };

  return {
    runner,
    invoke: async (fn, handler, data, invokeOptions) =>
      runner(fn).invoke(handler, data, invokeOptions),
    functions: () => listFunctions(options.distDir),

    reload(fn) {
      const chosen = fn === undefined ? [...runners.values()] : [runners.get(fn)];
      for (const loadedRunner of chosen) loadedRunner?.reload();
    },
  };
}

/** Loads a function folder into faas-mini-app and runs its initializer. */
async function startRuntime(dir: string, cloudSDK: CloudSDK, debug: boolean): Promise<FaasRuntime> {
  // faas-mini-app loads index.js itself but only prints a load error and goes on with no
  // handlers; loading it here first turns that into an error that names the file.
  requireIndex(dir);

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const faas = require('faas-mini-app') as { handler(options: unknown): FaasRuntime };
  const runtime = faas.handler({ baseDir: dir, debug, cloudSDK });

  await new Promise<void>((resolve, reject) => {
    runtime.initializer({}, (error) => (error ? reject(error) : resolve()));
  });
  return runtime;
}

function callHandler(
  runtime: FaasRuntime,
  fn: string,
  handler: string,
  data: unknown,
  options: InvokeOptions,
): Promise<RuntimeReply> {
  requestCount += 1;
  const requestId = `local-${process.pid}-${requestCount}`;
  const event = {
    ...definedFields(options),
    handler,
    data,
    fcName: fn,
    requestId,
    timestamp: Date.now(),
  };

  let body: string;
  try {
    body = JSON.stringify(event);
  } catch (error) {
    // A value nested thousands of levels deep overflows the stack in JSON.stringify.
    throw new LocalRuntimeError(
      'INVALID_REQUEST',
      `the data for ${fn}.${handler} cannot be sent as JSON (${(error as Error).message}); ` +
        'send less deeply nested data',
    );
  }

  return new Promise((resolve, reject) => {
    runtime.handler(Buffer.from(body), { requestId }, (error, reply) =>
      error ? reject(error) : resolve(reply),
    );
  });
}

function requireIndex(dir: string): Record<string, unknown> {
  const file = path.join(dir, 'index.js');
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file) as Record<string, unknown>;
  } catch (error) {
    throw new LocalRuntimeError(
      'FUNCTION_LOAD_FAILED',
      `${file}: could not be loaded: ${(error as Error).message}; fix the function and build again`,
    );
  }
}

/** Drops every module loaded from the function folder from node's require cache. */
function forgetModules(dir: string): void {
  const prefix = dir + path.sep;
  for (const file of Object.keys(require.cache)) {
    if (file.startsWith(prefix)) delete require.cache[file];
  }
}

function definedFields(options: InvokeOptions): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) fields[key] = value;
  }
  return fields;
}
