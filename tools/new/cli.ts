// `npm run new -- <command> <name> [options]`: adds a page, a component, a plugin page or
// component, a cloud function or a handler, and registers it where the project lists it.
import { parseArgs } from 'node:util';

import { applyChanges, type Plan } from './changes';
import { COMMANDS, type Command } from './commands';
import { NewCommandError } from './errors';

const OPTIONS_HELP = `Options:
  --public            plugin-component, plugin-page: list it in plugin.json "publicComponents"
                      or "publicPages", so the host can use it
  --login             function, handler: the handler needs a logged-in user (the default)
  --no-login          function, handler: the handler runs without a logged-in user
  -h, --help          print this help`;

/** Builds the help text: every command with its arguments, then the options. */
export function usage(): string {
  const rows = COMMANDS.map((command) => {
    const head = [command.name, ...command.args, ...optionHints(command)].join(' ');
    return `  ${head}\n      ${command.description}`;
  });
  return [
    'Usage: npm run new -- <command> <name> [options]',
    '',
    'Creates the files of a new part of the project and registers it. Names use letters,',
    'digits, "-" and "_", start with a letter and have at most 64 characters. Function and',
    'handler names become JavaScript exports, so they take no "-". Existing files are never',
    'overwritten, and when any check fails, nothing is written.',
    '',
    'Commands:',
    ...rows,
    '',
    OPTIONS_HELP,
    '',
    'Exit status: 0 when the files were written, 1 when the command was rejected.',
    '',
  ].join('\n');
}

function optionHints(command: Command): string[] {
  return command.options.map((option) =>
    option === '--login' ? '[--login|--no-login]' : '[--public]',
  );
}

/** Output channels of `runNew`: the report and help go to `out`, a rejection to `error`. */
export interface Output {
  out(text: string): void;
  error(text: string): void;
}

/** Runs the command line `argv` in the project at `root`; returns the exit status. */
export function runNew(argv: string[], root: string, output: Output): number {
  try {
    const parsed = parseCommandLine(argv);
    if (parsed === 'help') {
      output.out(usage());
      return 0;
    }

    const plan = parsed.command.run({ root, ...parsed });
    applyChanges(root, plan.changes);
    output.out(report(plan));
    return 0;
  } catch (error) {
    if (!(error instanceof NewCommandError)) throw error;
    output.error(`error: ${error.message}\nNothing was written.\n`);
    return 1;
  }
}

interface ParsedCommandLine {
  command: Command;
  args: string[];
  isPublic: boolean;
  login: boolean;
}

function parseCommandLine(argv: string[]): ParsedCommandLine | 'help' {
  let values: { public?: boolean; login?: boolean; 'no-login'?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        public: { type: 'boolean' },
        login: { type: 'boolean' },
        'no-login': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new NewCommandError(`${(error as Error).message}. Run npm run new -- --help for usage.`);
  }
  if (values.help || positionals.length === 0) return 'help';

  const [commandName, ...args] = positionals;
  const command = COMMANDS.find((candidate) => candidate.name === commandName);
  if (!command) {
    const names = COMMANDS.map((candidate) => candidate.name).join(', ');
    throw new NewCommandError(`Unknown command "${commandName}": use one of ${names}.`);
  }
  checkArgumentCount(command, args);
  checkOptions(command, values);
  return { command, args, isPublic: values.public ?? false, login: !values['no-login'] };
}

function checkArgumentCount(command: Command, args: string[]): void {
  if (args.length === command.args.length) return;

  const expected = `npm run new -- ${command.name} ${command.args.join(' ')}`;
  if (args.length < command.args.length) {
    const missing = command.args.slice(args.length).join(' ');
    throw new NewCommandError(`Missing ${missing}: expected ${expected}.`);
  }
  const extra = args.slice(command.args.length).join(' ');
  throw new NewCommandError(`Unexpected argument "${extra}": expected ${expected}.`);
}

function checkOptions(
  command: Command,
  values: { public?: boolean; login?: boolean; 'no-login'?: boolean },
): void {
  const takes = (option: '--public' | '--login') => command.options.includes(option);
  if (values.public && !takes('--public')) {
    throw new NewCommandError(
      `--public applies to plugin-component and plugin-page, not to ${command.name}.`,
    );
  }
  if ((values.login || values['no-login']) && !takes('--login')) {
    throw new NewCommandError(
      `--login and --no-login apply to function and handler, not to ${command.name}.`,
    );
  }
  if (values.login && values['no-login']) {
    throw new NewCommandError('Pass either --login or --no-login, not both.');
  }
}

function report(plan: Plan): string {
  const written = plan.changes.map((change) =>
    change.kind === 'create'
      ? `  created  ${change.file}`
      : `  changed  ${change.file}: ${change.summary}`,
  );
  return [...written, '', 'Next:', ...plan.next.map((line) => `  ${line}`), ''].join('\n');
}

if (require.main === module) {
  process.exitCode = runNew(process.argv.slice(2), process.cwd(), {
    out: (text) => process.stdout.write(text),
    error: (text) => process.stderr.write(text),
  });
}
