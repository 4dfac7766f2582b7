// The watch half of the benchmark, run in its own process so its memory is the watcher's alone:
//   node -r esbuild-register --expose-gc bench/watch-session.ts '<options as JSON>'
// It starts `startDev` with the type check on, saves files of one generated page and measures
// how long each save takes to reach dist/, how long a type error takes to be reported, and how
// the process's memory changes over many edits. It prints one JSON line with the results.
import fs from 'node:fs';
import path from 'node:path';

import type { Logger, SourceError } from '../build/log';
import type { DevSession } from '../build/tasks/dev';
import { benchName } from './generate';
import { EDIT_MARKER } from './templates';

export interface WatchOptions {
  root: string;
  size: number;
  /** Edits of each kind (.ts, .less, .axml) that are timed. */
  edits: number;
  /** Type errors saved (each followed by its fix) and timed. */
  typeErrors: number;
  /** Total edits after which memory is compared with the memory after the first edit. */
  memoryEdits: number;
}

export interface MemorySample {
  rssBytes: number;
  heapUsedBytes: number;
}

export interface WatchResult {
  /** Milliseconds from the start to the watcher being ready and every program's first type check. */
  startMs: number;
  /** Milliseconds from save to the rebuilt output, by kind of file. */
  rebuildMs: Record<EditKind, number[]>;
  /** Milliseconds from saving a type error to the type check reporting it. */
  typeErrorMs: number[];
  memoryAfterFirst: MemorySample;
  memoryAfterLast: MemorySample;
  totalEdits: number;
}

type EditKind = 'ts' | 'less' | 'axml';

/** The pause before each save: the watcher merges events on one file within a few ms. */
const EDIT_SPACING_MS = 150;
const TYPE_ERROR_TIMEOUT_MS = 60_000;
/** The pause after an edit before memory is sampled. */
const SETTLE_MS = 1000;

interface TypeReport {
  program: string;
  count: number;
  files: string[];
  at: number;
}

/** Creates a logger that prints nothing and records each type check report with its time. */
function recordingLogger(reports: TypeReport[]): Logger {
  let lastErrors: SourceError[] = [];
  return {
    info(message) {
      const match = /^typecheck (\w+): (\d+) errors?/.exec(message);
      if (!match) return;
      const files = lastErrors.map((error) => error.file);
      reports.push({ program: match[1], count: Number(match[2]), files, at: performance.now() });
      lastErrors = [];
    },
    error: () => undefined,
    sourceErrors(errors) {
      lastErrors = errors;
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function sampleMemory(): MemorySample {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { rssBytes: usage.rss, heapUsedBytes: usage.heapUsed };
}

/** Saves version `version` of a page file and resolves with ms until dist/ has it. */
async function timeEdit(
  session: DevSession,
  root: string,
  kind: EditKind,
  version: number,
): Promise<number> {
  const name = benchName(0);
  const source = path.join(root, 'client', 'pages', name, `${name}.${kind}`);
  const output = path.join(
    root,
    'dist',
    'client',
    'pages',
    name,
    `${name}.${kind === 'less' ? 'acss' : kind === 'ts' ? 'js' : 'axml'}`,
  );
  const original = fs.readFileSync(source, 'utf8').replace(/edit-\d+/g, EDIT_MARKER);
  const marker = `edit-${version}`;

  await sleep(EDIT_SPACING_MS);
  const rebuilt = session.nextRebuild();
  const saved = performance.now();
  fs.writeFileSync(source, original.split(EDIT_MARKER).join(marker));
  await rebuilt;

  // A rebuild reports after writing, so the output normally has the marker already.
  while (!fs.readFileSync(output, 'utf8').includes(marker)) await sleep(5);
  return performance.now() - saved;
}

/** Saves a type error into a page and resolves with ms until it is reported; then fixes it. */
async function timeTypeError(root: string, reports: TypeReport[]): Promise<number> {
  const name = benchName(0);
  const source = path.join(root, 'client', 'pages', name, `${name}.ts`);
  const original = fs.readFileSync(source, 'utf8');

  await sleep(EDIT_SPACING_MS);
  const seen = reports.length;
  const saved = performance.now();
  fs.writeFileSync(
    source,
    `${original}\nconst broken: number = 'not a number';\nexport { broken };\n`,
  );
  const reported = await waitForReport(reports, seen, (report) => report.files.includes(source));

  const fixedFrom = reports.length;
  fs.writeFileSync(source, original);
  await waitForReport(
    reports,
    fixedFrom,
    (report) => report.program === 'client' && report.count === 0,
  );
  return reported.at - saved;
}

async function waitForReport(
  reports: TypeReport[],
  from: number,
  matches: (report: TypeReport) => boolean,
): Promise<TypeReport> {
  const started = performance.now();
  for (;;) {
    const found = reports.slice(from).find(matches);
    if (found) return found;
    if (performance.now() - started > TYPE_ERROR_TIMEOUT_MS) {
      throw new Error(`no matching type check report within ${TYPE_ERROR_TIMEOUT_MS} ms`);
    }
    await sleep(2);
  }
}

/** Runs the whole watch measurement on the synthetic app at `options.root`. */
export async function measureWatch(options: WatchOptions): Promise<WatchResult> {
  const reports: TypeReport[] = [];
  const started = performance.now();
  // The app's own copy of the build, as the cold build uses, so both measure the same code.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const dev = require(
    path.join(options.root, 'build', 'tasks', 'dev'),
  ) as typeof import('../build/tasks/dev');
  const session = dev.startDev({
    root: options.root,
    logger: recordingLogger(reports),
    env: 'test',
  });
  await session.ready;
  await waitForReport(
    reports,
    0,
    () => new Set(reports.map((report) => report.program)).size === 3,
  );
  const startMs = performance.now() - started;

  const kinds: EditKind[] = ['ts', 'less', 'axml'];
  const rebuildMs: Record<EditKind, number[]> = { ts: [], less: [], axml: [] };
  let version = 0;
  let memoryAfterFirst: MemorySample | undefined;
  for (let round = 0; round < options.edits; round += 1) {
    for (const kind of kinds) {
      version += 1;
      rebuildMs[kind].push(await timeEdit(session, options.root, kind, version));
      if (memoryAfterFirst) continue;
      // Waits as before the last sample, so the first edit's type check is counted in both.
      await sleep(SETTLE_MS);
      memoryAfterFirst = sampleMemory();
    }
  }

  const typeErrorMs: number[] = [];
  for (let index = 0; index < options.typeErrors; index += 1) {
    typeErrorMs.push(await timeTypeError(options.root, reports));
  }

  while (version < options.memoryEdits) {
    version += 1;
    await timeEdit(session, options.root, kinds[version % kinds.length], version);
  }
  // Lets a type check started by the last .ts edit finish before memory is read.
  await sleep(SETTLE_MS);
  const memoryAfterLast = sampleMemory();

  await session.close();
  return {
    startMs,
    rebuildMs,
    typeErrorMs,
    memoryAfterFirst: memoryAfterFirst ?? sampleMemory(),
    memoryAfterLast,
    totalEdits: version,
  };
}

if (require.main === module) {
  const options = JSON.parse(process.argv[2] ?? '{}') as WatchOptions;
  measureWatch(options).then(
    (result) => {
      console.log(JSON.stringify(result));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.stack : error);
      process.exit(1);
    },
  );
}
