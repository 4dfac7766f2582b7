// End to end: the starter is built into a temporary copy (npm run build:test), and its compiled
// pages, plugin and cloud functions run together: mini-program runtime, real cloud SDK, bridge,
// local runtime (faas-mini-app) and the compiled functions.
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { type BridgeOptions, createSendMtop } from '../../local-cloud/bridge';
import { createHost, type MiniHost } from '../../local-cloud/mini-runtime';
import { createLocalRuntime, type LocalRuntime } from '../../local-cloud/runtime';
import { copyStarter, type ProjectCopy, runScript } from '../helpers/project-copy';
import { probePageFiles, probeRoute } from './probe-page';

let project: ProjectCopy;
let runtime: LocalRuntime;
let dist: string;
let appJson: { pages: string[]; plugins?: Record<string, unknown> };
let pluginJson: { publicComponents?: Record<string, string> };

beforeAll(async () => {
  project = copyStarter();
  for (const [file, content] of Object.entries(probePageFiles)) project.write(file, content);
  const sourceAppJson = JSON.parse(project.read('client/app.json'));
  sourceAppJson.pages.push(probeRoute);
  project.write('client/app.json', JSON.stringify(sourceAppJson, null, 2));

  const build = await runScript(project.root, 'build:test');
  if (build.code !== 0) throw new Error(`npm run build:test failed:\n${build.output}`);

  dist = project.file('dist');
  runtime = createLocalRuntime({ distDir: dist });
  appJson = JSON.parse(fs.readFileSync(path.join(dist, 'client/app.json'), 'utf8'));
  pluginJson = JSON.parse(fs.readFileSync(path.join(dist, 'plugin/plugin.json'), 'utf8'));
});

afterAll(() => {
  project?.remove();
});

function launchStarter(settings: Partial<Omit<BridgeOptions, 'invoke'>> = {}): MiniHost {
  const pluginAliases = Object.keys(appJson.plugins ?? {});
  const plugins = Object.fromEntries(pluginAliases.map((alias) => [alias, `${dist}/plugin`]));
  const host = createHost({ root: `${dist}/client`, plugins });

  const user = { openId: 'e2e-open-id', mixNick: 'e2e-mix' };
  const sendMtop = createSendMtop({ invoke: runtime.invoke, user, env: 'test', ...settings });
  host.my.stubCloudSdk(sendMtop).stubAll(['showLoading', 'hideLoading', 'showToast', 'loadPlugin']);
  host.launch();
  return host;
}

// The compiled hello function's own result, so the tests follow changes to its greeting text.
async function helloResult(name: string): Promise<{ greeting: string }> {
  const reply = await runtime.invoke('hello', 'main', { name }, { env: 'test' });
  if (!reply.success) throw new Error(`hello.main failed: ${reply.errorMessage}`);
  return reply.result as { greeting: string };
}

describe('starter pages end to end', () => {
  test('every app.json page opens', async () => {
    const host = launchStarter();

    for (const route of appJson.pages) host.openPage(route);
    await host.settle();

    expect(host.consoleText('error')).toEqual([]);
  });

  test('page event shows cloud result', async () => {
    const host = launchStarter();
    const page = host.openPage(probeRoute);
    const expected = await helloResult('Ann');

    page.trigger('onGreet', { type: 'confirm', detail: { value: 'Ann' } });
    await host.settle();

    expect(page.data.greeting).toBe(expected.greeting);
    expect(page.data.greeting).toContain('Ann');
    expect(page.data.env).toBe('test');
    expect(page.data.errorCode).toBe('');
  });

  test('loading shown once and hidden', async () => {
    const host = launchStarter();
    const page = host.openPage(probeRoute);

    page.trigger('onGreet', { detail: { value: 'Ann' } });
    await host.settle();

    expect(host.my.calls('showLoading')).toHaveLength(1);
    expect(host.my.calls('hideLoading')).toHaveLength(1);
  });

  test('wrapper reply gives same page data', async () => {
    const host = launchStarter({ replyShape: 'wrapper' });
    const page = host.openPage(probeRoute);

    const expected = await helloResult('Ann');

    page.trigger('onGreet', { detail: { value: 'Ann' } });
    await host.settle();

    expect(page.data.greeting).toBe(expected.greeting);
    expect(page.data.errorCode).toBe('');
  });

  test('invalid input shows INVALID_INPUT', async () => {
    const host = launchStarter();
    const page = host.openPage(probeRoute);

    page.trigger('onGreet', { detail: { value: 'x'.repeat(41) } });
    await host.settle();

    expect(page.data.greeting).toBe('');
    expect(page.data.errorCode).toBe('INVALID_INPUT');
    expect(page.data.errorMessage).not.toBe('');
  });

  test('wrapper reply gives same error', async () => {
    const host = launchStarter({ replyShape: 'wrapper' });
    const page = host.openPage(probeRoute);

    page.trigger('onGreet', { detail: { value: 'x'.repeat(41) } });
    await host.settle();

    expect(page.data.greeting).toBe('');
    expect(page.data.errorCode).toBe('INVALID_INPUT');
  });
});

describe('starter plugin end to end', () => {
  test('requirePlugin returns main exports', () => {
    const host = launchStarter();
    const alias = Object.keys(appJson.plugins ?? {})[0];

    const main = host.plugin(alias).main() as Record<string, unknown>;

    expect(Object.keys(main).length).toBeGreaterThan(0);
  });

  test('every public component mounts', async () => {
    const host = launchStarter();
    const alias = Object.keys(appJson.plugins ?? {})[0];

    for (const name of Object.keys(pluginJson.publicComponents ?? {})) {
      host.mountComponent(`plugin://${alias}/${name}`);
    }
    await host.settle();

    expect(host.consoleText('error')).toEqual([]);
  });
});
