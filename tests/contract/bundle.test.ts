// What the client and plugin output contains: the typed client bundles without zod and without
// the contract's schemas, which it only uses for types.
import path from 'node:path';

import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

async function bundle(entry: string): Promise<{ text: string; inputs: string[] }> {
  const result = await build({
    entryPoints: [path.resolve(__dirname, '../../contract', entry)],
    bundle: true,
    write: false,
    metafile: true,
    format: 'cjs',
    target: 'es2015',
    platform: 'neutral',
    logLevel: 'silent',
  });
  return { text: result.outputFiles[0].text, inputs: Object.keys(result.metafile.inputs) };
}

describe('client bundle', () => {
  it('includes no zod or schemas', async () => {
    const { inputs } = await bundle('client.ts');

    expect(inputs.filter((input) => input.includes('zod'))).toEqual([]);
    const serverOnly = /contract\/(api|define|validate|server)\.ts$/;
    expect(inputs.filter((input) => serverOnly.test(input))).toEqual([]);
  });

  it('reads the global my', async () => {
    const { text } = await bundle('client.ts');

    expect(text).toContain('my.showLoading(');
    expect(text).toContain('my.hideLoading()');
  });

  it('keeps errors free of imports', async () => {
    const { inputs } = await bundle('errors.ts');

    expect(inputs).toEqual(['contract/errors.ts']);
  });
});
