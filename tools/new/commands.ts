// The commands of `npm run new`: their arguments, their options and the generator each runs.
import type { Plan } from './changes';
import { newComponent } from './component';
import { newFunction } from './function';
import { newHandler } from './handler';
import { newPage } from './page';
import { newPluginComponent } from './plugin-component';
import { newPluginPage } from './plugin-page';

/** The parsed command line of one command. */
export interface CommandInput {
  root: string;
  args: string[];
  isPublic: boolean;
  login: boolean;
}

export interface Command {
  name: string;
  /** The positional arguments, as the help text shows them. */
  args: string[];
  options: Array<'--public' | '--login'>;
  description: string;
  run(input: CommandInput): Plan;
}

export const COMMANDS: readonly Command[] = [
  {
    name: 'page',
    args: ['<name>'],
    options: [],
    description: 'a host app page in client/pages/<name>, listed in client/app.json "pages"',
    run: ({ root, args }) => newPage(root, args[0]),
  },
  {
    name: 'component',
    args: ['<name>'],
    options: [],
    description: 'a host app component in client/components/<name>',
    run: ({ root, args }) => newComponent(root, args[0]),
  },
  {
    name: 'plugin-component',
    args: ['<name>'],
    options: ['--public'],
    description: 'a plugin component in plugin/components/<name>; --public adds it to plugin.json',
    run: ({ root, args, isPublic }) => newPluginComponent(root, args[0], isPublic),
  },
  {
    name: 'plugin-page',
    args: ['<name>'],
    options: ['--public'],
    description: 'a plugin page in plugin/pages/<name>; --public adds it to plugin.json',
    run: ({ root, args, isPublic }) => newPluginPage(root, args[0], isPublic),
  },
  {
    name: 'function',
    args: ['<name>'],
    options: ['--login'],
    description: 'a cloud function server/<name>/index.ts with a "main" handler, in the contract',
    run: ({ root, args, login }) => newFunction(root, args[0], login),
  },
  {
    name: 'handler',
    args: ['<function>', '<name>'],
    options: ['--login'],
    description:
      'a handler of a cloud function, declared in the contract and exported by its index.ts',
    run: ({ root, args, login }) => newHandler(root, args[0], args[1], login),
  },
];
