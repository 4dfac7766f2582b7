// The benchmark's floors: the same sources compiled with no build tool around the compilers, in
// one process. Run as `node -r esbuild-register bench/floor.ts <tsc|esbuild> <app root>`.
//   tsc      type check and emit client, plugin and server with their tsconfigs, then Less
//   esbuild  transpile every .ts file with esbuild (no type check), then Less
// It prints one JSON line: { mode, compileMs, lessMs, diagnostics, files }.
// Like `tsc` itself, a floor writes over its previous output (in .floor-<mode>/ of the app), as
// the build writes over the output it set aside. The first run of each creates every file.
import fs from 'node:fs';
import path from 'node:path';

import { build } from 'esbuild';
import less from 'less';
import { glob } from 'tinyglobby';
import ts from 'typescript';

const PROGRAMS = ['client', 'plugin', 'server'];
const SOURCE_IGNORE = ['**/node_modules/**', '**/*.d.ts', '**/*.test.ts', 'dist/**'];

/** Type checks and emits each program; returns the number of diagnostics. */
function compileWithTsc(root: string, outDir: string): number {
  let diagnostics = 0;
  for (const program of PROGRAMS) {
    const configFile = path.join(root, program, 'tsconfig.json');
    const parsed = ts.getParsedCommandLineOfConfigFile(
      configFile,
      { noEmit: false, outDir: path.join(outDir, program), rootDir: root, sourceMap: true },
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
    );
    if (!parsed) throw new Error(`${configFile}: cannot be read as a tsconfig`);
    const tsProgram = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
    diagnostics += ts.getPreEmitDiagnostics(tsProgram).length;
    tsProgram.emit();
  }
  return diagnostics;
}

/** Transpiles every TypeScript source of the three programs and the contract with esbuild. */
async function compileWithEsbuild(root: string, outDir: string): Promise<number> {
  const entryPoints = await glob(
    ['client/**/*.ts', 'plugin/**/*.ts', 'server/**/*.ts', 'contract/**/*.ts'],
    {
      cwd: root,
      absolute: true,
      ignore: SOURCE_IGNORE,
    },
  );
  await build({
    entryPoints,
    outdir: outDir,
    outbase: root,
    bundle: false,
    format: 'cjs',
    target: 'es2015',
    sourcemap: 'external',
    logLevel: 'silent',
  });
  return entryPoints.length;
}

/** Renders every non-partial Less file of the client and the plugin. */
async function renderLess(root: string, outDir: string): Promise<number> {
  const files = await glob(['client/**/*.less', 'plugin/**/*.less'], {
    cwd: root,
    absolute: true,
    ignore: SOURCE_IGNORE,
  });
  const rendered = files.filter((file) => !path.basename(file).startsWith('_'));
  await Promise.all(
    rendered.map(async (file) => {
      const output = await less.render(fs.readFileSync(file, 'utf8'), {
        filename: file,
        math: 'parens-division',
      });
      const outFile = path.join(outDir, path.relative(root, file).replace(/\.less$/, '.acss'));
      // Written synchronously, as the build writes: see BuildEngine.writeFile.
      fs.mkdirSync(path.dirname(outFile), { recursive: true });
      fs.writeFileSync(outFile, output.css);
    }),
  );
  return rendered.length;
}

async function main(): Promise<void> {
  const [mode, rootArgument] = process.argv.slice(2);
  if ((mode !== 'tsc' && mode !== 'esbuild') || !rootArgument) {
    throw new Error('usage: node -r esbuild-register bench/floor.ts <tsc|esbuild> <app root>');
  }
  const root = path.resolve(rootArgument);
  const outDir = path.join(root, `.floor-${mode}`);

  const started = performance.now();
  const result =
    mode === 'tsc'
      ? { diagnostics: compileWithTsc(root, outDir), files: 0 }
      : { diagnostics: 0, files: await compileWithEsbuild(root, outDir) };
  const compileMs = performance.now() - started;
  const lessFiles = await renderLess(root, outDir);
  const lessMs = performance.now() - started - compileMs;

  console.log(JSON.stringify({ mode, compileMs, lessMs, lessFiles, ...result }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
