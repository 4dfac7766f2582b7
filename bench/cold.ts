// The cold half of the benchmark: `gulp build --env test` as a child process, and the two floors
// (bench/floor.ts) on the same sources, interleaved so that a change in machine load during the
// run affects all three alike. Each build compiles, checks and writes every file. The build and
// the floors write over their earlier output, so the first build of an app and the first tsc
// floor, which create every output file, are reported apart.
import path from 'node:path';

import { runMeasured, type ProcessRun } from './process-tree';

export interface FloorRun extends ProcessRun {
  /** Milliseconds the floor spent compiling and rendering Less, without Node's start-up. */
  innerMs: number;
}

export interface ColdResult {
  /** The first build of the app, with no earlier output to write over. */
  firstBuild: ProcessRun;
  /** The first tsc floor, likewise. */
  firstTscFloor: FloorRun;
  build: ProcessRun[];
  tscFloor: FloorRun[];
  esbuildFloor: FloorRun[];
}

const BENCH_DIR = __dirname;

function childEnv(): NodeJS.ProcessEnv {
  return { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

/** Runs one cold build of the app at `root`; throws with the build's output when it fails. */
export async function runColdBuild(root: string): Promise<ProcessRun> {
  const gulp = path.join(root, 'node_modules', 'gulp', 'bin', 'gulp.js');
  const run = await runMeasured(
    process.execPath,
    [gulp, 'build', '--env', 'test'],
    root,
    childEnv(),
  );
  if (run.code !== 0) {
    throw new Error(
      `gulp build failed in ${root} (exit ${run.code}):\n${lastLines(run.output, 30)}`,
    );
  }
  return run;
}

/** Runs one floor (`tsc` or `esbuild`) on the app at `root`. */
export async function runFloor(root: string, mode: 'tsc' | 'esbuild'): Promise<FloorRun> {
  const args = ['-r', 'esbuild-register', path.join(BENCH_DIR, 'floor.ts'), mode, root];
  const run = await runMeasured(process.execPath, args, root, childEnv());
  if (run.code !== 0) {
    throw new Error(
      `floor "${mode}" failed in ${root} (exit ${run.code}):\n${lastLines(run.output, 30)}`,
    );
  }
  const report = JSON.parse(lastLines(run.output, 1)) as {
    compileMs: number;
    lessMs: number;
    diagnostics: number;
  };
  if (report.diagnostics > 0) {
    throw new Error(
      `floor "${mode}" found ${report.diagnostics} type errors in ${root}; the generated app must type check`,
    );
  }
  return { ...run, innerMs: report.compileMs + report.lessMs };
}

/** Measures `repeat` cold builds and floors of the app at `root`. */
export async function measureCold(root: string, repeat: number): Promise<ColdResult> {
  const firstBuild = await runColdBuild(root);
  const firstTscFloor = await runFloor(root, 'tsc');
  // The second build still creates its staging folder. From the third on, a build writes over
  // the output that the one before it set aside.
  await runColdBuild(root);
  const result: ColdResult = {
    firstBuild,
    firstTscFloor,
    build: [],
    tscFloor: [],
    esbuildFloor: [],
  };
  for (let round = 0; round < repeat; round += 1) {
    result.build.push(await runColdBuild(root));
    result.tscFloor.push(await runFloor(root, 'tsc'));
    result.esbuildFloor.push(await runFloor(root, 'esbuild'));
  }
  return result;
}
