// Turns raw benchmark runs into a summary per app size, checks the summary against the build's
// speed targets, and prints both as tables.
import type { ColdResult } from './cold';
import type { WatchResult } from './watch-session';

export interface SizeSummary {
  size: number;
  /** Median wall time of `gulp build --env test`, type check included, in ms. */
  buildMs: number;
  /** Median peak resident memory of the build's process tree, in MB. */
  buildPeakRssMb: number;
  /** Median wall time of the tsc + Less floor process, in ms. */
  tscFloorMs: number;
  /** Median wall time of the esbuild + Less floor process, in ms. */
  esbuildFloorMs: number;
  buildToTsc: number;
  buildToEsbuild: number;
  /** Wall time of the app's first build and first tsc floor, which create every output file. */
  firstBuildMs: number;
  firstTscFloorMs: number;
  firstBuildToTsc: number;
  rebuild: Record<'ts' | 'less' | 'axml', { medianMs: number; maxMs: number; count: number }>;
  typeError: { medianMs: number; maxMs: number; count: number };
  watchStartMs: number;
  /** Resident memory of the watch process after the first edit and after the last, in MB. */
  watchRssMb: { first: number; last: number; growth: number };
  watchHeapMb: { first: number; last: number; growth: number };
  totalEdits: number;
}

export interface TargetCheck {
  target: string;
  size: number;
  measured: string;
  limit: string;
  met: boolean;
}

const MB = 1024 * 1024;

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function spread(values: number[]): { medianMs: number; maxMs: number; count: number } {
  return { medianMs: median(values), maxMs: Math.max(...values), count: values.length };
}

function growth(first: number, last: number): { first: number; last: number; growth: number } {
  return { first: first / MB, last: last / MB, growth: (last - first) / first };
}

/** Summarizes the cold and watch runs of one size. */
export function summarize(size: number, cold: ColdResult, watch: WatchResult): SizeSummary {
  const buildMs = median(cold.build.map((run) => run.wallMs));
  const tscFloorMs = median(cold.tscFloor.map((run) => run.wallMs));
  const esbuildFloorMs = median(cold.esbuildFloor.map((run) => run.wallMs));
  return {
    size,
    buildMs,
    buildPeakRssMb: median(cold.build.map((run) => run.peakRssBytes)) / MB,
    tscFloorMs,
    esbuildFloorMs,
    buildToTsc: buildMs / tscFloorMs,
    buildToEsbuild: buildMs / esbuildFloorMs,
    firstBuildMs: cold.firstBuild.wallMs,
    firstTscFloorMs: cold.firstTscFloor.wallMs,
    firstBuildToTsc: cold.firstBuild.wallMs / cold.firstTscFloor.wallMs,
    rebuild: {
      ts: spread(watch.rebuildMs.ts),
      less: spread(watch.rebuildMs.less),
      axml: spread(watch.rebuildMs.axml),
    },
    typeError: spread(watch.typeErrorMs),
    watchStartMs: watch.startMs,
    watchRssMb: growth(watch.memoryAfterFirst.rssBytes, watch.memoryAfterLast.rssBytes),
    watchHeapMb: growth(watch.memoryAfterFirst.heapUsedBytes, watch.memoryAfterLast.heapUsedBytes),
    totalEdits: watch.totalEdits,
  };
}

/** Checks the summaries against the targets; sizes that were not run are skipped. */
export function checkTargets(summaries: SizeSummary[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const smallest = summaries.reduce<SizeSummary | undefined>(
    (found, summary) => (!found || summary.size < found.size ? summary : found),
    undefined,
  );
  const largest = summaries.reduce<SizeSummary | undefined>(
    (found, summary) => (!found || summary.size > found.size ? summary : found),
    undefined,
  );

  for (const summary of summaries.filter((item) => item.size >= 100)) {
    checks.push({
      target: 'cold build / (tsc + Less)',
      size: summary.size,
      measured: `${summary.buildToTsc.toFixed(2)}x`,
      limit: '<= 1.10x',
      met: summary.buildToTsc <= 1.1,
    });
  }

  if (largest && smallest) {
    for (const kind of ['ts', 'less'] as const) {
      const measured = largest.rebuild[kind].medianMs;
      checks.push({
        target: `median .${kind} rebuild`,
        size: largest.size,
        measured: `${measured.toFixed(0)} ms`,
        limit: '<= 100 ms',
        met: measured <= 100,
      });
      if (largest !== smallest) {
        const ratio = measured / smallest.rebuild[kind].medianMs;
        checks.push({
          target: `median .${kind} rebuild vs ${smallest.size} pages`,
          size: largest.size,
          measured: `${ratio.toFixed(2)}x`,
          limit: '<= 1.50x',
          met: ratio <= 1.5,
        });
      }
    }
    checks.push({
      target: 'type error reported (max)',
      size: largest.size,
      measured: `${largest.typeError.maxMs.toFixed(0)} ms`,
      limit: '<= 1000 ms',
      met: largest.typeError.maxMs <= 1000,
    });
  }

  for (const summary of summaries) {
    checks.push({
      target: `watch RSS growth over ${summary.totalEdits} edits`,
      size: summary.size,
      measured: `${(summary.watchRssMb.growth * 100).toFixed(1)}%`,
      limit: '< 20%',
      met: summary.watchRssMb.growth < 0.2,
    });
  }
  return checks;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells: string[]) =>
    cells.map((cell, column) => cell.padStart(widths[column])).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}

const ms = (value: number) => `${Math.round(value)}`;

/** Formats the summaries and the target checks as plain-text tables. */
export function formatReport(summaries: SizeSummary[], checks: TargetCheck[]): string {
  const cold = table(
    [
      'pages',
      'build ms',
      'peak MB',
      'tsc+Less ms',
      'esbuild+Less ms',
      'build/tsc',
      'build/esbuild',
    ],
    summaries.map((summary) => [
      String(summary.size),
      ms(summary.buildMs),
      ms(summary.buildPeakRssMb),
      ms(summary.tscFloorMs),
      ms(summary.esbuildFloorMs),
      summary.buildToTsc.toFixed(2),
      summary.buildToEsbuild.toFixed(2),
    ]),
  );
  const first = table(
    ['pages', 'first build ms', 'first tsc+Less ms', 'first build/tsc'],
    summaries.map((summary) => [
      String(summary.size),
      ms(summary.firstBuildMs),
      ms(summary.firstTscFloorMs),
      summary.firstBuildToTsc.toFixed(2),
    ]),
  );
  const watch = table(
    [
      'pages',
      '.ts med/max',
      '.less med/max',
      '.axml med/max',
      'type error med/max',
      'RSS MB first/last',
      'heap MB first/last',
    ],
    summaries.map((summary) => [
      String(summary.size),
      `${ms(summary.rebuild.ts.medianMs)}/${ms(summary.rebuild.ts.maxMs)}`,
      `${ms(summary.rebuild.less.medianMs)}/${ms(summary.rebuild.less.maxMs)}`,
      `${ms(summary.rebuild.axml.medianMs)}/${ms(summary.rebuild.axml.maxMs)}`,
      `${ms(summary.typeError.medianMs)}/${ms(summary.typeError.maxMs)}`,
      `${ms(summary.watchRssMb.first)}/${ms(summary.watchRssMb.last)}`,
      `${ms(summary.watchHeapMb.first)}/${ms(summary.watchHeapMb.last)}`,
    ]),
  );
  const targets = table(
    ['target', 'pages', 'measured', 'limit', 'met'],
    checks.map((check) => [
      check.target,
      String(check.size),
      check.measured,
      check.limit,
      check.met ? 'yes' : 'NO',
    ]),
  );
  return [
    'Cold build (wall ms, medians)',
    cold,
    '',
    'First build of each app, into no earlier output (wall ms, one run each)',
    first,
    '',
    'Watch: save to output written (ms)',
    watch,
    '',
    'Targets',
    targets,
  ].join('\n');
}
