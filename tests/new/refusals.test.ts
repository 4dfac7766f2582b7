// Every way npm run new rejects a request: the message gives the reason and the next step, the exit
// status is 1, and no file of the project changed.
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { copyStarter, type ProjectCopy } from '../helpers/project-copy';
import { readTree, runNewIn } from './run-new';

let project: ProjectCopy;

beforeAll(() => {
  project = copyStarter();
});

afterAll(() => project.remove());

interface Refusal {
  argv: string[];
  message: string;
  /** Files to write before the run; the originals are put back after it. */
  setup?: Record<string, string>;
}

/** Runs a command that must be rejected, and checks its message and the unchanged tree. */
function expectRefusal({ argv, message, setup = {} }: Refusal): void {
  const originals = new Map<string, string | undefined>();
  for (const [file, content] of Object.entries(setup)) {
    originals.set(file, exists(file) ? project.read(file) : undefined);
    project.write(file, content);
  }

  try {
    const before = readTree(project.root);
    const run = runNewIn(project.root, argv);
    expect(run.error).toContain(message);
    expect(run.error).toContain('Nothing was written.');
    expect(run.out).toBe('');
    expect(run.code).toBe(1);
    expect(readTree(project.root)).toEqual(before);
  } finally {
    for (const [file, content] of originals) {
      if (content === undefined) removeFile(file);
      else project.write(file, content);
    }
  }
}

function exists(relative: string): boolean {
  return fs.existsSync(project.file(relative));
}

/** Removes a file a setup added, and its folder when that is left empty. */
function removeFile(relative: string): void {
  fs.rmSync(project.file(relative), { force: true });
  const folder = path.dirname(project.file(relative));
  if (fs.readdirSync(folder).length === 0) fs.rmdirSync(folder);
}

/** The starter's contract with `replace` swapped in for `find`, which must be there. */
function contractWith(find: string, replace: string): string {
  const contract = project.read('contract/api.ts');
  expect(contract).toContain(find);
  return contract.replace(find, replace);
}

const HELLO_WITHOUT_DESTRUCTURING = `import { defineFunction } from '../../contract/server';

const handlers = defineFunction('hello', {
  async main(input, context) {
    return { greeting: input.name ?? '', env: context.env ?? '' };
  },
});

export const main = handlers.main;
`;

describe('npm run new rejects names', () => {
  const cases: Array<[string, string[], string]> = [
    ['digit first', ['page', '1st'], 'Invalid page name "1st": use letters, digits, "-" and "_"'],
    ['path separator', ['component', 'a/b'], 'A name is one folder'],
    ['backslash', ['plugin-page', 'a\\b'], 'Invalid plugin page name "a\\b"'],
    ['dot segment', ['page', '..'], 'Invalid page name ".."'],
    ['space', ['plugin-component', 'my card'], 'Invalid plugin component name "my card"'],
    ['too long', ['page', `p${'a'.repeat(64)}`], 'it has 65 characters, at most 64'],
    ['dash in function', ['function', 'order-list'], 'for example "orderList"'],
    ['dash in handler', ['handler', 'hello', 'get-list'], 'Invalid handler name "get-list"'],
    ['reserved function name', ['function', 'delete'], 'Invalid cloud function name "delete"'],
    ['inherited handler name', ['handler', 'hello', 'toString'], 'it is a reserved word'],
  ];

  for (const [label, argv, message] of cases) {
    it(`rejects ${label}`, () => expectRefusal({ argv, message }));
  }
});

describe('npm run new rejects clashes', () => {
  it('rejects existing page folder', () => {
    expectRefusal({
      argv: ['page', 'draft'],
      message: 'The page already exists: client/pages/draft.',
      setup: { 'client/pages/draft/index.ts': 'Page({});\n' },
    });
  });

  it('rejects page already in app.json', () => {
    const appJson = JSON.parse(project.read('client/app.json')) as { pages: string[] };
    appJson.pages.push('pages/ghost/index');
    expectRefusal({
      argv: ['page', 'ghost'],
      message: 'Page "ghost" is already listed in client/app.json "pages"',
      setup: { 'client/app.json': JSON.stringify(appJson, null, 2) },
    });
  });

  it('rejects page differing in case', () => {
    expectRefusal({ argv: ['page', 'Index'], message: 'differs only in case' });
  });

  it('rejects existing plugin component', () => {
    expectRefusal({
      argv: ['plugin-component', 'hello-card', '--public'],
      message: 'plugin/plugin.json "publicComponents" already lists "hello-card"',
    });
  });

  it('rejects public name without folder', () => {
    const pluginJson = JSON.parse(project.read('plugin/plugin.json')) as Record<string, object>;
    pluginJson.publicPages = { ...pluginJson.publicPages, ghost: 'pages/elsewhere/index' };
    expectRefusal({
      argv: ['plugin-page', 'ghost', '--public'],
      message: 'plugin/plugin.json "publicPages" already lists "ghost"',
      setup: { 'plugin/plugin.json': JSON.stringify(pluginJson, null, 2) },
    });
  });

  it('rejects function in contract', () => {
    expectRefusal({
      argv: ['function', 'hello'],
      message: 'contract/api.ts already declares the cloud function "hello"',
    });
  });

  it('rejects function named like schema', () => {
    expectRefusal({
      argv: ['function', 'favorite'],
      message: 'contract/api.ts already declares "favorite" (contract/api.ts:',
    });
  });

  it('rejects function named like import', () => {
    expectRefusal({
      argv: ['function', 'handler'],
      message: 'contract/api.ts already imports "handler" (contract/api.ts:',
    });
  });

  it('rejects function named like export', () => {
    expectRefusal({
      argv: ['function', 'version'],
      message: 'contract/api.ts already exports "version" (contract/api.ts:',
      setup: {
        'contract/api.ts': contractWith(
          'export type Favorite',
          "export const version = '1';\n\nexport type Favorite",
        ),
      },
    });
  });

  it('rejects existing function folder', () => {
    expectRefusal({
      argv: ['function', 'stray'],
      message: 'The cloud function folder already exists: server/stray.',
      setup: { 'server/stray/notes.md': 'not a function yet\n' },
    });
  });

  it('rejects handler in contract', () => {
    expectRefusal({
      argv: ['handler', 'favorites', 'list'],
      message: 'contract/api.ts already declares the handler "list" of "favorites"',
    });
  });

  it('rejects handler named like an import', () => {
    expectRefusal({
      argv: ['handler', 'hello', 'defineFunction'],
      message: 'server/hello/index.ts already uses the name "defineFunction"',
    });
  });
});

describe('npm run new rejects unknown targets', () => {
  it('rejects unknown function', () => {
    expectRefusal({
      argv: ['handler', 'nope', 'list'],
      message:
        'Unknown cloud function "nope": server/nope/index.ts not found (cloud functions here:',
    });
  });

  it('rejects contract function without source', () => {
    const ghost = [
      'export const ghost = {',
      '  main: handler({ login: true, input: z.strictObject({}), result: z.object({}) }),',
      '};',
      '',
      'export type Favorite',
    ].join('\n');
    expectRefusal({
      argv: ['handler', 'ghost', 'list'],
      message:
        'contract/api.ts declares the cloud function "ghost", but server/ghost/index.ts is missing',
      setup: { 'contract/api.ts': contractWith('export type Favorite', ghost) },
    });
  });

  it('rejects function missing from contract', () => {
    const source = project
      .read('server/hello/index.ts')
      .replace("defineFunction('hello'", "defineFunction('stray'");
    expectRefusal({
      argv: ['handler', 'stray', 'list'],
      message: 'contract/api.ts declares no cloud function "stray" (no `export const stray`)',
      setup: { 'server/stray/index.ts': source },
    });
  });

  it('rejects JavaScript function source', () => {
    expectRefusal({
      argv: ['handler', 'legacy', 'list'],
      message: 'server/legacy/index.js is JavaScript',
      setup: { 'server/legacy/index.js': 'exports.main = async () => ({});\n' },
    });
  });
});

describe('npm run new rejects file shapes', () => {
  const SHAPE = 'contract/api.ts has a shape npm run new does not recognise';
  const EXPECTED = 'expected one `export const <function> = { <handler>: handler({...}) };`';

  it('rejects export default', () => {
    const contract = `${project.read('contract/api.ts')}\nexport default hello;\n`;
    const line = contract.slice(0, contract.indexOf('export default')).split('\n').length;
    expectRefusal({
      argv: ['function', 'orders'],
      message: `${SHAPE} (contract/api.ts:${line}:1: an \`export default\``,
      setup: { 'contract/api.ts': contract },
    });
  });

  it('rejects export list', () => {
    const contract = contractWith(
      'export const favorites = {',
      'export { favorite };\n\nexport const favorites = {',
    );
    expectRefusal({
      argv: ['function', 'orders'],
      message: 'an `export { ... }` or `export * from` statement, which exports values apart',
      setup: { 'contract/api.ts': contract },
    });
  });

  it('rejects export let', () => {
    expectRefusal({
      argv: ['handler', 'hello', 'ping'],
      message: '`export let`, where `export const` is expected',
      setup: { 'contract/api.ts': contractWith('export const hello', 'export let hello') },
    });
  });

  it('states the expected shape', () => {
    expectRefusal({
      argv: ['function', 'orders'],
      message: `${EXPECTED} per cloud function, with \`handler\` imported from './define'`,
      setup: { 'contract/api.ts': contractWith('export const hello', 'export let hello') },
    });
  });

  it('rejects missing z import', () => {
    expectRefusal({
      argv: ['function', 'orders'],
      message: `${SHAPE} (\`z\` is not imported)`,
      setup: { 'contract/api.ts': contractWith("import { z } from 'zod';", '') },
    });
  });

  it('rejects function export by reference', () => {
    const contract = contractWith(
      'export const hello = {',
      'export const hello = helloHandlers;\n\nconst helloHandlers = {',
    );
    expectRefusal({
      argv: ['handler', 'hello', 'ping'],
      message: 'the export "hello" is not written as `export const hello = { ... }`',
      setup: { 'contract/api.ts': contract },
    });
  });

  it('rejects spread in handlers', () => {
    expectRefusal({
      argv: ['handler', 'favorites', 'archive'],
      message: 'a spread ("...") in the handlers of "favorites", which hides names',
      setup: {
        'contract/api.ts': contractWith(
          'export const favorites = {',
          'export const favorites = {\n  ...{},',
        ),
      },
    });
  });

  it('rejects computed handler name', () => {
    expectRefusal({
      argv: ['handler', 'favorites', 'archive'],
      message: 'a computed name in the handlers of "favorites", which hides names',
      setup: {
        'contract/api.ts': contractWith('  list: handler({', "  ['list']: handler({"),
      },
    });
  });

  it('rejects contract syntax error', () => {
    expectRefusal({
      argv: ['handler', 'hello', 'ping'],
      message: 'contract/api.ts:2:1: syntax error',
      setup: { 'contract/api.ts': 'export const hello = {\n' },
    });
  });

  it('rejects function without destructuring', () => {
    expectRefusal({
      argv: ['handler', 'hello', 'ping'],
      message:
        'server/hello/index.ts has a shape npm run new does not recognise ' +
        '(no `export const { ... } = defineFunction(...)` statement)',
      setup: { 'server/hello/index.ts': HELLO_WITHOUT_DESTRUCTURING },
    });
  });

  it('rejects mismatched defineFunction name', () => {
    const source = project
      .read('server/hello/index.ts')
      .replace("defineFunction('hello'", "defineFunction('hi'");
    expectRefusal({
      argv: ['handler', 'hello', 'ping'],
      message: 'defineFunction names "hi", but the folder is server/hello',
      setup: { 'server/hello/index.ts': source },
    });
  });

  it('rejects invalid app.json', () => {
    expectRefusal({
      argv: ['page', 'orders2'],
      message: 'client/app.json:2:33: invalid JSON',
      setup: { 'client/app.json': '{\n  "pages": ["pages/index/index",]\n}\n' },
    });
  });

  it('rejects pages that is not array', () => {
    expectRefusal({
      argv: ['page', 'orders2'],
      message: 'client/app.json: "pages" must be an array',
      setup: { 'client/app.json': '{ "pages": "pages/index/index" }\n' },
    });
  });
});

describe('npm run new rejects command lines', () => {
  const cases: Array<[string, string[], string]> = [
    ['unknown command', ['widget', 'x'], 'Unknown command "widget": use one of page, component'],
    ['missing name', ['page'], 'Missing <name>: expected npm run new -- page <name>.'],
    [
      'missing handler name',
      ['handler', 'hello'],
      'Missing <name>: expected npm run new -- handler',
    ],
    ['extra argument', ['page', 'a', 'b'], 'Unexpected argument "b"'],
    ['unknown option', ['page', 'a', '--force'], "Unknown option '--force'"],
    [
      'public on page',
      ['page', 'a', '--public'],
      '--public applies to plugin-component and plugin-page',
    ],
    ['login on component', ['component', 'a', '--no-login'], '--login and --no-login apply to'],
    [
      'both login flags',
      ['handler', 'hello', 'x', '--login', '--no-login'],
      'either --login or --no-login',
    ],
  ];

  for (const [label, argv, message] of cases) {
    it(`rejects ${label}`, () => expectRefusal({ argv, message }));
  }
});
