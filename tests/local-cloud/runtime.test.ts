import fs from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createMemoryDatabase } from '../../local-cloud/cloud';
import {
  createFunctionRunner,
  createLocalRuntime,
  LocalRuntimeError,
} from '../../local-cloud/runtime';
import { createFunctionFixture, DEMO_FUNCTION, type FunctionFixture } from './function-fixture';

let fixture: FunctionFixture;

beforeEach(() => {
  fixture = createFunctionFixture();
  fixture.writeFunction('demo', DEMO_FUNCTION, ['hello']);
});

afterEach(() => {
  fixture.remove();
});

describe('createFunctionRunner', () => {
  it('runs a handler and wraps result', async () => {
    const runner = createFunctionRunner({ distDir: fixture.distDir, fn: 'demo' });

    const reply = await runner.invoke('hello', { name: 'Ada' }, { env: 'test' });

    expect(reply.success).toBe(true);
    expect(reply.errorCode).toBe(0);
    expect(reply.result).toEqual({ greeting: 'hello Ada', env: 'test' });
    expect(reply.sdkVersion).toBe('local-cloud');
  });

  it('rejects data too deep to serialize', async () => {
    const runner = createFunctionRunner({ distDir: fixture.distDir, fn: 'demo' });
    let data: unknown = 'leaf';
    for (let depth = 0; depth < 20_000; depth += 1) data = [data];

    const call = runner.invoke('hello', { name: data }, { env: 'test' });

    await expect(call).rejects.toBeInstanceOf(LocalRuntimeError);
    await expect(call).rejects.toThrow(/cannot be sent as JSON.*send less deeply nested data/);
  });

  it('copies caller fields onto context', async () => {
    const runner = createFunctionRunner({ distDir: fixture.distDir, fn: 'demo' });

    const reply = await runner.invoke('whoami', {}, { openId: 'u1', mixNick: 'nick' });

    expect(reply.result).toEqual({ openId: 'u1', mixNick: 'nick', fcName: 'demo' });
  });

  it('rejects login handler without openId', async () => {
    const runner = createFunctionRunner({ distDir: fixture.distDir, fn: 'demo' });

    const reply = await runner.invoke('whoami', {});

    expect(reply.success).toBe(false);
    expect(reply.errorCode).toBe(-1);
    expect(reply.errorMessage).toBe('user not login, handler = whoami');
  });

  it('runs notNeedLogin handler anonymously', async () => {
    const runner = createFunctionRunner({ distDir: fixture.distDir, fn: 'demo' });

    expect((await runner.invoke('hello', {})).success).toBe(true);
  });

  it('replies failure for unknown handler', async () => {
    const runner = createFunctionRunner({ distDir: fixture.distDir, fn: 'demo' });

    const reply = await runner.invoke('missing', {}, { openId: 'u1' });

    expect(reply.success).toBe(false);
    expect(reply.errorMessage).toBe('the handler = missing not found');
  });

  it('replies failure for thrown error', async () => {
    const runner = createFunctionRunner({ distDir: fixture.distDir, fn: 'demo' });

    const reply = await runner.invoke('fail', {}, { openId: 'u1' });

    expect(reply.success).toBe(false);
    expect(reply.errorMessage).toBe('handler broke');
    expect(reply.result).toBe('');
    expect(reply.log).toContain('Error: handler broke');
  });

  it('keeps a named error code', async () => {
    const runner = createFunctionRunner({ distDir: fixture.distDir, fn: 'demo' });

    const reply = await runner.invoke('failWithCode', {}, { openId: 'u1' });

    expect(reply.errorCode).toBe('INVALID_INPUT');
    expect(reply.errorMessage).toBe('invalid input: name');
  });

  it('records console output in log', async () => {
    const runner = createFunctionRunner({ distDir: fixture.distDir, fn: 'demo' });

    const reply = await runner.invoke('save', { text: 'hi' }, { openId: 'u1' });

    expect(reply.success).toBe(true);
    expect(reply.log).toContain('[log] ["saving",{"text":"hi"}]');
  });

  it('reports not-emulated API in reply', async () => {
    const runner = createFunctionRunner({ distDir: fixture.distDir, fn: 'demo' });

    const reply = await runner.invoke('callTop', {}, { openId: 'u1' });

    expect(reply.success).toBe(false);
    expect(reply.errorCode).toBe('NOT_EMULATED');
    expect(reply.errorMessage).toMatch(/cloud\.topApi\.invoke is not available in the local cloud/);
  });

  it('uses the given database', async () => {
    const db = createMemoryDatabase();
    const runner = createFunctionRunner({ distDir: fixture.distDir, fn: 'demo', cloud: { db } });

    await runner.invoke('save', { text: 'a' }, { openId: 'u1' });

    expect(await db.collection('notes').find({}, { projection: { _id: 0 } })).toEqual([
      { text: 'a', owner: 'u1' },
    ]);
  });

  it('lists exported handlers', () => {
    const runner = createFunctionRunner({ distDir: fixture.distDir, fn: 'demo' });

    expect(runner.handlers()).toEqual([
      'hello',
      'whoami',
      'save',
      'fail',
      'failWithCode',
      'callTop',
    ]);
  });

  it('keeps code until reload', async () => {
    fixture.writeFunction('changing', "exports.main = async () => 'first';", ['main']);
    const runner = createFunctionRunner({ distDir: fixture.distDir, fn: 'changing' });
    expect((await runner.invoke('main', {})).result).toBe('first');

    fixture.writeFunction('changing', "exports.main = async () => 'second';", ['main']);
    expect((await runner.invoke('main', {})).result).toBe('first');

    runner.reload();
    expect((await runner.invoke('main', {})).result).toBe('second');
  });

  it('rejects a function that throws on load', async () => {
    fixture.writeFunction('broken', "throw new Error('bad top level');");
    const runner = createFunctionRunner({ distDir: fixture.distDir, fn: 'broken' });

    const call = runner.invoke('main', {}, { openId: 'u1' });

    await expect(call).rejects.toMatchObject({ code: 'FUNCTION_LOAD_FAILED' });
    await expect(call).rejects.toThrow(/broken[/\\]index\.js: could not be loaded: bad top level/);
  });

  it('rejects an unknown function', () => {
    expect(() => createFunctionRunner({ distDir: fixture.distDir, fn: 'nope' })).toThrow(
      /cloud function "nope" not found .*\(functions: demo\)/,
    );
  });

  it('rejects a missing build', () => {
    fs.rmSync(path.join(fixture.distDir, 'server'), { recursive: true });

    const create = () => createFunctionRunner({ distDir: fixture.distDir, fn: 'demo' });

    expect(create).toThrow(LocalRuntimeError);
    expect(create).toThrow(/run npm run build:test \(or npm run dev\) first/);
  });
});

describe('createLocalRuntime', () => {
  it('shares one database across functions', async () => {
    fixture.writeFunction(
      'reader',
      "exports.main = async (context) => context.cloud.db.collection('notes').count();",
    );
    const runtime = createLocalRuntime({ distDir: fixture.distDir });

    await runtime.invoke('demo', 'save', { text: 'x' }, { openId: 'u1' });
    const reply = await runtime.invoke('reader', 'main', {}, { openId: 'u1' });

    expect(reply.result).toBe(1);
  });

  it('lists built functions', () => {
    fixture.writeFunction('other', 'exports.main = async () => 1;');
    fs.mkdirSync(path.join(fixture.distDir, 'server', 'not-a-function'));

    expect(createLocalRuntime({ distDir: fixture.distDir }).functions()).toEqual(['demo', 'other']);
  });

  it('rejects an unknown function', async () => {
    const runtime = createLocalRuntime({ distDir: fixture.distDir });

    await expect(runtime.invoke('nope', 'main', {})).rejects.toMatchObject({
      code: 'FUNCTION_NOT_FOUND',
    });
  });

  it('caches one runner per function', () => {
    const runtime = createLocalRuntime({ distDir: fixture.distDir });

    expect(runtime.runner('demo')).toBe(runtime.runner('demo'));
  });
});
