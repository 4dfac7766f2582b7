// The compiler hosts of a cold type check share parsed files between programs whose options
// differ only in `lib` and `types`, and parse again for any other difference.
import { describe, expect, it } from 'vitest';
import ts from 'typescript';

import { sharingSourceFiles } from '../../build/typecheck';

const base: ts.CompilerOptions = { target: ts.ScriptTarget.ES2019, strict: true, noEmit: true };
const libFile = (host: ts.CompilerHost) =>
  host.getSourceFile(host.getDefaultLibLocation!() + '/lib.es5.d.ts', ts.ScriptTarget.ES2019);

describe('sharingSourceFiles', () => {
  it('shares files across lib and types', () => {
    const compiler = sharingSourceFiles(ts);
    const client = compiler.createCompilerHost({ ...base, types: ['@mini-types/alipay'] });
    const server = compiler.createCompilerHost({
      ...base,
      types: ['node'],
      lib: ['lib.es2020.d.ts'],
    });
    expect(libFile(client)).toBeDefined();
    expect(libFile(server)).toBe(libFile(client));
  });

  it('parses again for other options', () => {
    const compiler = sharingSourceFiles(ts);
    const strict = compiler.createCompilerHost(base);
    const loose = compiler.createCompilerHost({ ...base, strict: false });
    expect(libFile(loose)).not.toBe(libFile(strict));
  });

  it('keeps the module otherwise', () => {
    const compiler = sharingSourceFiles(ts);
    expect(compiler.version).toBe(ts.version);
    expect(compiler.createProgram).toBe(ts.createProgram);
  });
});
