// The type checker's work for a file that calls one cloud function must not grow with the number
// of functions in the contract. That keeps a type error in a page of a large app reported within
// a second. The work is counted as the types the checker creates, which unlike time is
// deterministic, for a contract of 5 functions and one of 80.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(__dirname, '../..');
const folders: string[] = [];

afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

/** A function export in the starter's contract shape, with two handlers. */
function functionExport(name: string): string {
  return `
export const ${name} = {
  list: handler({
    login: false,
    input: z.strictObject({ limit: z.number().int().min(1).max(100).default(20) }),
    result: z.object({ items: z.array(z.object({ id: z.string(), count: z.number() })) }),
  }),
  add: handler({
    login: true,
    input: z.strictObject({ title: z.string().trim().min(1).max(80) }),
    result: z.object({ id: z.string() }),
  }),
};
`;
}

const CLIENT_CALL = `import { createClient, type CloudLike } from '../contract/client';
import type { ResultOf } from '../contract/types';

declare const cloud: CloudLike;
const client = createClient(() => cloud);

export async function load(): Promise<ResultOf<'fn001', 'list'>['items']> {
  const { items } = await client.invoke('fn001', 'list', { limit: 20 });
  await client.http({ invokeName: 'fn001', handler: 'add', parameter: { title: 'New' } });
  return items;
}
`;

const SERVER_HANDLERS = `import { defineFunction } from '../contract/server';

export const { list, add } = defineFunction('fn001', {
  async list(input) {
    return { items: [{ id: String(input.limit), count: 0 }] };
  },
  async add(input) {
    return { id: input.title };
  },
});
`;

/** Writes a project with the repository's contract code plus `count` generated functions. */
function writeProject(count: number): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `type-cost-${count}-`));
  folders.push(root);
  fs.cpSync(path.join(REPO, 'contract'), path.join(root, 'contract'), { recursive: true });
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const names = Array.from(
    { length: count },
    (_, index) => `fn${String(index + 1).padStart(3, '0')}`,
  );
  fs.appendFileSync(path.join(root, 'contract', 'api.ts'), names.map(functionExport).join(''));
  fs.mkdirSync(path.join(root, 'src'));
  fs.writeFileSync(path.join(root, 'src', 'client-call.ts'), CLIENT_CALL);
  fs.writeFileSync(path.join(root, 'src', 'server-handlers.ts'), SERVER_HANDLERS);
  return root;
}

/** Checks one file of a fresh program and returns its errors and the types the checker made. */
function checkOne(root: string, file: string): { errors: string[]; types: number } {
  const program = ts.createProgram({
    rootNames: [path.join(root, 'src', file)],
    options: {
      target: ts.ScriptTarget.ES2019,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      lib: ['lib.es2020.d.ts'],
      strict: true,
      skipLibCheck: true,
      esModuleInterop: true,
      types: ['node'],
      typeRoots: [path.join(REPO, 'node_modules', '@types')],
      noEmit: true,
    },
  });
  const diagnostics = program.getSemanticDiagnostics(
    program.getSourceFile(path.join(root, 'src', file)),
  );
  const errors = diagnostics.map((diagnostic) =>
    ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
  );
  // getTypeCount is public at run time but missing from typescript.d.ts; tsc prints the same
  // number as "Types" under --extendedDiagnostics.
  const checker = program.getTypeChecker() as ts.TypeChecker & { getTypeCount(): number };
  return { errors, types: checker.getTypeCount() };
}

describe('contract type cost', () => {
  const small = writeProject(5);
  const large = writeProject(80);

  it.each(['client-call.ts', 'server-handlers.ts'])('stays flat for %s', (file) => {
    const few = checkOne(small, file);
    const many = checkOne(large, file);
    expect(few.errors).toEqual([]);
    expect(many.errors).toEqual([]);
    // Each added function adds its name's literal type and little else. Resolving the 75 extra
    // functions' schemas would add thousands of types.
    expect(many.types - few.types).toBeLessThan(400);
  });
});
