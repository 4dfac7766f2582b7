// Every generator of npm run new in one copy of the starter, then a real build (type check and
// release check included) and a run of the new cloud functions through the local runtime.
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  copyStarter,
  REPO_ROOT,
  runCommand,
  runGulp,
  runScript,
  type CommandResult,
  type ProjectCopy,
} from '../helpers/project-copy';
import { runNewIn } from './run-new';

const COMMANDS = [
  ['page', 'order-list'],
  ['component', 'price-tag'],
  ['plugin-component', 'badge', '--public'],
  ['plugin-component', 'inner'],
  ['plugin-page', 'detail', '--public'],
  ['plugin-page', 'settings'],
  ['function', 'orders'],
  ['function', 'status', '--no-login'],
  ['handler', 'orders', 'summary', '--no-login'],
  ['handler', 'favorites', 'archive'],
  ['handler', 'hello', 'ping', '--login'],
];

let project: ProjectCopy;
let build: CommandResult;
let appJsonBefore: string;
const outputs = new Map<string, string>();

beforeAll(async () => {
  project = copyStarter();
  appJsonBefore = project.read('client/app.json');
  for (const argv of COMMANDS) {
    const run = runNewIn(project.root, argv);
    expect(run.code, `${argv.join(' ')}: ${run.error}`).toBe(0);
    outputs.set(argv.slice(0, 2).join(' '), run.out);
  }
  build = await runGulp(project.root, ['build', '--env', 'test']);
});

afterAll(() => project.remove());

function readJson(relative: string): Record<string, unknown> {
  return JSON.parse(project.read(relative)) as Record<string, unknown>;
}

describe('npm run new, then build', () => {
  it('build passes with every generator', () => {
    expect(build.output).toContain('typecheck: 0 errors');
    expect(build.output).toContain('check: no problems found');
    expect(build.code, build.output).toBe(0);
  });

  it('page is listed in app.json', () => {
    const pages = readJson('client/app.json').pages as string[];
    expect(pages.at(-1)).toBe('pages/order-list/index');
    const withoutNewPage = project
      .read('client/app.json')
      .replace(/,\s*"pages\/order-list\/index"/, '');
    expect(withoutNewPage).toBe(appJsonBefore);
    expect(fs.existsSync(project.file('dist/client/pages/order-list/index.js'))).toBe(true);
    expect(fs.existsSync(project.file('dist/client/pages/order-list/index.acss'))).toBe(true);
  });

  it('component has component json', () => {
    expect(readJson('client/components/price-tag/index.json')).toEqual({ component: true });
    expect(fs.existsSync(project.file('dist/client/components/price-tag/index.axml'))).toBe(true);
  });

  it('public plugin parts are in plugin.json', () => {
    const pluginJson = readJson('plugin/plugin.json');
    expect(pluginJson.publicComponents).toMatchObject({ badge: 'components/badge/index' });
    expect(pluginJson.publicPages).toMatchObject({ detail: 'pages/detail/index' });
  });

  it('private plugin parts stay unlisted', () => {
    const text = project.read('plugin/plugin.json');
    expect(text).not.toContain('inner');
    expect(text).not.toContain('settings');
    expect(fs.existsSync(project.file('dist/plugin/components/inner/index.js'))).toBe(true);
    expect(fs.existsSync(project.file('dist/plugin/pages/settings/index.js'))).toBe(true);
  });

  it('notNeedLogin follows the login flags', () => {
    const login = (fn: string) =>
      (readJson(`dist/server/${fn}/package.json`).config as { notNeedLogin: string[] })
        .notNeedLogin;
    expect(login('orders')).toEqual(['summary']);
    expect(login('status')).toEqual(['main']);
    expect(login('favorites')).toEqual([]);
    expect(login('hello')).toEqual(['main']);
  });

  it('contract exports new functions', () => {
    const contract = project.read('contract/api.ts');
    const orders = contract.indexOf('\n\nexport const orders = {\n  main: handler({\n');
    const status = contract.indexOf('\n\nexport const status = {\n  main: handler({\n');
    const types = contract.indexOf('\n\nexport type ');
    expect(orders).toBeGreaterThan(contract.indexOf('export const favorites = {'));
    expect(status).toBeGreaterThan(orders);
    expect(types).toBeGreaterThan(status);
    expect(contract).toMatch(/\n {2}}\),\n {2}summary: handler\({\n {4}login: false,\n/);
    expect(contract).toMatch(/\n {2}}\),\n {2}archive: handler\({\n {4}login: true,\n/);
  });

  it('handlers keep the file layout', () => {
    const favorites = project.read('server/favorites/index.ts');
    expect(favorites).toContain('export const { list, add, update, remove, archive } =');
    expect(favorites).toMatch(/\n {2}},\n\n {2}async archive\(_input, context\) {\n/);
    expect(project.read('server/hello/index.ts')).toContain('export const { main, ping } =');
  });

  it('reports files and next step', () => {
    const output = outputs.get('page order-list') ?? '';
    expect(output).toContain('created  client/pages/order-list/index.ts');
    expect(output).toContain('changed  client/app.json: "pages": added "pages/order-list/index"');
    expect(output).toContain('Next:');
  });

  it('new handler runs in the local runtime', async () => {
    const run = await runScript(project.root, 'invoke', ['orders', 'summary', '--anonymous']);
    expect(run.output).toContain('"success": true');
    expect(run.output).toContain('"env": "test"');
    expect(run.code, run.output).toBe(0);
  });

  it('new function rejects anonymous callers', async () => {
    const run = await runScript(project.root, 'invoke', ['orders', 'main', '--anonymous']);
    expect(run.output).toContain('"success": false');
    expect(run.code, run.output).toBe(1);
  });
});

/** Runs a tool of the repository's node_modules/.bin in the copy. */
function runTool(tool: string, args: string[]): Promise<CommandResult> {
  return runCommand(project.root, path.join(REPO_ROOT, 'node_modules', '.bin', tool), args);
}

/** The files the generators created or changed. */
const GENERATED = [
  'contract/api.ts',
  'client/app.json',
  'client/pages/order-list',
  'client/components/price-tag',
  'plugin/plugin.json',
  'plugin/components',
  'plugin/pages',
  'server',
];

describe('generated files', () => {
  it('pass Prettier', async () => {
    const run = await runTool('prettier', ['--check', ...GENERATED]);
    expect(run.code, run.output).toBe(0);
  });

  it('pass ESLint', async () => {
    const run = await runTool('eslint', GENERATED);
    expect(run.code, run.output).toBe(0);
  });
});

describe('npm run new script', () => {
  it('prints help and exits 0', async () => {
    const run = await runScript(project.root, 'new', ['--help']);
    expect(run.output).toContain('Usage: npm run new -- <command> <name> [options]');
    for (const command of ['page', 'component', 'plugin-component', 'plugin-page', 'function']) {
      expect(run.output).toContain(`  ${command} <name>`);
    }
    expect(run.output).toContain('  handler <function> <name> [--login|--no-login]');
    expect(run.code).toBe(0);
  });

  it('rejects a clash with exit 1', async () => {
    const before = fs.readFileSync(path.join(project.root, 'client/app.json'), 'utf8');
    const run = await runScript(project.root, 'new', ['page', 'order-list']);
    expect(run.output).toContain('Page "order-list" is already listed in client/app.json');
    expect(run.output).toContain('Nothing was written.');
    expect(run.code).toBe(1);
    expect(project.read('client/app.json')).toBe(before);
  });
});
