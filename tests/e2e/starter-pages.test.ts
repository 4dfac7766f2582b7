// End to end: the starter is built into a temporary copy (npm run build:test) with one probe
// page added. Its compiled pages, plugin and cloud functions then run together through the
// mini-program runtime, the real cloud SDK, the bridge and the local runtime (faas-mini-app).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { createLocalRuntime, type LocalRuntime } from '../../local-cloud/runtime';
import { probePageFiles, probeRoute } from './probe-page';
import {
  type BridgeSettings,
  buildStarterApp,
  launchStarter,
  type StarterBuild,
} from './starter-build';

let build: StarterBuild;
let runtime: LocalRuntime;

beforeAll(async () => {
  build = await buildStarterApp(probePageFiles, [probeRoute]);
  runtime = createLocalRuntime({ distDir: build.dist });
});

afterAll(() => {
  build?.project.remove();
});

function launch(settings: BridgeSettings = {}) {
  return launchStarter(build, runtime, settings);
}

// The compiled hello function's own result, so the tests follow changes to its greeting text.
async function helloResult(name: string): Promise<{ greeting: string }> {
  const reply = await runtime.invoke('hello', 'main', { name }, { env: 'test' });
  if (!reply.success) throw new Error(`hello.main failed: ${reply.errorMessage}`);
  return reply.result as { greeting: string };
}

describe('probe page end to end', () => {
  test('page event shows cloud result', async () => {
    const host = launch();
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
    const host = launch();
    const page = host.openPage(probeRoute);

    page.trigger('onGreet', { detail: { value: 'Ann' } });
    await host.settle();

    expect(host.my.calls('showLoading')).toHaveLength(1);
    expect(host.my.calls('hideLoading')).toHaveLength(1);
  });

  test('wrapper reply gives same page data', async () => {
    const host = launch({ replyShape: 'wrapper' });
    const page = host.openPage(probeRoute);
    const expected = await helloResult('Ann');

    page.trigger('onGreet', { detail: { value: 'Ann' } });
    await host.settle();

    expect(page.data.greeting).toBe(expected.greeting);
    expect(page.data.errorCode).toBe('');
  });

  test('invalid input shows INVALID_INPUT', async () => {
    const host = launch();
    const page = host.openPage(probeRoute);

    page.trigger('onGreet', { detail: { value: 'x'.repeat(41) } });
    await host.settle();

    expect(page.data.greeting).toBe('');
    expect(page.data.errorCode).toBe('INVALID_INPUT');
    expect(page.data.errorMessage).not.toBe('');
  });

  test('wrapper reply gives same error', async () => {
    const host = launch({ replyShape: 'wrapper' });
    const page = host.openPage(probeRoute);

    page.trigger('onGreet', { detail: { value: 'x'.repeat(41) } });
    await host.settle();

    expect(page.data.greeting).toBe('');
    expect(page.data.errorCode).toBe('INVALID_INPUT');
  });
});

describe('starter plugin end to end', () => {
  test('requirePlugin returns main exports', () => {
    const host = launch();

    const main = host.plugin(build.pluginAlias).main() as Record<string, unknown>;

    expect(Object.keys(main).length).toBeGreaterThan(0);
  });

  test('every public component mounts', async () => {
    const host = launch();

    for (const name of Object.keys(build.pluginJson.publicComponents ?? {})) {
      host.mountComponent(`plugin://${build.pluginAlias}/${name}`);
    }
    await host.settle();

    expect(host.consoleText('error')).toEqual([]);
  });
});
