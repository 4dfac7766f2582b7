// The project layout: where each program's sources are, where its output goes, and how a
// source file maps to its output path inside a self-contained target folder.
import fs from 'node:fs';
import path from 'node:path';

import type { CloudEnv, StarterConfig } from './config';

/** The ECMAScript level of emitted JS: mini-program runtime and cloud function runtime. */
export const ES_TARGET = { mini: 'es2015', function: 'es2019' } as const;

/** One program that is uploaded on its own: the host app, the plugin or one cloud function. */
export interface Target {
  /** `client`, `plugin` or `server/<fn>`. */
  name: string;
  kind: 'mini' | 'function';
  srcDir: string;
  outDir: string;
  /** Where the shared contract code goes inside this target's output. */
  sharedOutDir: string;
  esTarget: string;
  /** Identifiers replaced in this target's TypeScript, as JS source text. */
  define: Record<string, string>;
}

export interface Project {
  root: string;
  distDir: string;
  mapsDir: string;
  /** Code any target may import; it is copied into each target that uses it. */
  sharedDir: string;
  config: StarterConfig;
  env: CloudEnv;
  targets: Target[];
}

/** Tokens replaced in .axml, .json and .sjs files of the client and the plugin. */
export function textTokens(project: Project): Record<string, string> {
  return {
    __PLUGIN_ID__: project.config.plugin.id,
    __PLUGIN_ALIAS__: project.config.plugin.alias,
    __PLUGIN_VERSION__: project.config.plugin.version,
    __CLOUD_ENV__: project.env,
  };
}

/** Lists the cloud functions: each folder of server/ holding an index.ts or index.js. */
export function listFunctions(root: string): string[] {
  const serverDir = path.join(root, 'server');
  if (!fs.existsSync(serverDir)) return [];
  return fs
    .readdirSync(serverDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .filter((entry) =>
      ['index.ts', 'index.js'].some((file) =>
        fs.existsSync(path.join(serverDir, entry.name, file)),
      ),
    )
    .map((entry) => entry.name)
    .sort();
}

/** Describes the project rooted at `root`, built into `distDir` for the cloud env `env`. */
export function describeProject(
  root: string,
  config: StarterConfig,
  env: CloudEnv,
  distDir = path.join(root, 'dist'),
): Project {
  const miniDefine = {
    __CLOUD_ENV__: JSON.stringify(env),
    __PLUGIN_ID__: JSON.stringify(config.plugin.id),
    __PLUGIN_ALIAS__: JSON.stringify(config.plugin.alias),
  };
  const functionDefine = { __BACKEND__: JSON.stringify(config.backend) };

  const mini = (name: 'client' | 'plugin'): Target => ({
    name,
    kind: 'mini',
    srcDir: path.join(root, name),
    outDir: path.join(distDir, name),
    sharedOutDir: path.join(distDir, name, 'contract'),
    esTarget: ES_TARGET.mini,
    define: miniDefine,
  });
  const targets = [mini('client'), mini('plugin')];
  for (const fn of listFunctions(root)) {
    targets.push({
      name: `server/${fn}`,
      kind: 'function',
      srcDir: path.join(root, 'server', fn),
      outDir: path.join(distDir, 'server', fn),
      sharedOutDir: path.join(distDir, 'server', fn, 'contract'),
      esTarget: ES_TARGET.function,
      define: functionDefine,
    });
  }

  return {
    root,
    distDir,
    mapsDir: path.join(distDir, '.maps'),
    sharedDir: path.join(root, 'contract'),
    config,
    env,
    targets,
  };
}

/** True when `file` is inside `dir` (or is `dir`). */
export function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Finds the target whose sources contain `file`, if any. */
export function targetOf(project: Project, file: string): Target | undefined {
  return project.targets.find((target) => isInside(target.srcDir, file));
}

/** Maps a source file to its output path in `target`, with the extension replaced. */
export function outputPath(project: Project, target: Target, file: string, ext?: string): string {
  const base = isInside(target.srcDir, file)
    ? path.join(target.outDir, path.relative(target.srcDir, file))
    : path.join(target.sharedOutDir, path.relative(project.sharedDir, file));
  if (ext === undefined) return base;
  return base.slice(0, base.length - path.extname(base).length) + ext;
}

/** Maps an output file to where its source map goes, outside the uploaded folders. */
export function mapPath(project: Project, outFile: string): string {
  return path.join(project.mapsDir, path.relative(project.distDir, outFile) + '.map');
}
