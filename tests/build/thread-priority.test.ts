// lowerThreadPriority lowers the priority of the calling thread only: the type check's worker,
// started before, keeps its own. Run in worker threads so the test runner's thread is untouched.
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

import { describe, expect, it } from 'vitest';

const BUILD_TASK = path.resolve(__dirname, '../../build/tasks/build.ts');

/** Runs `body` in a worker with esbuild-register and returns what it posts. */
function inWorker(body: string): Promise<unknown> {
  const worker = new Worker(
    `require('esbuild-register/dist/node').register();
     const { parentPort, workerData } = require('node:worker_threads');
     const os = require('node:os');
     ${body}`,
    { eval: true, workerData: { buildTask: BUILD_TASK } },
  );
  return new Promise((resolve, reject) => {
    worker.once('message', (message) => {
      void worker.terminate();
      resolve(message);
    });
    worker.once('error', reject);
  });
}

describe.runIf(os.platform() === 'linux')('lowerThreadPriority', () => {
  it('lowers only the calling thread', async () => {
    const priorities = await inWorker(`
      const { Worker } = require('node:worker_threads');
      const sibling = new Worker(
        "require('node:worker_threads').parentPort.on('message', () => require('node:worker_threads').parentPort.postMessage(require('node:os').getPriority()))",
        { eval: true },
      );
      require(workerData.buildTask).lowerThreadPriority();
      sibling.once('message', (siblingPriority) => {
        void sibling.terminate();
        parentPort.postMessage({ caller: os.getPriority(), sibling: siblingPriority });
      });
      sibling.postMessage('report');
    `);
    // A process already running at a lower priority cannot be raised back to 10.
    expect(priorities).toEqual({
      caller: Math.max(10, os.getPriority()),
      sibling: os.getPriority(),
    });
  });
});
