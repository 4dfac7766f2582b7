// `npm run dev`: builds into dist/, then rebuilds each changed file on save. Errors are printed
// and the watcher keeps running; fixing the file recovers.
import fs from 'node:fs';
import path from 'node:path';

import { watch, type FSWatcher } from 'chokidar';

import { ConfigError, loadConfig, type CloudEnv } from '../config';
import { isPartial } from '../compile/style';
import { BuildEngine } from '../engine';
import { createLogger, SourceError, uniqueErrors, type Logger } from '../log';
import { describeProject, listFunctions, type Project } from '../project';
import { watchTypes } from '../typecheck';

export interface DevOptions {
  root: string;
  env?: CloudEnv;
  logger?: Logger;
  /** Type checks in the background as files change (on by default). */
  typeCheck?: boolean;
}

export interface DevSession {
  /** Resolves once the first build is written and the watcher is ready. */
  ready: Promise<void>;
  /** Resolves after the next rebuild finishes; for tests and benchmarks. */
  nextRebuild(): Promise<SourceError[]>;
  close(): Promise<void>;
}

type WatchEvent = 'add' | 'change' | 'unlink' | 'unlinkDir';

/**
 * The watcher (chokidar 3, as gulp.watch uses it) drops a second change event on one file within
 * 50 ms, so an editor that empties a file and then writes it can leave only the first event.
 * Each rebuilt file is therefore looked at again after this delay and rebuilt if it changed.
 */
const RECHECK_DELAY_MS = 60;

/** The size and modification time of a file, or "missing". */
function signature(file: string): string {
  try {
    const stats = fs.statSync(file);
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** Removes the output and source maps of cloud function `fn` from dist/. */
function removeFunctionOutput(project: Project, fn: string): void {
  const outDir = path.join(project.distDir, 'server', fn);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.rmSync(path.join(project.mapsDir, path.relative(project.distDir, outDir)), {
    recursive: true,
    force: true,
  });
}

/** Starts the watch build. */
export function startDev(options: DevOptions): DevSession {
  const { root } = options;
  const logger = options.logger ?? createLogger(root);
  let config = loadConfig(root);
  const env = options.env ?? config.cloud.devEnv;
  let engine = new BuildEngine(describeProject(root, config, env));
  let functions = listFunctions(root).join(',');
  let queue = Promise.resolve();
  let waiters: ((errors: SourceError[]) => void)[] = [];
  let watcher: FSWatcher | undefined;
  let stopTypes: (() => void) | undefined;
  const rechecks = new Set<NodeJS.Timeout>();
  let closed = false;

  const report = (label: string, found: SourceError[], started: number) => {
    const errors = uniqueErrors(found);
    if (errors.length > 0) logger.sourceErrors(errors);
    const status =
      errors.length > 0 ? `${errors.length} error${errors.length === 1 ? '' : 's'}` : 'ok';
    logger.info(`${label} (${Date.now() - started} ms, ${status})`);
    const resolved = waiters;
    waiters = [];
    for (const resolve of resolved) resolve(errors);
  };

  const rebuild = (event: WatchEvent, file: string) => {
    queue = queue.then(async () => {
      const started = Date.now();
      const seen = signature(file);
      let errors: SourceError[] = [];
      try {
        errors = await rebuildFor(event, file);
      } catch (error) {
        // A file that vanished right after its event (an editor's or sed's temporary file) has
        // nothing to build; its unlink event follows.
        const vanished = (error as NodeJS.ErrnoException).code === 'ENOENT' && !fs.existsSync(file);
        errors = vanished ? [] : [toSourceError(error, file, event)];
      }
      report(`${event} ${path.relative(root, file)}`, errors, started);
      if (event === 'add' || event === 'change') scheduleRecheck(file, seen);
    });
  };

  const scheduleRecheck = (file: string, seen: string) => {
    const timer = setTimeout(() => {
      rechecks.delete(timer);
      if (!closed && signature(file) !== seen) rebuild('change', file);
    }, RECHECK_DELAY_MS);
    rechecks.add(timer);
  };

  const toSourceError = (error: unknown, file: string, event: WatchEvent): SourceError => {
    if (error instanceof ConfigError) {
      return new SourceError(file, error.message.replace(/^starter\.config\.ts: /, ''));
    }
    // An unexpected failure must not stop the watcher: report it, wait for the next save.
    logger.error(
      `${event} ${path.relative(root, file)}: ${(error as Error).stack ?? String(error)}`,
    );
    return new SourceError(file, `internal build error: ${(error as Error).message}`);
  };

  const rebuildFor = async (event: WatchEvent, file: string): Promise<SourceError[]> => {
    if (path.basename(file) === 'starter.config.ts') {
      // Every target depends on the configuration: reload it and build everything again.
      // An invalid value throws ConfigError, which is reported and the watcher keeps going.
      config = loadConfig(root);
      engine = new BuildEngine(describeProject(root, config, env));
      return engine.buildAll();
    }
    // Only an added or removed file under server/ can change the set of cloud functions; looking
    // at every function folder on each save would cost more the more functions there are.
    const underServer = file.startsWith(path.join(root, 'server') + path.sep);
    const current = event !== 'change' && underServer ? listFunctions(root) : undefined;
    if (current && current.join(',') !== functions) {
      // A cloud function folder was added or removed: start again from a full build, which
      // writes over dist/ and so must first take away the output of each removed function.
      for (const fn of functions.split(',')) {
        if (fn && !current.includes(fn)) removeFunctionOutput(engine.project, fn);
      }
      functions = current.join(',');
      engine = new BuildEngine(describeProject(root, config, env));
      return engine.buildAll();
    }
    if (event === 'unlinkDir') {
      engine.removeFolder(file);
      return engine.finalize();
    }
    if (event === 'unlink') {
      engine.remove(file);
      // Files that imported a deleted Less partial are rendered again, so they report it.
      const importers = file.endsWith('.less') && isPartial(file) ? await engine.change(file) : [];
      return [...importers, ...(await engine.finalize())];
    }
    return [...(await engine.change(file)), ...(await engine.finalize())];
  };

  const ready = (async () => {
    const started = Date.now();
    logger.info(`dev: cloud env "${env}", watching client/, plugin/, server/, contract/`);
    report('build', await engine.buildAll(), started);
    if (options.typeCheck !== false) {
      stopTypes = watchTypes(root, (program, errors) => {
        const unique = uniqueErrors(errors);
        if (unique.length > 0) logger.sourceErrors(unique);
        logger.info(
          `typecheck ${program}: ${unique.length} error${unique.length === 1 ? '' : 's'}`,
        );
      });
    }
    // chokidar itself rather than gulp.watch: with glob patterns it reports no unlink events
    // when a folder is moved away, so renamed pages would leave their old output behind.
    const watched = [
      'client',
      'plugin',
      'server',
      'contract',
      'starter.config.ts',
      'mini.project.json',
    ];
    watcher = watch(watched, {
      cwd: root,
      ignoreInitial: true,
      ignored: (file: string) => file.split(path.sep).includes('node_modules'),
    });
    for (const event of ['add', 'change', 'unlink', 'unlinkDir'] as const) {
      watcher.on(event, (file: string) => rebuild(event, path.resolve(root, file)));
    }
    await new Promise<void>((resolve) => watcher!.once('ready', () => resolve()));
  })();

  return {
    ready,
    nextRebuild: () => new Promise((resolve) => waiters.push(resolve)),
    async close() {
      closed = true;
      for (const timer of rechecks) clearTimeout(timer);
      stopTypes?.();
      await watcher?.close();
      await queue;
    },
  };
}
