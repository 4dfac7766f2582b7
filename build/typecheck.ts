// Type checking, apart from emitting: esbuild strips types file by file, so the types of each
// program (client, plugin, server) are checked here, in a worker thread beside the emit.
import path from 'node:path';
import { Worker } from 'node:worker_threads';

import ts from 'typescript';

import { SourceError } from './log';

/** The programs that are type checked, each by its own tsconfig. */
export const TYPE_CHECKED = ['client', 'plugin', 'server'];

interface ReportedError {
  file: string;
  message: string;
  line?: number;
  column?: number;
}

function toReported(diagnostic: ts.Diagnostic): ReportedError {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
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
  return new SourceError(path.resolve(reported.file), reported.message, reported.line, reported.column);
}

/** Type checks each program with gulp-typescript (full program, no emit). Runs in the worker. */
export async function checkPrograms(root: string, programs = TYPE_CHECKED): Promise<ReportedError[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const gulpTypescript = require('gulp-typescript') as typeof import('gulp-typescript');
  const reported: ReportedError[] = [];

  for (const program of programs) {
    const project = gulpTypescript.createProject(path.join(root, program, 'tsconfig.json'), {
      typescript: ts,
      rootDir: root,
    });
    await new Promise<void>((resolve) => {
      const reporter = {
        error: (error: { diagnostic: ts.Diagnostic }) => reported.push(toReported(error.diagnostic)),
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

/** Runs the type check of every program in a worker thread, in parallel with the caller. */
export function checkTypesInWorker(root: string): Promise<SourceError[]> {
  const worker = new Worker(
    `require('esbuild-register/dist/node').register();
     const { parentPort, workerData } = require('node:worker_threads');
     require(workerData.module).checkPrograms(workerData.root).then(
       (reported) => parentPort.postMessage({ reported }),
       (error) => parentPort.postMessage({ failure: String(error && error.stack || error) }),
     );`,
    { eval: true, workerData: { root, module: __filename } },
  );
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { reported?: ReportedError[]; failure?: string }) => {
      void worker.terminate();
      if (message.failure) reject(new Error(`type check failed to run: ${message.failure}`));
      else resolve((message.reported ?? []).map(toSourceError));
    });
    worker.once('error', reject);
  });
}

/** Watches each program and reports its type errors after every change, incrementally. */
export function watchTypes(root: string, onReport: (program: string, errors: SourceError[]) => void): () => void {
  const watchers = TYPE_CHECKED.map((program) => {
    let pending: ReportedError[] = [];
    const host = ts.createWatchCompilerHost(
      path.join(root, program, 'tsconfig.json'),
      {},
      ts.sys,
      ts.createSemanticDiagnosticsBuilderProgram,
      (diagnostic) => pending.push(toReported(diagnostic)),
      () => undefined,
    );
    host.afterProgramCreate = (builder) => {
      const diagnostics = [
        ...builder.getConfigFileParsingDiagnostics(),
        ...builder.getSyntacticDiagnostics(),
        ...builder.getGlobalDiagnostics(),
        ...builder.getSemanticDiagnostics(),
      ];
      pending = [];
      onReport(program, diagnostics.map(toReported).map(toSourceError));
    };
    return ts.createWatchProgram(host);
  });
  return () => watchers.forEach((watcher) => watcher.close());
}
