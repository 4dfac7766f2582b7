// `npm run bench`: generates synthetic apps at several sizes, measures cold builds, the two
// floors, watch rebuilds, type error reporting and watch memory, then prints a table and writes
// the results as JSON. Options (all optional):
//   --sizes 10,100,500     app sizes: pages, plugin components and cloud functions each
//   --edits 20             timed edits of each kind (.ts, .less, .axml) per size, at least 10
//   --type-errors 3        type errors saved and timed per size
//   --memory-edits 200     edits after which watch memory is compared with the first edit's
//   --repeat 3             cold builds and floor runs per size (the median is reported)
//   --json <file>          where the JSON goes; default bench-results/bench-<time>.json
//   --keep                 keep the generated apps (their folders are printed)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { measureCold, type ColdResult } from './cold';
import { generateApp, REPO_ROOT } from './generate';
import { runMeasured } from './process-tree';
import { checkTargets, formatReport, summarize, type SizeSummary } from './report';
import type { WatchOptions, WatchResult } from './watch-session';

interface BenchOptions {
  sizes: number[];
  edits: number;
  typeErrors: number;
  memoryEdits: number;
  repeat: number;
  json: string;
  keep: boolean;
}

const MIN_EDITS = 10;

function readOptions(argv: string[]): BenchOptions {
  const options: BenchOptions = {
    sizes: [10, 100, 500],
    edits: 20,
    typeErrors: 3,
    memoryEdits: 200,
    repeat: 3,
    json: path.join(
      REPO_ROOT,
      'bench-results',
      `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    ),
    keep: false,
  };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    if (flag === '--keep') {
      options.keep = true;
      continue;
    }
    const value = argv[index + 1];
    if (value === undefined)
      throw new Error(`${flag} needs a value; see the header of bench/run.ts`);
    index += 1;
    if (flag === '--sizes') options.sizes = value.split(',').map((size) => positive(flag, size));
    else if (flag === '--edits') options.edits = positive(flag, value);
    else if (flag === '--type-errors') options.typeErrors = positive(flag, value);
    else if (flag === '--memory-edits') options.memoryEdits = positive(flag, value);
    else if (flag === '--repeat') options.repeat = positive(flag, value);
    else if (flag === '--json') options.json = path.resolve(value);
    else throw new Error(`unknown option ${flag}; the options are listed in bench/run.ts`);
  }
  if (options.edits < MIN_EDITS) {
    console.warn(
      `--edits ${options.edits} is under ${MIN_EDITS}: medians and maxima will be rough`,
    );
  }
  return options;
}

function positive(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${flag}: "${text}" is not a positive integer`);
  return value;
}

/** Runs the watch measurement in its own process, so its memory is the watcher's alone. */
async function measureWatchInChild(options: WatchOptions): Promise<WatchResult> {
  const args = [
    '-r',
    'esbuild-register',
    '--expose-gc',
    path.join(__dirname, 'watch-session.ts'),
    JSON.stringify(options),
  ];
  const run = await runMeasured(process.execPath, args, options.root);
  const lines = run.output.trimEnd().split('\n');
  if (run.code !== 0)
    throw new Error(`watch measurement failed (exit ${run.code}):\n${lines.slice(-30).join('\n')}`);
  return JSON.parse(lines[lines.length - 1]) as WatchResult;
}

async function benchSize(
  size: number,
  options: BenchOptions,
): Promise<{ cold: ColdResult; watch: WatchResult; summary: SizeSummary }> {
  const app = generateApp(size);
  console.log(`[${size} pages] generated in ${app.root}`);
  try {
    const cold = await measureCold(app.root, options.repeat);
    console.log(
      `[${size} pages] cold builds: ${cold.build.map((run) => Math.round(run.wallMs)).join(', ')} ms`,
    );
    const watch = await measureWatchInChild({
      root: app.root,
      size,
      edits: options.edits,
      typeErrors: options.typeErrors,
      memoryEdits: options.memoryEdits,
    });
    console.log(`[${size} pages] watch: ${watch.totalEdits} edits`);
    return { cold, watch, summary: summarize(size, cold, watch) };
  } finally {
    if (!options.keep) app.remove();
  }
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const started = Date.now();
  const machine = {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg(),
  };

  const runs = [];
  for (const size of options.sizes) runs.push({ size, ...(await benchSize(size, options)) });
  const summaries = runs.map((run) => run.summary);
  const checks = checkTargets(summaries);

  console.log('');
  console.log(formatReport(summaries, checks));
  fs.mkdirSync(path.dirname(options.json), { recursive: true });
  const document = {
    date: new Date().toISOString(),
    durationMs: Date.now() - started,
    machine,
    options,
    summaries,
    checks,
    runs,
  };
  // Process output (build logs) is left out: it is long and the summaries hold what it measured.
  const withoutOutput = (key: string, value: unknown) => (key === 'output' ? undefined : value);
  fs.writeFileSync(options.json, `${JSON.stringify(document, withoutOutput, 2)}\n`);
  console.log(
    `\nbench: done in ${Math.round((Date.now() - started) / 1000)} s; results in ${path.relative(process.cwd(), options.json)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
