// Type checking, apart from emitting: esbuild strips types file by file, so the types of each
// program (client, plugin, server) are checked here, in worker threads beside the emit.
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

import type ts from 'typescript';

import { SourceError } from './log';
import { typescript } from './typescript';

/** The programs that are type checked, each by its own tsconfig. */
export const TYPE_CHECKED = ['client', 'plugin', 'server'];

interface ReportedError {
  file: string;
  message: string;
  line?: number;
  column?: number;
}

function toReported(diagnostic: ts.Diagnostic): ReportedError {
  const message = typescript().flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!diagnostic.file || diagnostic.start === undefined) return { file: '', message };
  const position = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return {
    file: diagnostic.file.fileName,
    message: `TS${diagnostic.code}: ${message}`,
    line: position.line + 1,
    column: position.character + 1,
  };
}

function toSourceError(reported: ReportedError): SourceError {
  return new SourceError(
    path.resolve(reported.file),
    reported.message,
    reported.line,
    reported.column,
  );
}

/**
 * Type checks each program with gulp-typescript as a full program without emitting, which
 * reports the same diagnostics as `tsc --noEmit -p <program>`. Runs in a worker thread.
 */
export async function checkPrograms(
  root: string,
  programs = TYPE_CHECKED,
): Promise<ReportedError[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const gulpTypescript = require('gulp-typescript') as typeof import('gulp-typescript');
  const compiler = sharingSourceFiles(typescript());
  const reported: ReportedError[] = [];

  for (const program of programs) {
    const project = gulpTypescript.createProject(path.join(root, program, 'tsconfig.json'), {
      typescript: compiler,
      // Without it gulp-typescript takes the program's folder as rootDir, and the contract
      // files imported from outside it fail with TS6059.
      rootDir: root,
    });
    await new Promise<void>((resolve) => {
      const reporter = {
        error: (error: { diagnostic: ts.Diagnostic }) =>
          reported.push(toReported(error.diagnostic)),
      };
      const stream = project.src().pipe(project(reporter));
      // The compile stream emits "error" once after reporting; the reporter has the details.
      stream.on('error', () => undefined);
      stream.on('finish', resolve);
      stream.on('end', resolve);
      stream.resume();
    });
  }
  return reported;
}

/**
 * Returns the TypeScript module with one change: the compiler hosts it creates share the files
 * they parse, so the programs checked one after another parse and bind the standard library,
 * the type packages and the contract once, not once per program. gulp-typescript parses the
 * program's own files itself and gets every other file from such a host. Files are shared only
 * between programs whose options differ in nothing but `lib` and `types`, which do not change
 * how a file is parsed or bound. Measured on a 100-page app, checking the three programs took
 * 5.5 to 5.7 s instead of 5.7 to 6.2 s.
 */
export function sharingSourceFiles(compiler: typeof ts): typeof ts {
  const parsed = new Map<string, ts.SourceFile>();
  const createCompilerHost = (options: ts.CompilerOptions, setParentNodes?: boolean) => {
    const host = compiler.createCompilerHost(options, setParentNodes);
    const { configFilePath: _config, lib: _lib, types: _types, ...rest } = options;
    const optionsKey = JSON.stringify(rest, Object.keys(rest).sort());
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      const key = `${optionsKey}\0${JSON.stringify(languageVersion)}\0${fileName}`;
      let file = parsed.get(key);
      if (!file) {
        file = getSourceFile(fileName, languageVersion, onError, shouldCreate);
        if (file) parsed.set(key, file);
      }
      return file;
    };
    return host;
  };
  // TypeScript's exports are getters, so the override is defined on a new object.
  return Object.create(compiler, { createCompilerHost: { value: createCompilerHost } });
}

/** Runs the type check of `programs` in one worker thread, in parallel with the caller. */
function checkInWorker(root: string, programs: string[]): Promise<ReportedError[]> {
  const worker = new Worker(
    `require('esbuild-register/dist/node').register();
     const { parentPort, workerData } = require('node:worker_threads');
     require(workerData.module).checkPrograms(workerData.root, workerData.programs).then(
       (reported) => parentPort.postMessage({ reported }),
       (error) => parentPort.postMessage({ failure: String((error && error.stack) || error) }),
     );`,
    { eval: true, workerData: { root, programs, module: __filename } },
  );
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { reported?: ReportedError[]; failure?: string }) => {
      void worker.terminate();
      if (message.failure) reject(new Error(`type check failed to run: ${message.failure}`));
      else resolve(message.reported ?? []);
    });
    worker.once('error', reject);
  });
}

/**
 * Runs the type check of every program beside the caller, in as many worker threads as there are
 * cores beyond the one the emit uses (at least one, at most one per program).
 */
export async function checkTypesInWorker(
  root: string,
  cores = os.availableParallelism(),
): Promise<SourceError[]> {
  const groups = groupPrograms(TYPE_CHECKED, cores - 1);
  const results = await Promise.all(groups.map((programs) => checkInWorker(root, programs)));
  return results.flat().map(toSourceError);
}

/**
 * Splits `programs` into at most `workers` groups (at least one): each group but the last has one
 * program, and the last has the rest. The client program, listed first, is the largest in most
 * apps, so it is checked alone. On two cores one worker checks all three: measured on a 500-page
 * app, three workers sharing two cores with the emit took longer than one and held 40% more memory.
 */
export function groupPrograms(programs: string[], workers: number): string[][] {
  const count = Math.max(1, Math.min(workers, programs.length));
  const groups = programs.slice(0, count - 1).map((program) => [program]);
  groups.push(programs.slice(count - 1));
  return groups;
}

/** The longest wait between a file change and the incremental check it starts, in ms. */
const WATCH_DELAY_MS = 25;

/** Watches one program and calls `post` after every check, incrementally. Runs in a worker. */
export function watchProgram(
  root: string,
  program: string,
  post: (reported: ReportedError[]) => void,
): void {
  const compiler = typescript();
  const host = compiler.createWatchCompilerHost(
    path.join(root, program, 'tsconfig.json'),
    {},
    compiler.sys,
    compiler.createSemanticDiagnosticsBuilderProgram,
    () => undefined,
    () => undefined,
  );
  // TypeScript waits 250 ms after a change before it checks again, to batch the writes of a
  // save or a checkout. Saves arrive whole, so a shorter wait reports a type error sooner.
  host.setTimeout = (callback, delay, ...args) =>
    setTimeout(callback, Math.min(delay, WATCH_DELAY_MS), ...args);
  host.afterProgramCreate = (builder) => {
    const diagnostics = [
      ...builder.getConfigFileParsingDiagnostics(),
      ...builder.getSyntacticDiagnostics(),
      ...builder.getGlobalDiagnostics(),
      ...builder.getSemanticDiagnostics(),
    ];
    post(diagnostics.map(toReported));
  };
  compiler.createWatchProgram(host);
}

/**
 * Watches each program in its own worker thread and reports its type errors after every change.
 * The checks never run on the caller's thread, so they never delay a rebuild. Returns a function
 * that stops the workers.
 */
export function watchTypes(
  root: string,
  onReport: (program: string, errors: SourceError[]) => void,
): () => void {
  const workers = TYPE_CHECKED.map((program) => {
    const worker = new Worker(
      `require('esbuild-register/dist/node').register();
       const { parentPort, workerData } = require('node:worker_threads');
       require(workerData.module).watchProgram(workerData.root, workerData.program, (reported) =>
         parentPort.postMessage(reported),
       );`,
      { eval: true, workerData: { root, program, module: __filename } },
    );
    worker.on('message', (reported: ReportedError[]) =>
      onReport(program, reported.map(toSourceError)),
    );
    worker.on('error', (error) => {
      const configFile = path.join(root, program, 'tsconfig.json');
      const message = `the type check stopped: ${error.message}; restart npm run dev`;
      onReport(program, [new SourceError(configFile, message)]);
    });
    return worker;
  });
  return () => workers.forEach((worker) => void worker.terminate());
}
