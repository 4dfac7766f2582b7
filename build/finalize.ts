// Steps that look at a whole target rather than one file: the app and plugin manifests, the npm
// packages a target imports, each cloud function's package.json, and dist/mini.project.json.
import fs from 'node:fs';
import path from 'node:path';

import type { BuildEngine } from './engine';
import { locateString, parseJson } from './compile/json';
import { SourceError } from './log';
import { loadNotNeedLogin } from './contract-info';
import type { Project, Target } from './project';

/** Runs the whole-target steps for `targets` (and the project file) and returns the errors. */
export async function finalizeTargets(
  engine: BuildEngine,
  targets: Target[],
  writeProject: boolean,
): Promise<SourceError[]> {
  const { project } = engine;
  const errors: SourceError[] = [];
  const versions = dependencyVersions(project.root);
  const packagesByTarget = groupPackages(engine);
  if (targets.some((target) => target.kind === 'function')) {
    // Reading the contract means loading it again, so it happens only after it changed.
    if (engine.contractChanged || !engine.loginFree) {
      try {
        const { lists, contract } = loadNotNeedLogin(project.root);
        engine.loginFree = lists;
        engine.contract = contract;
      } catch (error) {
        if (!Array.isArray(error)) throw error;
        errors.push(...(error as SourceError[]));
        engine.loginFree = undefined;
        engine.contract = undefined;
      }
    }
  }

  for (const target of targets) {
    const packages = [...(packagesByTarget.get(target.name) ?? [])].sort();
    const missing = packages.filter((name) => !versions[name]);
    for (const name of missing) {
      errors.push(
        new SourceError(
          target.srcDir,
          `imports "${name}", which package.json does not list; run npm install ${name}`,
        ),
      );
    }
    const used = packages.filter((name) => versions[name]);

    if (target.kind === 'mini') {
      errors.push(...engine.manifestErrors(target, () => checkManifest(project, target)));
      await copyPackages(engine, target, used);
    } else {
      const loginFree = engine.loginFree ?? {};
      errors.push(...(await writeFunctionPackage(engine, target, used, versions, loginFree)));
    }
  }

  if (writeProject) errors.push(...(await writeProjectFile(engine)));
  return errors;
}

/** Groups the npm packages that the files of each target require, by target name. */
function groupPackages(engine: BuildEngine): Map<string, Set<string>> {
  const byTarget = new Map<string, Set<string>>();
  for (const [key, packages] of engine.packages) {
    const name = key.slice(0, key.indexOf('\0'));
    let names = byTarget.get(name);
    if (!names) byTarget.set(name, (names = new Set()));
    for (const packageName of packages) names.add(packageName);
  }
  return byTarget;
}

/** Reads the versions of the project's dependencies from its package.json. */
function dependencyVersions(root: string): Record<string, string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  return { ...manifest.devDependencies, ...manifest.dependencies };
}

/** Checks that app.json pages and plugin.json entries point at emitted files. */
function checkManifest(project: Project, target: Target): SourceError[] {
  const isClient = target.name === 'client';
  const manifestFile = path.join(target.srcDir, isClient ? 'app.json' : 'plugin.json');
  if (!fs.existsSync(manifestFile)) {
    return [new SourceError(manifestFile, `missing; every ${target.name} needs one`)];
  }
  const text = fs.readFileSync(manifestFile, 'utf8');
  let manifest: Record<string, unknown>;
  try {
    manifest = parseJson(manifestFile, text) as Record<string, unknown>;
  } catch (error) {
    return error as SourceError[];
  }

  const errors: SourceError[] = [];
  // Sources, not outputs, are looked for: a file that failed to compile is not a missing one.
  const expect = (entry: string, kinds: ('.axml' | '.js')[], what: string) => {
    const base = path.join(target.srcDir, entry.replace(/^\//, ''));
    for (const kind of kinds) {
      const candidates = kind === '.js' ? ['.ts', '.js'] : [kind];
      if (candidates.some((ext) => fs.existsSync(base + ext))) continue;
      const { line, column } = locateString(text, entry);
      const source = `${path.relative(project.root, base)}${candidates[0]}`;
      const message = `${what} "${entry}" has no ${candidates[0]} file (${source}); create it or remove the entry`;
      errors.push(new SourceError(manifestFile, message, line, column));
    }
  };

  if (isClient) {
    const pages = Array.isArray(manifest.pages) ? (manifest.pages as string[]) : [];
    if (pages.length === 0)
      errors.push(new SourceError(manifestFile, '"pages" must list at least one page'));
    for (const page of pages) expect(page, ['.axml', '.js'], 'page');
    return errors;
  }

  for (const field of ['publicComponents', 'publicPages'] as const) {
    const entries = (manifest[field] ?? {}) as Record<string, string>;
    for (const entry of Object.values(entries)) expect(entry, ['.axml', '.js'], field);
  }
  if (typeof manifest.main === 'string')
    expect(manifest.main.replace(/\.js$/, ''), ['.js'], 'main');
  return errors;
}

/** Finds a package's folder from the folder that imports it. */
function packageDir(name: string, fromDir: string): string | undefined {
  let dir = fromDir;
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Copies the packages a mini-program target imports, with their dependencies, into it. */
async function copyPackages(engine: BuildEngine, target: Target, names: string[]): Promise<void> {
  const modulesDir = path.join(target.outDir, 'node_modules');
  const wanted = new Map<string, string>();
  const visit = (name: string, fromDir: string) => {
    if (wanted.has(name)) return;
    const dir = packageDir(name, fromDir);
    if (!dir) return;
    wanted.set(name, dir);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency, dir);
  };
  for (const name of names) visit(name, engine.project.root);

  // NOTE: packages are copied flat; two versions of one dependency would collide.
  const present = new Set(listPackages(modulesDir));
  for (const name of present)
    if (!wanted.has(name)) fs.rmSync(path.join(modulesDir, name), { recursive: true });
  for (const [name, dir] of wanted) {
    if (present.has(name)) continue;
    await fs.promises.cp(dir, path.join(modulesDir, name), {
      recursive: true,
      // Only what runs: no nested node_modules (copied flat), no type declarations or maps.
      filter: (source) =>
        !path.relative(dir, source).split(path.sep).includes('node_modules') &&
        !/\.(d\.ts|ts|map)$/.test(source),
    });
    removeEmptyFolders(path.join(modulesDir, name));
  }

  const manifest = {
    name: target.name,
    private: true,
    dependencies: Object.fromEntries(names.map((name) => [name, readVersion(wanted.get(name))])),
  };
  await writeIfChanged(engine, path.join(target.outDir, 'package.json'), manifest);
}

/** Removes the folders that held only skipped files (type declarations) after a copy. */
function removeEmptyFolders(dir: string): boolean {
  let empty = true;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && removeEmptyFolders(full)) fs.rmdirSync(full);
    else empty = false;
  }
  return empty;
}

function listPackages(modulesDir: string): string[] {
  if (!fs.existsSync(modulesDir)) return [];
  return fs
    .readdirSync(modulesDir)
    .flatMap((entry) =>
      entry.startsWith('@')
        ? fs.readdirSync(path.join(modulesDir, entry)).map((scoped) => `${entry}/${scoped}`)
        : [entry],
    );
}

function readVersion(dir: string | undefined): string {
  if (!dir) return '*';
  return (
    JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }
  ).version;
}

/** Writes a cloud function's package.json: entry, SDK version, dependencies and login config. */
async function writeFunctionPackage(
  engine: BuildEngine,
  target: Target,
  packages: string[],
  versions: Record<string, string>,
  loginFree: Record<string, string[]>,
): Promise<SourceError[]> {
  const fn = path.basename(target.srcDir);
  // The source is looked for, not the output: an index.ts that failed to compile is not missing.
  if (!['index.ts', 'index.js'].some((file) => fs.existsSync(path.join(target.srcDir, file)))) {
    return [new SourceError(target.srcDir, `cloud function "${fn}" has no index.ts`)];
  }
  const notNeedLogin = loginFree[fn] ?? [];
  const manifest = {
    name: fn,
    version: '1.0.0',
    main: 'index.js',
    sdkVersion: '*',
    dependencies: Object.fromEntries(packages.map((name) => [name, versions[name]])),
    config: { notNeedLogin },
  };
  await writeIfChanged(engine, path.join(target.outDir, 'package.json'), manifest);
  return [];
}

/** Writes dist/mini.project.json from the root one, checking that its roots were built. */
async function writeProjectFile(engine: BuildEngine): Promise<SourceError[]> {
  const { project } = engine;
  const file = path.join(project.root, 'mini.project.json');
  if (!fs.existsSync(file))
    return [new SourceError(file, 'missing; the IDE needs it to open dist/')];
  const text = fs.readFileSync(file, 'utf8');
  let manifest: Record<string, unknown>;
  try {
    manifest = parseJson(file, text) as Record<string, unknown>;
  } catch (error) {
    return error as SourceError[];
  }

  const errors: SourceError[] = [];
  for (const key of ['miniprogramRoot', 'pluginRoot']) {
    const root = manifest[key];
    if (root === undefined) continue;
    if (typeof root !== 'string' || !fs.existsSync(path.join(project.distDir, root))) {
      const { line, column } = locateString(text, String(root));
      errors.push(
        new SourceError(
          file,
          `${key} "${String(root)}" is not a built folder of dist/`,
          line,
          column,
        ),
      );
    }
  }
  await writeIfChanged(engine, path.join(project.distDir, 'mini.project.json'), manifest);
  return errors;
}

async function writeIfChanged(engine: BuildEngine, file: string, value: unknown): Promise<void> {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  await engine.writeFile(file, text, true);
}
