// What the build reads from contract/api.ts: the handlers that need no login, and clear errors
// when the file cannot be loaded or exports something that is not a cloud function.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { loadNotNeedLogin } from '../../build/contract-info';
import type { SourceError } from '../../build/log';

const roots: string[] = [];

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

function projectWith(contract: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-info-'));
  roots.push(root);
  fs.mkdirSync(path.join(root, 'contract'));
  fs.writeFileSync(path.join(root, 'contract', 'api.ts'), contract);
  return root;
}

function loadErrors(contract: string): SourceError[] {
  try {
    loadNotNeedLogin(projectWith(contract));
  } catch (error) {
    return error as SourceError[];
  }
  throw new Error('expected the contract to be rejected');
}

const HELLO = 'export const hello = { main: { login: false }, secret: { login: true } };\n';

describe('loadNotNeedLogin', () => {
  it('lists handlers without login', () => {
    const { lists, contract } = loadNotNeedLogin(projectWith(HELLO));
    expect(lists).toEqual({ hello: ['main'] });
    expect(contract.kind).toBe('loaded');
  });

  it('reports a syntax error with position', () => {
    const [error] = loadErrors(`${HELLO}export const broken = {\n`);
    expect(error.message).toBe('failed to load: Expected identifier but found end of file');
    expect(error.line).toBe(3);
    expect(error.column).toBe(1);
  });

  it.each([
    ['export const NONE = null;', 'export "NONE" is not a cloud function (it is null)'],
    ['export const LIMIT = 5;', 'export "LIMIT" is not a cloud function (it is a number)'],
    ['export const schema = { _zod: {} };', '(it is a zod schema)'],
    ['export const odd = { main: { login: "no" } };', '("main" has no boolean login)'],
  ])('rejects %s', (line, message) => {
    const errors = loadErrors(`${HELLO}${line}\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain(message);
    expect(errors[0].message).toContain('keep shared schemas and values unexported');
  });
});
