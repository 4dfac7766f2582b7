// `npm run build`: a clean build of every target into dist/, type checked, then release checked.
// The output is written to a staging folder and moved to dist/ only when nothing failed.
// The dist/ it replaces is kept as .dist-old/ and becomes the next build's staging folder,
// because on this VM creating files in new folders was the costliest part of writing the output
// (10,000 files in 2,500 new folders: 5.5 s of system time). Every file is still compiled. A
// file whose content is unchanged is left as it is, and files the build did not write are
// deleted before the release check.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { ContractLoad } from '../../tools/check/contract';
import { acquireBuildLock, BuildLocked } from '../build-lock';
import { loadConfig, type CloudEnv, type StarterConfig } from '../config';
import { BuildEngine } from '../engine';
import {
  BuildFailed,
  createLogger,
  formatBytes,
  uniqueErrors,
  type Logger,
  type SourceError,
} from '../log';
import { describeProject } from '../project';
import { checkTypesInWorker } from '../typecheck';
import { folderSize } from '../sizes';

export interface BuildOptions {
  root: string;
  env: CloudEnv;
  logger?: Logger;
  /** Skips the type check; the check still runs in `npm test` and the editor. */
  skipTypeCheck?: boolean;
  /**
   * Lowers the priority of the calling thread once the type check's worker has started, for a
   * process that runs only this build. The check takes the longest, and on a machine with two
   * cores the emit, the release check and esbuild otherwise slow it down.
   */
  yieldToTypeCheck?: boolean;
}

/** Builds the project into dist/. Throws BuildFailed after printing every error. */
export async function buildProject(options: BuildOptions): Promise<void> {
  const { root } = options;
  const logger = options.logger ?? createLogger(root);
  const started = Date.now();
  const config = loadConfig(root);
  const distDir = path.join(root, 'dist');
  const stagingDir = path.join(root, '.dist-staging');
  const asideDir = path.join(root, '.dist-old');
  const dirs = { stagingDir, distDir, asideDir };
  let releaseLock: () => void;
  try {
    releaseLock = acquireBuildLock(root);
  } catch (error) {
    if (!(error instanceof BuildLocked)) throw error;
    logger.error(`build failed: ${error.message}`);
    throw new BuildFailed('another build is running');
  }

  try {
    fs.rmSync(stagingDir, { recursive: true, force: true });
    // Only a real folder is written over; a link there would send the writes elsewhere.
    const recycled = fs.lstatSync(asideDir, { throwIfNoEntry: false })?.isDirectory() ?? false;
    if (recycled) fs.renameSync(asideDir, stagingDir);
    await buildStaged(options, config, dirs, recycled, logger, started);
  } catch (error) {
    // BuildFailed has cleaned up already; anything else is a crash, which must not leave a
    // dist/ that looks current or a half-written staging folder.
    if (!(error instanceof BuildFailed)) setAside(dirs);
    throw error;
  } finally {
    releaseLock();
  }
}

interface BuildDirs {
  stagingDir: string;
  distDir: string;
  asideDir: string;
}

/** Builds into the staging folder, checks it, and moves it to dist/ when nothing failed. */
async function buildStaged(
  options: BuildOptions,
  config: StarterConfig,
  dirs: BuildDirs,
  recycled: boolean,
  logger: Logger,
  started: number,
): Promise<void> {
  const { root, env } = options;
  const { stagingDir, distDir, asideDir } = dirs;
  logger.info(`build: cloud env "${env}", plugin ${config.plugin.alias} (${config.plugin.id})`);
  if (env === 'online') warnReleaseSettings(config, logger);
  const typeCheck = options.skipTypeCheck ? Promise.resolve([]) : checkTypesInWorker(root);
  if (options.yieldToTypeCheck && !options.skipTypeCheck) lowerThreadPriority();
  const project = describeProject(root, config, env, stagingDir);
  const engine = new BuildEngine(project);
  engine.skipUnchanged = recycled;
  // Packages are copied only when missing, so an earlier build's copies could be out of date.
  if (recycled) {
    for (const target of project.targets.filter((target) => target.kind === 'mini'))
      fs.rmSync(path.join(target.outDir, 'node_modules'), { recursive: true, force: true });
  }

  let errors: SourceError[] = await engine.buildAll();
  if (recycled && errors.length === 0) engine.prune();
  logger.info(
    `emit: ${engine.stats.files} files, ${formatBytes(engine.stats.bytes)}` +
      (recycled ? ` (${engine.stats.unchanged} unchanged, not written again)` : '') +
      ` in ${Date.now() - started} ms`,
  );
  // The release check reads only the staged output, so it runs while the type check finishes.
  const release =
    errors.length === 0 ? heldReleaseCheck(root, stagingDir, config, engine.contract) : undefined;
  // A failure is rethrown where the result is awaited; this keeps it from counting as unhandled.
  release?.catch(() => undefined);
  // A shared file is in several programs, so its errors come once from each of them.
  const typeErrors = uniqueErrors(await typeCheck);
  logger.info(
    `typecheck: ${plural(typeErrors.length, 'error')}, done at ${Date.now() - started} ms`,
  );
  errors = uniqueErrors([...errors, ...typeErrors]);

  if (release && errors.length === 0) {
    const { findings, lines } = await release;
    for (const [level, message] of lines) logger[level](message);
    if (findings > 0) return fail(logger, dirs, plural(findings, 'release check error'));
  }
  // With type errors the release check's findings are not printed, as when it did not run.
  if (release && errors.length > 0) await release.catch(() => undefined);
  if (errors.length > 0) {
    logger.sourceErrors(errors);
    return fail(logger, dirs, plural(errors.length, 'error'));
  }

  replaceFolder(distDir, stagingDir, asideDir);
  for (const target of project.targets) {
    const size = folderSize(path.join(distDir, path.relative(stagingDir, target.outDir)), [
      'node_modules',
    ]);
    logger.info(`  dist/${target.name}  ${formatBytes(size)} (without node_modules)`);
  }
  logger.info(`build: done in ${Date.now() - started} ms; open dist/ in Taobao Developer Tools`);
}

/**
 * Lowers the calling thread's priority (nice 10). On Linux the nice value belongs to a thread,
 * so the type check's worker, started before, keeps its own, while the threads started after
 * (esbuild's process, libuv's pool) take the lower one. On a 100-page app on two cores, builds
 * took 6.5 to 6.8 s instead of 6.9 to 7.2 s.
 */
// NOTE: not tried on macOS or Windows, where the call may lower the whole process; the build
// then only yields to other programs.
export function lowerThreadPriority(): void {
  try {
    os.setPriority(10);
  } catch {
    // A system that refuses it builds at the usual priority.
  }
}

/** Runs the release check with its log lines held back, to be printed after the type check. */
async function heldReleaseCheck(
  root: string,
  stagingDir: string,
  config: StarterConfig,
  contract?: ContractLoad,
): Promise<{ findings: number; lines: ['info' | 'error', string][] }> {
  const lines: ['info' | 'error', string][] = [];
  const held: Logger = {
    info: (message) => lines.push(['info', message]),
    error: (message) => lines.push(['error', message]),
    sourceErrors: () => undefined,
  };
  // Loaded here rather than at the top, so the type check worker starts without waiting for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { releaseCheck } = require('../release-check') as typeof import('../release-check');
  const findings = await releaseCheck(root, stagingDir, config, held, contract);
  return { findings, lines };
}

/** Moves `replacement` to `dir`, and the previous `dir`, if any, to `aside` for the next build. */
function replaceFolder(dir: string, replacement: string, aside: string): void {
  fs.rmSync(aside, { recursive: true, force: true });
  if (fs.existsSync(dir)) fs.renameSync(dir, aside);
  fs.renameSync(replacement, dir);
}

/** The plugin id that starter.config.ts ships with, which no real plugin has. */
const PLACEHOLDER_PLUGIN_ID = '3000000000000000';

/** Warns about development settings in a release build; they are valid, so it still builds. */
function warnReleaseSettings(config: StarterConfig, logger: Logger): void {
  if (config.plugin.id === PLACEHOLDER_PLUGIN_ID) {
    logger.info(
      'warning: plugin.id in starter.config.ts is still the placeholder; set your plugin id',
    );
  }
  if (config.plugin.version === 'dev') {
    logger.info(
      'warning: plugin.version is "dev": fine inside a plugin project, but a host uploaded on ' +
        'its own needs a published version (x.y.z or "*")',
    );
  }
}

function fail(logger: Logger, dirs: BuildDirs, summary: string): never {
  setAside(dirs);
  logger.error(
    `build failed: ${summary}; dist/ was removed. Fix the errors above and build again.`,
  );
  throw new BuildFailed(summary);
}

/**
 * Removes the staging folder, and moves dist/ aside, where the next build writes over it: a
 * dist/ from an earlier build would look complete and current.
 */
function setAside({ stagingDir, distDir, asideDir }: BuildDirs): void {
  fs.rmSync(asideDir, { recursive: true, force: true });
  if (fs.existsSync(distDir)) fs.renameSync(distDir, asideDir);
  fs.rmSync(stagingDir, { recursive: true, force: true });
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
