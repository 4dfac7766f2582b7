import { afterEach, describe, expect, test } from 'vitest';

import { createHost } from '../../local-cloud/mini-runtime';
import { removeFolder, writeTempFiles } from './fixture';

const appJson = JSON.stringify({ pages: ['pages/index/index'] });
const folders: string[] = [];

async function hostWith(files: Record<string, string>) {
  const folder = await writeTempFiles({ 'client/app.json': appJson, ...files });
  folders.push(folder);
  return createHost({ root: `${folder}/client` });
}

afterEach(async () => {
  await Promise.all(folders.splice(0).map(removeFolder));
});

describe('module loader', () => {
  test('resolves relative, folder and npm requests', async () => {
    const host = await hostWith({
      'client/app.js': `
        const a = require('./lib/a');
        const b = require('./lib/b.js');
        const folder = require('./lib/folder');
        const pkg = require('left-pad');
        const scoped = require('@scope/tool/sub');
        App({ values: [a.name, b.name, folder.name, pkg.name, scoped.name] });`,
      'client/lib/a.js': `exports.name = 'a';`,
      'client/lib/b.js': `exports.name = 'b';`,
      'client/lib/folder/index.js': `exports.name = 'folder';`,
      'client/node_modules/left-pad/package.json': JSON.stringify({ main: 'lib/main.js' }),
      'client/node_modules/left-pad/lib/main.js': `exports.name = 'left-pad';`,
      'client/node_modules/@scope/tool/sub.js': `exports.name = 'scoped-sub';`,
    });

    const app = host.launch();

    expect(app.values).toEqual(['a', 'b', 'folder', 'left-pad', 'scoped-sub']);
  });

  test('evaluates each module once', async () => {
    const host = await hostWith({
      'client/app.js': `
        const first = require('./counter');
        const second = require('./counter.js');
        App({ same: first === second, loads: first.loads });`,
      'client/counter.js': `globalThis.counterLoads = (globalThis.counterLoads || 0) + 1;
        exports.loads = globalThis.counterLoads;`,
    });

    const app = host.launch();

    expect(app.same).toBe(true);
    expect(app.loads).toBe(1);
  });

  test('rejects require leaving the folder', async () => {
    const host = await hostWith({
      'client/app.js': `require('../outside'); App({});`,
      'outside.js': `exports.secret = 1;`,
    });

    expect(() => host.launch()).toThrow(
      /app\.js: require\('\.\.\/outside'\) leaves the target folder/,
    );
  });

  test('rejects Node built-in modules', async () => {
    const host = await hostWith({ 'client/app.js': `require('fs'); App({});` });

    expect(() => host.launch()).toThrow(/require\('fs'\) names a Node built-in module/);
  });

  test('reports missing module with caller', async () => {
    const host = await hostWith({ 'client/app.js': `require('./missing'); App({});` });

    expect(() => host.launch()).toThrow(/app\.js: require\('\.\/missing'\) was not found/);
  });

  test('missing npm package is not found', async () => {
    const host = await hostWith({ 'client/app.js': `require('not-installed'); App({});` });

    expect(() => host.launch()).toThrow(/require\('not-installed'\) was not found/);
  });

  test('disables eval and new Function', async () => {
    const host = await hostWith({
      'client/app.js': `
        let evalError = '';
        let functionError = '';
        try { eval('1 + 1'); } catch (error) { evalError = error.name; }
        try { new Function('return 1'); } catch (error) { functionError = error.name; }
        App({ evalError, functionError });`,
    });

    const app = host.launch();

    expect(app.evalError).toBe('EvalError');
    expect(app.functionError).toBe('EvalError');
  });

  test('isolates globals from Node', async () => {
    const host = await hostWith({
      'client/app.js': `App({ hasProcess: typeof process, hasRequireMain: typeof require.main });`,
    });

    const app = host.launch();

    expect(app.hasProcess).toBe('undefined');
    expect(app.hasRequireMain).toBe('undefined');
  });
});
