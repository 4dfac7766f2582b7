// The whole call path: typed client, real cloud SDK, `my.sendMtop`, real runtime wrapper
// (faas-mini-app) and defineFunction. The test plays the gateway between `my.sendMtop` and the
// runtime in both reply shapes a gateway may use: the bare result, and the runtime's wrapper.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { createClient } from '../../contract/client';
import type { CloudError } from '../../contract/errors';
import { createSdkCloud } from './helpers/cloud-sdk';
import { startFunction } from './helpers/function-runtime';
import type { FunctionRuntime } from './helpers/function-runtime';
import { installMiniProgram, mtopFunctionError, mtopResult } from './helpers/mini-program';
import type { FunctionRequest, MtopAnswer } from './helpers/mini-program';

type GatewayMode = 'bare result' | 'wrapper';

const runtimes: Record<string, FunctionRuntime> = {};

beforeAll(async () => {
  runtimes.favorites = await startFunction('favorites');
  runtimes.omsBase = await startFunction('omsBase');
});

afterAll(async () => {
  for (const runtime of Object.values(runtimes)) await runtime.close();
});

beforeEach(() => {
  // The SDK prints every mtop request with console.log.
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function answerFromRuntime(request: FunctionRequest, mode: GatewayMode): Promise<MtopAnswer> {
  const runtime = runtimes[request.fcName];
  const event = { handler: request.handler, data: request.input, openId: 'user-1' };
  const reply = await runtime.invoke(event);

  if (mode === 'wrapper') return mtopResult(reply);
  if (reply.success) return mtopResult(reply.result);
  return mtopFunctionError(reply.errorCode, reply.errorMessage);
}

async function clientThrough(mode: GatewayMode) {
  installMiniProgram((request) => answerFromRuntime(request, mode));
  const cloud = await createSdkCloud();
  return createClient(() => cloud);
}

async function rejectionOf(promise: Promise<unknown>): Promise<CloudError> {
  return promise.then(
    () => {
      throw new Error('Expected the call to reject.');
    },
    (error: CloudError) => error,
  );
}

for (const mode of ['bare result', 'wrapper'] as const) {
  describe(`client to runtime, ${mode}`, () => {
    it('returns the handler result', async () => {
      const client = await clientThrough(mode);

      const favorite = await client.invoke('favorites', 'add', { title: 'Tea' });

      expect(favorite).toEqual({ id: 'f1', title: 'Tea', note: '', createdAt: 1, updatedAt: 1 });
    });

    it('reports the invalid field', async () => {
      const client = await clientThrough(mode);

      const error = await rejectionOf(client.invoke('favorites', 'add', { title: 'x'.repeat(81) }));

      expect(error.code).toBe('INVALID_INPUT');
      expect(error.field).toBe('title');
      expect(error.message).toBe('input.title: Too big: expected string to have <=80 characters');
    });

    it('reports an unknown field', async () => {
      const client = await clientThrough(mode);
      const input = { id: 'f1', owner: 'someone-else' } as { id: string };

      const error = await rejectionOf(client.invoke('favorites', 'remove', input));

      expect(error.code).toBe('INVALID_INPUT');
      expect(error.field).toBe('owner');
    });

    it('passes a business error code', async () => {
      const client = await clientThrough(mode);

      const error = await rejectionOf(client.invoke('favorites', 'update', { id: 'f9' }));

      expect(error.code).toBe('FAVORITE_NOT_FOUND');
      expect(error.message).toBe('No favorite with id f9.');
    });

    it('keeps a backend success field', async () => {
      const client = await clientThrough(mode);

      const result = await client.invoke('omsBase', 'omsHttp', { api: '/orders/detail' });

      expect(result).toEqual({
        success: false,
        errorMessage: 'The order is locked.',
        api: '/orders/detail',
      });
    });
  });
}
