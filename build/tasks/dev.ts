// `npm run dev`: builds into dist/, then rebuilds each changed file on save. Errors are printed
// and the watcher keeps running; fixing the file recovers.
import path from 'node:path';

import { watch } from 'gulp';

import { ConfigError, loadConfig, type CloudEnv } from '../config';
import { BuildEngine } from '../engine';
import { createLogger, SourceError, type Logger } from '../log';
import { describeProject, listFunctions } from '../project';
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
  let watcher: ReturnType<typeof watch> | undefined;
  let stopTypes: (() => void) | undefined;

  const report = (label: string, errors: SourceError[], started: number) => {
    if (errors.length > 0) logger.sourceErrors(errors);
    const status = errors.length > 0 ? `${errors.length} errors` : 'ok';
    logger.info(`${label} (${Date.now() - started} ms, ${status})`);
    const resolved = waiters;
    waiters = [];
    for (const resolve of resolved) resolve(errors);
  };

  const rebuild = (event: string, file: string) => {
    queue = queue.then(async () => {
      const started = Date.now();
      let errors: SourceError[] = [];
      try {
        errors = await rebuildFor(event, file);
      } catch (error) {
        if (error instanceof ConfigError) {
          errors = [new SourceError(file, error.message.replace(/^starter\.config\.ts: /, ''))];
        } else {
          // An unexpected failure must not stop the watcher: report it, wait for the next save.
          logger.error(`${event} ${path.relative(root, file)}: ${(error as Error).stack ?? String(error)}`);
          errors = [new SourceError(file, `internal build error: ${(error as Error).message}`)];
        }
      }
      report(`${event} ${path.relative(root, file)}`, errors, started);
    });
  };

  const rebuildFor = async (event: string, file: string): Promise<SourceError[]> => {
    {
      let errors: SourceError[];
      if (path.basename(file) === 'starter.config.ts') {
        // Every target depends on the configuration: reload it and build everything again.
        // An invalid value throws ConfigError, which is reported and the watcher keeps going.
        config = loadConfig(root);
        engine = new BuildEngine(describeProject(root, config, env));
        errors = await engine.buildAll();
      } else if (listFunctions(root).join(',') !== functions) {
        // A cloud function folder was added or removed: start again from a full build.
        functions = listFunctions(root).join(',');
        engine = new BuildEngine(describeProject(root, config, env));
        errors = await engine.buildAll();
      } else if (event === 'unlink') {
        engine.remove(file);
        errors = await engine.finalize();
      } else {
        errors = [...(await engine.change(file)), ...(await engine.finalize())];
      }
      return errors;
    }
  };

  const ready = (async () => {
    const started = Date.now();
    logger.info(`dev: cloud env "${env}", watching client/, plugin/, server/, contract/`);
    report('build', await engine.buildAll(), started);
    if (options.typeCheck !== false) {
      stopTypes = watchTypes(root, (program, errors) => {
        if (errors.length > 0) logger.sourceErrors(errors);
        logger.info(`typecheck ${program}: ${errors.length} errors`);
      });
    }
    // gulp's watcher (chokidar); the rebuild is per file, so no delay is wanted.
    const sources = ['client/**', 'plugin/**', 'server/**', 'contract/**'];
    watcher = watch([...sources, 'starter.config.ts', 'mini.project.json'], {
      cwd: root,
      delay: 0,
      ignored: ['**/node_modules/**'],
    });
    for (const event of ['add', 'change', 'unlink'] as const) {
      watcher.on(event, (file: string) => rebuild(event, path.resolve(root, file)));
    }
    await new Promise<void>((resolve) => watcher!.once('ready', () => resolve()));
  })();

  return {
    ready,
    nextRebuild: () => new Promise((resolve) => waiters.push(resolve)),
    async close() {
      stopTypes?.();
      await watcher?.close();
      await queue;
    },
  };
}
