// Bad input fails the build with the file, line and column, and leaves no dist/ behind.
import fs from 'node:fs';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { copyStarter, runGulp, type ProjectCopy } from '../helpers/project-copy';

let project: ProjectCopy;

beforeEach(() => {
  project = copyStarter();
  // A dist/ from an earlier good build, which a failed build must not leave looking current.
  project.write('dist/client/app.js', '// stale');
});

afterEach(() => project.remove());

async function buildFails(): Promise<string> {
  const result = await runGulp(project.root, ['build', '--env', 'test']);
  expect(result.code, result.output).not.toBe(0);
  expect(fs.existsSync(project.file('dist')), 'dist/ left behind').toBe(false);
  expect(fs.existsSync(project.file('.dist-staging')), 'staging left behind').toBe(false);
  expect(result.output).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  return result.output;
}

describe('build errors', () => {
  it('fails on a client type error', async () => {
    project.write(
      'client/pages/index/index.ts',
      "const count: number = 'one';\nPage({ data: { count } });\n",
    );
    const output = await buildFails();
    expect(output).toContain('client/pages/index/index.ts:1:7');
    expect(output).toContain("Type 'string' is not assignable to type 'number'");
  });

  it('fails on a plugin type error', async () => {
    project.write('plugin/index.ts', 'export function version(): string { return 1; }\n');
    const output = await buildFails();
    expect(output).toContain('plugin/index.ts:1:37');
  });

  it('fails on a server type error', async () => {
    const source = project.read('server/hello/index.ts');
    project.write('server/hello/index.ts', `${source}\nexport const broken: string = 42;\n`);
    const output = await buildFails();
    expect(output).toMatch(/server\/hello\/index\.ts:\d+:14/);
  });

  it('fails on a TypeScript syntax error', async () => {
    project.write('client/pages/index/index.ts', 'Page({ data: { a: 1 }\n');
    const output = await buildFails();
    expect(output).toMatch(/client\/pages\/index\/index\.ts:2:\d+/);
    expect(output).not.toContain('has no .ts file');
  });

  it('fails on invalid JSON with position', async () => {
    project.write('client/pages/index/index.json', '{\n  "defaultTitle": "Home",\n}\n');
    const output = await buildFails();
    expect(output).toMatch(/client\/pages\/index\/index\.json:3:1 {2}invalid JSON/);
  });

  it('fails on a listed page without files', async () => {
    const app = JSON.parse(project.read('client/app.json'));
    app.pages.push('pages/missing/missing');
    project.write('client/app.json', JSON.stringify(app, null, 2));
    const output = await buildFails();
    expect(output).toMatch(
      /client\/app\.json:\d+:\d+ {2}page "pages\/missing\/missing" has no \.axml file/,
    );
  });

  it('fails on a plugin.json entry pointing nowhere', async () => {
    const plugin = JSON.parse(project.read('plugin/plugin.json'));
    plugin.publicComponents.ghost = 'components/ghost/index';
    project.write('plugin/plugin.json', JSON.stringify(plugin, null, 2));
    const output = await buildFails();
    expect(output).toMatch(
      /plugin\/plugin\.json:\d+:\d+ {2}publicComponents "components\/ghost\/index"/,
    );
  });

  it('fails on a Less syntax error', async () => {
    project.write('client/pages/index/index.less', '.greeting {\n  color: red;\n  margin: (;\n}\n');
    const output = await buildFails();
    expect(output).toMatch(/client\/pages\/index\/index\.less:3:\d+/);
  });

  it('fails on malformed AXML', async () => {
    project.write(
      'client/pages/index/index.axml',
      '<view class="greeting">\n  {{greeting}}\n</text>\n',
    );
    const output = await buildFails();
    expect(output).toMatch(/client\/pages\/index\/index\.axml:3:\d+ {2}invalid AXML/);
  });

  it('names sources in release check findings', async () => {
    const page = project.read('client/pages/index/index.axml');
    project.write(
      'client/pages/index/index.axml',
      `${page}<button onTap="noSuchMethod">x</button>\n`,
    );
    const output = await buildFails();
    expect(output).toMatch(/client\/pages\/index\/index\.axml:\d+:\d+ {2}event-handlers/);
    expect(output).toContain('client/pages/index/index.ts');
    expect(output).not.toContain('.dist-staging');
  });

  it('fails on an import leaving the target', async () => {
    project.write(
      'client/pages/index/index.ts',
      "import { version } from '../../../plugin/index';\nPage({ data: { v: version() } });\n",
    );
    const output = await buildFails();
    expect(output).toContain('leaves client/ or contract/');
  });

  it("rejects another function's contract import", async () => {
    const source = project.read('server/hello/index.ts');
    project.write(
      'server/hello/index.ts',
      `import { favorites } from '../../contract/api';\n${source}\nexport const n = favorites;\n`,
    );
    const output = await buildFails();
    expect(output).toContain('server/hello/index.ts:1:10');
    expect(output).toContain('imports "favorites" from contract/api.ts at run time');
  });

  it('rejects a dynamic contract import', async () => {
    const source = project.read('server/hello/index.ts');
    project.write(
      'server/hello/index.ts',
      `${source}\nexport async function load() {\n  return import('../../contract/api');\n}\n`,
    );
    const output = await buildFails();
    expect(output).toMatch(/server\/hello\/index\.ts:\d+:10/);
    expect(output).toContain('imports the whole contract from contract/api.ts at run time');
  });

  it('rejects a contract import through a shared file', async () => {
    project.write(
      'contract/favorite-keys.ts',
      "import { favorites } from './api';\n\nexport const favoriteKeys = Object.keys(favorites);\n",
    );
    const source = project.read('server/hello/index.ts');
    project.write(
      'server/hello/index.ts',
      `import { favoriteKeys } from '../../contract/favorite-keys';\n${source}\nexport const keys = favoriteKeys;\n`,
    );
    const output = await buildFails();
    expect(output).toContain('contract/favorite-keys.ts:1:10');
    expect(output).toContain('each cloud function gets only its own export of that file');
  });

  it('rejects a contract value import in a page', async () => {
    const source = project.read('client/pages/index/index.ts');
    project.write(
      'client/pages/index/index.ts',
      `import { hello } from '../../../contract/api';\n${source}\nexport const spec = hello;\n`,
    );
    const output = await buildFails();
    expect(output).toContain('client/pages/index/index.ts:1:10');
    expect(output).toContain('imports contract/api.ts at run time');
  });

  it('fails on a contract syntax error', async () => {
    project.write(
      'contract/api.ts',
      `${project.read('contract/api.ts')}\nexport const broken = {\n`,
    );
    const output = await buildFails();
    expect(output).toMatch(/contract\/api\.ts:\d+:\d+/);
    expect(output).not.toContain('TypeError');
  });

  it('names a contract export that is no function', async () => {
    project.write(
      'contract/api.ts',
      `${project.read('contract/api.ts')}\nexport const LIMIT = 5;\n`,
    );
    const output = await buildFails();
    expect(output).toContain('contract/api.ts');
    expect(output).toContain('export "LIMIT" is not a cloud function (it is a number)');
  });

  it('requires an env for a release build', async () => {
    const result = await runGulp(project.root, ['build']);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('gulp build needs --env test, --env pre or --env online');
  });

  it('rejects an unknown env', async () => {
    const result = await runGulp(project.root, ['build', '--env', 'prod']);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('invalid cloud env "prod"; use one of test, pre, online');
  });

  it('rejects an invalid configuration value', async () => {
    project.write(
      'starter.config.ts',
      project.read('starter.config.ts').replace("'3000000000000000'", "'12ab'"),
    );
    const result = await runGulp(project.root, ['build', '--env', 'test']);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('plugin.id: must be the 16-digit plugin id');
    expect(result.output).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  });
});

describe('build release settings', () => {
  it('warns about development plugin settings online', async () => {
    const result = await runGulp(project.root, ['build', '--env', 'online']);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain(
      'warning: plugin.id in starter.config.ts is still the placeholder',
    );
    expect(result.output).toContain('warning: plugin.version is "dev"');
  });
});

describe('build env switch', () => {
  it('compiles the chosen env into cloud.init', async () => {
    for (const env of ['test', 'online']) {
      const result = await runGulp(project.root, ['build', '--env', env]);
      expect(result.code, result.output).toBe(0);
      expect(project.read('dist/client/app.js')).toContain(`env: "${env}"`);
      expect(result.output).toContain(`cloud env "${env}"`);
    }
  });
});
