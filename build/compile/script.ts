// TypeScript to CommonJS for one source file: esbuild strips the types per file, then every
// require() is checked and rewritten so that the output never points outside its target.
import { builtinModules } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

import { transform, type TransformFailure } from 'esbuild';

import { SourceError } from '../log';
import { isInside, outputPath, type Project, type Target } from '../project';

export interface ScriptOutput {
  outFile: string;
  code: string;
  map: string;
  /** Shared source files this file requires; each must be emitted into the same target. */
  shared: string[];
  /** npm package names this file requires. */
  packages: string[];
}

const RESOLVE_SUFFIXES = ['', '.ts', '.js', '/index.ts', '/index.js'];
const REQUIRE_CALL = /\brequire\((["'])([^"'\n]+)\1\)/g;
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Resolves a relative import to a source file, trying the usual extensions. */
export function resolveImport(fromFile: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const suffix of RESOLVE_SUFFIXES) {
    const candidate = base + suffix;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Returns the package name of a bare import: `zod` or `@scope/name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Converts an esbuild failure into source errors with 1-based columns. */
function toSourceErrors(file: string, failure: TransformFailure): SourceError[] {
  return failure.errors.map(
    (message) =>
      new SourceError(
        file,
        message.text,
        message.location?.line,
        message.location ? message.location.column + 1 : undefined,
      ),
  );
}

/** Compiles one TypeScript (or JavaScript) file for `target`. Throws SourceError[] on failure. */
export async function compileScript(
  project: Project,
  target: Target,
  file: string,
  source: string,
): Promise<ScriptOutput> {
  const outFile = outputPath(project, target, file, '.js');
  let result;
  try {
    result = await transform(source, {
      loader: file.endsWith('.ts') ? 'ts' : 'js',
      format: 'cjs',
      target: target.esTarget,
      sourcemap: 'external',
      sourcefile: path.relative(path.dirname(outFile), file),
      define: target.define,
      // import() becomes a require() in a promise, which both runtimes have and which the
      // require checks below then see.
      supported: { 'dynamic-import': false },
      charset: 'utf8',
      logLevel: 'silent',
    });
  } catch (error) {
    if ((error as TransformFailure).errors) throw toSourceErrors(file, error as TransformFailure);
    throw error;
  }

  const errors: SourceError[] = [];
  const shared = new Set<string>();
  const packages = new Set<string>();
  const code = result.code.replace(REQUIRE_CALL, (call, quote: string, specifier: string) => {
    if (!specifier.startsWith('.')) {
      if (BUILTINS.has(specifier) && target.kind === 'mini') {
        errors.push(
          new SourceError(
            file,
            `"${specifier}" is a Node.js module; the mini-program runtime has none`,
          ),
        );
      } else if (!BUILTINS.has(specifier)) {
        packages.add(packageName(specifier));
      }
      return call;
    }

    const resolved = resolveImport(file, specifier);
    if (!resolved) {
      errors.push(new SourceError(file, `cannot resolve import "${specifier}"`));
      return call;
    }
    const inTarget = isInside(target.srcDir, resolved);
    if (!inTarget && !isInside(project.sharedDir, resolved)) {
      const allowed = `${path.relative(project.root, target.srcDir)}/ or contract/`;
      errors.push(
        new SourceError(
          file,
          `import "${specifier}" leaves ${allowed}; move the code into one of them`,
        ),
      );
      return call;
    }
    if (!inTarget) shared.add(resolved);

    const resolvedOut = outputPath(project, target, resolved, '.js');
    let rewritten = path.relative(path.dirname(outFile), resolvedOut).replace(/\.js$/, '');
    rewritten = rewritten.split(path.sep).join('/');
    if (!rewritten.startsWith('.')) rewritten = `./${rewritten}`;
    return `require(${quote}${rewritten}${quote})`;
  });
  if (errors.length > 0) throw errors;

  return { outFile, code, map: result.map, shared: [...shared], packages: [...packages] };
}
