// `npm run invoke -- <function> [handler] [options]`: runs one handler of a built cloud function
// on this machine through faas-mini-app, with the local cloud, and prints the reply.
import path from 'node:path';
import { format, parseArgs } from 'node:util';

import { ConfigError, loadConfig, parseCloudEnv } from '../build/config';
import { createFileDatabase } from './cloud';
import { locateJsonError } from './json-error';
import { LocalRuntimeError, createLocalRuntime, type RuntimeReply } from './runtime';

/** The caller that `npm run invoke` uses unless --open-id or --anonymous is given. */
export const LOCAL_TEST_USER = { openId: 'local-test-open-id', mixNick: 'local-test-user' };

const USAGE = `Usage: npm run invoke -- <function> [handler] [options]

Runs one handler of a built cloud function (<dist>/server/<function>) on this machine with the
local cloud: its database is kept in JSON files, and httpApi requests go to the local URLs in
local.backends of starter.config.ts. Prints the reply as JSON.

Arguments:
  function            the cloud function, a folder of <dist>/server
  handler             the exported handler to run (default: main)

Options:
  --data JSON         the handler's input, as JSON (default: {})
  --open-id ID        the caller's openId (default: ${LOCAL_TEST_USER.openId})
  --anonymous         call without an openId, as a user who is not logged in
  --env ENV           context.env: test, pre or online (default: cloud.devEnv of starter.config.ts)
  --log               also print the reply's log: the handler's console output and stack traces
  --dist DIR          the build output folder (default: dist)
  --db DIR            the folder of the local database (default: .local-cloud/db)
  -h, --help          print this help

Exit status: 0 when the reply has success true, 1 when it has success false, 2 when the
command is invalid or the function cannot be run.
`;

/** A mistake in the command or the project that stops the run before the handler runs. */
class UsageError extends Error {}

interface CliOptions {
  fn: string;
  handler: string;
  data: unknown;
  openId?: string;
  env: string;
  log: boolean;
  distDir: string;
  dbDir: string;
}

/** Runs the command and returns the exit status. */
export async function runInvokeCli(argv: string[], root = process.cwd()): Promise<number> {
  try {
    const options = parseCommandLine(argv, root);
    if (options === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }

    const reply = await invokeHandler(options, root);
    printReply(reply, options.log);
    return reply.success ? 0 : 1;
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof LocalRuntimeError ||
      error instanceof ConfigError
    ) {
      process.stderr.write(`invoke: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function parseCommandLine(argv: string[], root: string): CliOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        'open-id': { type: 'string' },
        anonymous: { type: 'boolean', default: false },
        env: { type: 'string' },
        log: { type: 'boolean', default: false },
        dist: { type: 'string', default: 'dist' },
        db: { type: 'string', default: path.join('.local-cloud', 'db') },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // Node's own text suggests a `--` escape that does not apply here, so only its first
    // sentence is kept ("Unknown option '--bogus'.").
    const reason = (error as Error).message.split(/(?<=\.) /)[0];
    throw new UsageError(`${reason}\nRun npm run invoke -- --help for the options.`);
  }

  const { values, positionals } = parsed;
  if (values.help) return 'help';

  const [fn, handler = 'main', ...extra] = positionals;
  if (fn === undefined) {
    throw new UsageError('missing the function name.\n\n' + USAGE);
  }
  if (extra.length > 0) {
    throw new UsageError(`unexpected argument "${extra[0]}"; pass the input with --data '{...}'`);
  }
  if (values.anonymous && values['open-id'] !== undefined) {
    throw new UsageError('--open-id and --anonymous exclude each other; pass one of them');
  }

  return {
    fn,
    handler,
    data: parseData(values.data),
    openId: values.anonymous ? undefined : (values['open-id'] ?? LOCAL_TEST_USER.openId),
    env: values.env === undefined ? '' : parseEnv(values.env),
    log: values.log,
    distDir: path.resolve(root, values.dist),
    dbDir: path.resolve(root, values.db),
  };
}

function parseData(text: string | undefined): unknown {
  if (text === undefined) return {};

  try {
    return JSON.parse(text);
  } catch (error) {
    const location = locateJsonError(text);
    if (location === undefined) throw error;

    const line = text.split('\n')[location.line - 1];
    throw new UsageError(
      `--data is not valid JSON at line ${location.line}, column ${location.column} (position ${location.offset}):\n` +
        `  ${line}\n  ${' '.repeat(location.column - 1)}^\n` +
        `Quote the JSON for your shell, for example --data '{"name":"Ada"}'.`,
    );
  }
}

function parseEnv(value: string): string {
  try {
    return parseCloudEnv(value, '--env');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function invokeHandler(options: CliOptions, root: string): Promise<RuntimeReply> {
  const config = loadConfig(root);
  const runtime = createLocalRuntime({
    distDir: options.distDir,
    cloud: { db: createFileDatabase(options.dbDir), backends: config.local.backends },
  });

  const runner = runtime.runner(options.fn);
  const handlers = runner.handlers();
  if (!handlers.includes(options.handler)) {
    throw new UsageError(
      `handler "${options.handler}" not found in cloud function "${options.fn}" ` +
        `(handlers: ${handlers.length > 0 ? handlers.join(', ') : 'none'}); check the name, or rebuild`,
    );
  }

  return runner.invoke(options.handler, options.data, {
    ...(options.openId === undefined
      ? {}
      : { openId: options.openId, mixNick: LOCAL_TEST_USER.mixNick }),
    env: options.env || config.cloud.devEnv,
  });
}

function printReply(reply: RuntimeReply, withLog: boolean): void {
  const { log, advancedLog, ...shown } = reply;
  process.stdout.write(JSON.stringify(shown, null, 2) + '\n');

  if (withLog) {
    process.stdout.write(`\nlog:\n${log.replace(/\r\n/g, '\n')}\n`);
    if (advancedLog)
      process.stdout.write(`\nadvancedLog: ${JSON.stringify(advancedLog, null, 2)}\n`);
  }
}

/** Sends the handler's console output to stderr, so stdout carries only the reply. */
function routeConsoleToStderr(): void {
  // faas-mini-app keeps the console functions it finds when a function is loaded and calls
  // them after recording each line, so this must run before the first load.
  for (const name of ['log', 'info', 'warn', 'error'] as const) {
    console[name] = (...args: unknown[]) => process.stderr.write(format(...args) + '\n');
  }
}

if (require.main === module) {
  routeConsoleToStderr();
  runInvokeCli(process.argv.slice(2)).then(
    (status) => process.exit(status),
    (error: unknown) => {
      process.stderr.write(
        `invoke: unexpected failure: ${(error as Error).stack ?? String(error)}\n`,
      );
      process.exit(2);
    },
  );
}
