// Cutting contract/api.ts down to one cloud function's export, and finding the imports that
// such a cut would break.
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { foreignContractImports, sliceContract } from '../../build/compile/contract-slice';

const CONTRACT = `// The contract.
import { z } from 'zod';

import { handler } from './define';

const item = z.object({ id: z.string() });
const unused = z.string();

export const first = {
  main: handler({ login: false, input: z.strictObject({}), result: item }),
};

export const second = {
  main: handler({ login: true, input: z.strictObject({}), result: z.object({}) }),
};

export type Item = z.infer<typeof item>;
`;

const CONTRACT_FILE = path.join('/project', 'contract', 'api.ts');

describe('sliceContract', () => {
  const first = sliceContract(CONTRACT_FILE, CONTRACT, 'first');

  it('keeps the own export', () => {
    expect(first).toContain('export const first = {');
  });

  it('drops other function exports', () => {
    expect(first).not.toContain('second');
  });

  it('keeps used shared schemas', () => {
    expect(first).toContain('const item = z.object');
  });

  it('drops unused declarations', () => {
    expect(first).not.toContain('unused');
  });

  it('keeps imports and comments', () => {
    expect(first).toContain("import { z } from 'zod';");
    expect(first).toContain("import { handler } from './define';");
    expect(first).toContain('// The contract.');
  });

  it('keeps every line in place', () => {
    expect(first.split('\n')).toHaveLength(CONTRACT.split('\n').length);
    const line = CONTRACT.split('\n').indexOf('export const first = {');
    expect(first.split('\n')[line]).toBe('export const first = {');
  });

  it('keeps a used function export', () => {
    const text = `${CONTRACT}export const third = { main: first.main };\n`;
    const third = sliceContract(CONTRACT_FILE, text, 'third');
    expect(third).toContain('export const first = {');
    expect(third).not.toContain('export const second');
  });

  it('returns unknown functions whole', () => {
    expect(sliceContract(CONTRACT_FILE, CONTRACT, 'missing')).toBe(CONTRACT);
  });
});

describe('foreignContractImports', () => {
  const file = path.join('/project', 'server', 'first', 'index.ts');
  const resolve = (specifier: string) =>
    specifier === '../../contract/api' ? CONTRACT_FILE : undefined;
  const find = (source: string) =>
    foreignContractImports(file, source, CONTRACT_FILE, CONTRACT, 'first', resolve);

  it('allows the own export', () => {
    expect(find("import { first } from '../../contract/api';\n")).toEqual([]);
  });

  it('allows type imports', () => {
    expect(find("import type { second } from '../../contract/api';\n")).toEqual([]);
    expect(find("import { type second, type Item } from '../../contract/api';\n")).toEqual([]);
  });

  it('allows other modules', () => {
    expect(find("import { second } from './local';\n")).toEqual([]);
  });

  it('finds another function export', () => {
    expect(find("// x\nimport { first, second } from '../../contract/api';\n")).toEqual([
      { name: 'second', line: 2, column: 17 },
    ]);
  });

  it('finds a renamed import', () => {
    expect(find("import { second as other } from '../../contract/api';\n")).toEqual([
      { name: 'second', line: 1, column: 10 },
    ]);
  });

  it('finds a re-export', () => {
    expect(find("export { second } from '../../contract/api';\n")).toEqual([
      { name: 'second', line: 1, column: 10 },
    ]);
    expect(find("export * from '../../contract/api';\n")).toEqual([
      { name: '*', line: 1, column: 1 },
    ]);
  });

  it('allows whole imports when told', () => {
    const source =
      "import * as api from '../../contract/api';\nimport { second } from '../../contract/api';\n";
    const found = foreignContractImports(file, source, CONTRACT_FILE, CONTRACT, '', resolve, true);
    expect(found).toEqual([{ name: 'second', line: 2, column: 10 }]);
  });

  it('finds a dynamic import', () => {
    const source = "export async function f() {\n  return import('../../contract/api');\n}\n";
    expect(find(source)).toEqual([{ name: '*', line: 2, column: 10 }]);
  });

  it('finds a namespace import', () => {
    expect(find("import * as api from '../../contract/api';\n")).toEqual([
      { name: '*', line: 1, column: 8 },
    ]);
  });
});
