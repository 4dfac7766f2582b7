// Compiles the type tests under tests/types/<target>/ with the TypeScript compiler API. Each file
// there marks the lines that must not compile with `@ts-expect-error`. An unused mark is itself a
// diagnostic, so a type check that stops failing fails this suite.
import path from 'node:path';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const typesRoot = path.resolve(__dirname, '../types');

function compile(target: string): string[] {
  const configPath = path.join(typesRoot, target, 'tsconfig.json');
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, host);
  if (!parsed) throw new Error(`Could not read ${configPath}`);

  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const diagnostics = [...parsed.errors, ...ts.getPreEmitDiagnostics(program)];
  return diagnostics.map(formatDiagnostic);
}

function formatDiagnostic(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!diagnostic.file || diagnostic.start === undefined) return message;

  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const file = path.relative(process.cwd(), diagnostic.file.fileName);
  return `${file}:${line + 1}:${character + 1} ${message}`;
}

function countExpectedErrors(target: string): number {
  const folder = path.join(typesRoot, target);
  return ts.sys
    .readDirectory(folder, ['.ts'])
    .map((file) => (ts.sys.readFile(file) ?? '').split('@ts-expect-error').length - 1)
    .reduce((sum, count) => sum + count, 0);
}

describe('contract type tests', () => {
  for (const target of ['client', 'plugin', 'server']) {
    it(`${target} types compile as expected`, () => {
      expect(compile(target)).toEqual([]);
    });

    it(`${target} types expect some errors`, () => {
      expect(countExpectedErrors(target)).toBeGreaterThan(2);
    });
  }
});
