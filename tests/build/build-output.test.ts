// A real build of the starter in a temporary copy: the layout of dist/, what each uploaded
// folder may contain, and that each folder is self-contained.
import fs from 'node:fs';
import path from 'node:path';

import { parse } from 'acorn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { copyStarter, listFiles, runGulp, type ProjectCopy } from '../helpers/project-copy';

let project: ProjectCopy;
let dist: string;
let buildOutput: string;

beforeAll(async () => {
  project = copyStarter();
  dist = project.file('dist');
  const result = await runGulp(project.root, ['build', '--env', 'test']);
  buildOutput = result.output;
  expect(result.code, result.output).toBe(0);
});

afterAll(() => project.remove());

/** The folders uploaded on their own: the host app, the plugin and each cloud function. */
function uploadedFolders(): string[] {
  const functions = fs.readdirSync(path.join(dist, 'server')).map((fn) => `server/${fn}`);
  return ['client', 'plugin', ...functions];
}

describe('build output', () => {
  it('has the layout the IDE opens', () => {
    const files = listFiles(dist);
    expect(files).toContain('mini.project.json');
    expect(files).toContain('client/app.js');
    expect(files).toContain('client/app.json');
    expect(files).toContain('client/app.acss');
    expect(files).toContain('plugin/plugin.json');
    expect(files).toContain('server/hello/index.js');
    expect(files).toContain('server/hello/package.json');
  });

  it('points mini.project.json roots inside dist', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'mini.project.json'), 'utf8'));
    expect(fs.existsSync(path.join(dist, manifest.miniprogramRoot, 'app.json'))).toBe(true);
    expect(fs.existsSync(path.join(dist, manifest.pluginRoot, 'plugin.json'))).toBe(true);
  });

  it('emits no ts, less or map into uploads', () => {
    for (const folder of uploadedFolders()) {
      const files = listFiles(path.join(dist, folder)).filter(
        (file) => !file.startsWith('node_modules/'),
      );
      const sources = files.filter((file) => /\.(ts|less|map)$/.test(file));
      expect(sources, folder).toEqual([]);
    }
  });

  it('writes source maps outside the uploads', () => {
    expect(fs.existsSync(path.join(dist, '.maps', 'client', 'app.js.map'))).toBe(true);
    const appJs = fs.readFileSync(path.join(dist, 'client', 'app.js'), 'utf8');
    expect(appJs).not.toContain('sourceMappingURL');
  });

  it('copies assets byte for byte', () => {
    const source = fs.readFileSync(project.file('client/assets/logo.png'));
    const output = fs.readFileSync(path.join(dist, 'client', 'assets', 'logo.png'));
    expect(output.equals(source)).toBe(true);
  });

  it('renders Less and skips partials', () => {
    const css = fs.readFileSync(path.join(dist, 'client', 'app.acss'), 'utf8');
    expect(css).toContain('#ff5000');
    expect(listFiles(dist).filter((file) => file.includes('_theme'))).toEqual([]);
  });

  it('resolves every require inside its folder', () => {
    for (const folder of uploadedFolders()) {
      const base = path.join(dist, folder);
      const manifest = JSON.parse(fs.readFileSync(path.join(base, 'package.json'), 'utf8'));
      const scripts = listFiles(base).filter(
        (file) => file.endsWith('.js') && !file.startsWith('node_modules/'),
      );
      for (const script of scripts) {
        const code = fs.readFileSync(path.join(base, script), 'utf8');
        for (const [, specifier] of code.matchAll(/\brequire\(["']([^"']+)["']\)/g)) {
          if (specifier.startsWith('.')) {
            const target = path.resolve(path.dirname(path.join(base, script)), specifier);
            const found = [target, `${target}.js`, path.join(target, 'index.js')].find((file) =>
              fs.existsSync(file),
            );
            expect(found, `${folder}/${script} requires ${specifier}`).toBeDefined();
            expect(path.relative(base, found!).startsWith('..'), `${script}: ${specifier}`).toBe(
              false,
            );
            continue;
          }
          const name = specifier.startsWith('@')
            ? specifier.split('/').slice(0, 2).join('/')
            : specifier.split('/')[0];
          expect(
            manifest.dependencies?.[name],
            `${folder}/${script} requires ${name}`,
          ).toBeDefined();
          if (!folder.startsWith('server/')) {
            expect(fs.existsSync(path.join(base, 'node_modules', name, 'package.json')), name).toBe(
              true,
            );
          }
        }
      }
    }
  });

  it('parses emitted JS at each ECMAScript level', () => {
    for (const folder of uploadedFolders()) {
      const level = folder.startsWith('server/') ? 2019 : 2015;
      const scripts = listFiles(path.join(dist, folder)).filter(
        (file) => file.endsWith('.js') && !file.startsWith('node_modules/'),
      );
      for (const script of scripts) {
        const code = fs.readFileSync(path.join(dist, folder, script), 'utf8');
        expect(
          () => parse(code, { ecmaVersion: level, sourceType: 'script' }),
          `${folder}/${script}`,
        ).not.toThrow();
      }
    }
  });

  it('copies npm packages without empty folders', () => {
    const sdk = path.join(dist, 'client', 'node_modules', '@tbmp', 'mp-cloud-sdk');
    const folders = fs
      .readdirSync(sdk, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(entry.parentPath, entry.name));
    expect(folders.filter((folder) => fs.readdirSync(folder).length === 0)).toEqual([]);
    expect(fs.existsSync(path.join(sdk, 'index.js'))).toBe(true);
  });

  it('keeps zod and schemas out of the mini-program', () => {
    for (const folder of ['client', 'plugin']) {
      const files = listFiles(path.join(dist, folder));
      expect(
        files.filter((file) => file.startsWith('node_modules/zod/')),
        folder,
      ).toEqual([]);
      expect(files, folder).not.toContain('contract/api.js');
    }
  });

  it('gives each function its own contract export', () => {
    const hello = fs.readFileSync(path.join(dist, 'server', 'hello', 'contract', 'api.js'), 'utf8');
    expect(hello).toContain('hello');
    expect(hello).not.toContain('favorites');
    expect(hello).not.toContain('omsHttp');
    const favorites = fs.readFileSync(
      path.join(dist, 'server', 'favorites', 'contract', 'api.js'),
      'utf8',
    );
    expect(favorites).toContain('favoriteId');
    expect(favorites).not.toContain('greeting');
  });

  it('generates notNeedLogin from the contract', () => {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(dist, 'server', 'hello', 'package.json'), 'utf8'),
    );
    expect(manifest.main).toBe('index.js');
    expect(manifest.sdkVersion).toBe('*');
    expect(manifest.config.notNeedLogin).toEqual(['main']);
    expect(manifest.dependencies.zod).toBeDefined();
  });

  it('replaces plugin tokens in json', () => {
    const app = JSON.parse(fs.readFileSync(path.join(dist, 'client', 'app.json'), 'utf8'));
    expect(Object.keys(app.plugins)).toEqual(['starterPlugin']);
    expect(fs.readFileSync(path.join(dist, 'client', 'app.json'), 'utf8')).not.toContain(
      '__PLUGIN',
    );
  });

  it('logs env, tasks and sizes', () => {
    expect(buildOutput).toContain('cloud env "test"');
    expect(buildOutput).toMatch(/emit: \d+ files/);
    expect(buildOutput).toMatch(/typecheck: 0 errors/);
    expect(buildOutput).toMatch(/dist\/client {2}[\d.]+ (B|kB|MB)/);
    expect(buildOutput).toMatch(/dist\/server\/hello {2}[\d.]+ (B|kB|MB)/);
  });
});
