// Runs a cloud function of tests/contract/fixtures in the real runtime wrapper (faas-mini-app),
// from a temp folder that contains the bundled index.js and a package.json, as the IDE does.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { build } from 'esbuild';

import * as contract from '../../../contract/api';
import { notNeedLogin } from '../../../contract/define';

/** The reply the runtime wraps every call in. */
export interface RuntimeReply {
  success: boolean;
  errorCode?: unknown;
  errorMessage: string;
  result: unknown;
  log: string;
  ts: number;
}

export interface FunctionRuntime {
  /** Sends one event (`handler`, `data`, `openId`...) and returns the runtime's reply. */
  invoke(event: Record<string, unknown>): Promise<RuntimeReply>;
  /** The handlers that ran, in order, as recorded through the fake cloud. */
  handlerRuns: string[];
  close(): Promise<void>;
}

interface FaasRuntime {
  initializer(context: object, callback: (error?: unknown) => void): void;
  handler(
    event: Buffer,
    context: { requestId: string },
    callback: (error: unknown, reply: RuntimeReply) => void,
  ): void;
}

let requestCount = 0;

export async function startFunction(fnName: keyof typeof contract): Promise<FunctionRuntime> {
  const baseDir = await mkdtemp(path.join(os.tmpdir(), `contract-${fnName}-`));

  await build({
    entryPoints: [path.resolve(__dirname, '../fixtures', `${fnName}.ts`)],
    outfile: path.join(baseDir, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
  });
  const config = { notNeedLogin: notNeedLogin(contract)[fnName] };
  await writeFile(
    path.join(baseDir, 'package.json'),
    JSON.stringify({ name: fnName, main: 'index.js', sdkVersion: '*', config }),
  );

  const handlerRuns: string[] = [];
  const fakeCloud = {
    sdkVersion: 'contract-test',
    db: {
      collection: () => ({
        insertOne: async (document: { handler: string }) => {
          handlerRuns.push(document.handler);
          return 'run';
        },
      }),
    },
  };

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const faas = require('faas-mini-app') as { handler(options: object): FaasRuntime };
  const runtime = faas.handler({ baseDir, debug: false, cloudSDK: () => fakeCloud });
  await new Promise<void>((resolve, reject) => {
    runtime.initializer({}, (error) => (error ? reject(error) : resolve()));
  });

  return {
    handlerRuns,
    invoke(event) {
      requestCount += 1;
      const requestId = `req-${requestCount}`;
      const payload = Buffer.from(JSON.stringify({ fcName: fnName, ...event }));
      return new Promise((resolve, reject) => {
        runtime.handler(payload, { requestId }, (error, reply) => {
          if (error) reject(error);
          else resolve(reply);
        });
      });
    },
    close: () => rm(baseDir, { recursive: true, force: true }),
  };
}
