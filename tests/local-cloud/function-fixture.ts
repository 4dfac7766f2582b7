// Writes small hand-written cloud functions into a temporary build folder, laid out like
// `dist/server/<fn>/{index.js,package.json}`, so tests need no real build.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface FunctionFixture {
  /** The temporary build folder, to pass as distDir or --dist. */
  distDir: string;
  /** Writes (or overwrites) one function. */
  writeFunction(fn: string, code: string, notNeedLogin?: string[]): void;
  remove(): void;
}

/** Handlers of the `demo` function used across the runtime and CLI tests. */
export const DEMO_FUNCTION = `
exports.hello = async (context) => ({ greeting: 'hello ' + (context.data && context.data.name || 'you'), env: context.env });
exports.whoami = async (context) => ({ openId: context.openId, mixNick: context.mixNick, fcName: context.fcName });
exports.save = async (context) => {
  console.log('saving', context.data);
  const id = await context.cloud.db.collection('notes').insertOne({ text: context.data.text, owner: context.openId });
  return { id, count: await context.cloud.db.collection('notes').count({ owner: context.openId }) };
};
exports.fail = async () => { throw new Error('handler broke'); };
exports.failWithCode = async () => {
  const error = new Error('invalid input: name');
  error.name = 'ValidationError';
  error.code = 'INVALID_INPUT';
  throw error;
};
exports.callTop = async (context) => context.cloud.topApi.invoke({ api: 'taobao.time.get' });
`;

/** Creates an empty temporary build folder. */
export function createFunctionFixture(): FunctionFixture {
  const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-dist-'));
  fs.mkdirSync(path.join(distDir, 'server'));

  return {
    distDir,

    writeFunction(fn, code, notNeedLogin = []) {
      const dir = path.join(distDir, 'server', fn);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'index.js'), code);
      fs.writeFileSync(
        path.join(dir, 'package.json'),
        JSON.stringify(
          { name: fn, main: 'index.js', sdkVersion: '*', config: { notNeedLogin } },
          null,
          2,
        ),
      );
    },

    remove: () => fs.rmSync(distDir, { recursive: true, force: true }),
  };
}
