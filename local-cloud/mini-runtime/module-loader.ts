// A CommonJS loader that evaluates the files of one target folder (dist/client or dist/plugin)
// inside one vm context. Each file runs once; later requires return the cached exports.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** One evaluated file and its exports, as in Node's `module` object. */
export interface LoadedModule {
  id: string;
  filename: string;
  exports: unknown;
  loaded: boolean;
}

const wrapperParams = ['exports', 'require', 'module', '__filename', '__dirname'];

export class ModuleLoader {
  private readonly cache = new Map<string, LoadedModule>();

  constructor(
    readonly root: string,
    private readonly context: vm.Context,
  ) {}

  /** Requires `request` as the file `fromFile` would (a root-relative request uses the root). */
  require(request: string, fromFile = path.join(this.root, 'app.js')): unknown {
    const filename = this.resolve(request, fromFile);
    return this.load(filename).exports;
  }

  /** Requires an absolute file name that `resolve` returned. */
  requireResolved(filename: string): unknown {
    return this.load(filename).exports;
  }

  /** Returns the absolute file `request` names, or throws naming the request and the caller. */
  resolve(request: string, fromFile: string): string {
    if (builtinModules.includes(request) || request.startsWith('node:')) {
      throw new Error(
        `${this.relative(fromFile)}: require('${request}') names a Node built-in module, ` +
          'which mini-programs do not have. Remove the import or use a my.* API instead.',
      );
    }

    const resolved = isPathRequest(request)
      ? this.resolvePath(request, fromFile)
      : this.resolvePackage(request, fromFile);

    if (!resolved) {
      throw new Error(
        `${this.relative(fromFile)}: require('${request}') was not found inside ${this.root}. ` +
          'Check the path, or that the build copied the package into node_modules.',
      );
    }
    return resolved;
  }

  private resolvePath(request: string, fromFile: string): string | undefined {
    const base = request.startsWith('/') ? this.root : path.dirname(fromFile);
    const target = path.resolve(base, request.replace(/^\/+/, ''));
    this.assertInsideRoot(target, request, fromFile);
    return findFile(target);
  }

  // Walks up from the caller's folder to the root, like Node, but never above the root.
  private resolvePackage(request: string, fromFile: string): string | undefined {
    const { packageName, subpath } = splitPackageRequest(request);
    let folder = path.dirname(fromFile);

    while (isInside(this.root, folder)) {
      const packageFolder = path.join(folder, 'node_modules', packageName);
      if (fs.existsSync(packageFolder)) {
        const target = subpath
          ? path.join(packageFolder, subpath)
          : path.join(packageFolder, readPackageMain(packageFolder));
        this.assertInsideRoot(target, request, fromFile);
        return findFile(target);
      }
      if (folder === this.root) break;
      folder = path.dirname(folder);
    }
    return undefined;
  }

  private assertInsideRoot(target: string, request: string, fromFile: string): void {
    if (isInside(this.root, target)) return;
    throw new Error(
      `${this.relative(fromFile)}: require('${request}') leaves the target folder ${this.root}. ` +
        'Each uploaded folder must be self-contained: copy the file into it at build time.',
    );
  }

  private load(filename: string): LoadedModule {
    const cached = this.cache.get(filename);
    if (cached) return cached;

    const module: LoadedModule = { id: filename, filename, exports: {}, loaded: false };
    this.cache.set(filename, module);

    if (filename.endsWith('.json')) {
      module.exports = this.parseJson(filename);
      module.loaded = true;
      return module;
    }

    try {
      this.evaluate(module);
    } catch (error) {
      this.cache.delete(filename);
      throw error;
    }
    module.loaded = true;
    return module;
  }

  private evaluate(module: LoadedModule): void {
    const code = fs.readFileSync(module.filename, 'utf8');
    const compiled = vm.compileFunction(code, wrapperParams, {
      filename: module.filename,
      parsingContext: this.context,
    });
    const localRequire = (request: string) => this.require(request, module.filename);
    compiled.call(
      module.exports,
      module.exports,
      localRequire,
      module,
      module.filename,
      path.dirname(module.filename),
    );
  }

  // Parses in the context's realm so JSON objects share the prototypes of the code using them.
  private parseJson(filename: string): unknown {
    const parse = vm.runInContext('JSON.parse', this.context) as (text: string) => unknown;
    try {
      return parse(fs.readFileSync(filename, 'utf8'));
    } catch (error) {
      throw new Error(`${filename}: invalid JSON (${(error as Error).message}).`);
    }
  }

  private relative(file: string): string {
    return path.relative(this.root, file) || file;
  }
}

function isPathRequest(request: string): boolean {
  return request.startsWith('./') || request.startsWith('../') || request.startsWith('/');
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function splitPackageRequest(request: string): { packageName: string; subpath: string } {
  const parts = request.split('/');
  const nameLength = request.startsWith('@') ? 2 : 1;
  return {
    packageName: parts.slice(0, nameLength).join('/'),
    subpath: parts.slice(nameLength).join('/'),
  };
}

function readPackageMain(packageFolder: string): string {
  const manifest = path.join(packageFolder, 'package.json');
  if (!fs.existsSync(manifest)) return 'index.js';

  const parsed = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { main?: string };
  return parsed.main || 'index.js';
}

// Tries the path as given, then with .js and .json, then as a folder with index.js.
function findFile(target: string): string | undefined {
  const candidates = [target, `${target}.js`, `${target}.json`, path.join(target, 'index.js')];
  return candidates.find((candidate) => isFile(candidate));
}

function isFile(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}
