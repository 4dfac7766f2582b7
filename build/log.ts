// The build's logger: a few lines per task, every error with its file, line and column.
import path from 'node:path';

import pc from 'picocolors';

/** A problem in one source file, reported as `file:line:col  message`. */
export class SourceError extends Error {
  override name = 'SourceError';

  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }

  /** Formats the error as `file:line:col  message`, with the file relative to the project. */
  format(root: string): string {
    const where = [path.relative(root, this.file) || this.file, this.line, this.column]
      .filter((part) => part !== undefined)
      .join(':');
    return `${where}  ${this.message}`;
  }
}

/** Drops repeated errors: a shared file is compiled and type checked once per target. */
export function uniqueErrors(errors: SourceError[]): SourceError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.file}:${error.line}:${error.column}:${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Thrown when a build step fails after its errors were printed. */
export class BuildFailed extends Error {
  override name = 'BuildFailed';
  /** Tells gulp to print the message alone: the errors were already printed with locations. */
  readonly showStack = false;

  override toString(): string {
    return `build failed: ${this.message}`;
  }
}

export interface Logger {
  info(message: string): void;
  error(message: string): void;
  sourceErrors(errors: SourceError[]): void;
}

/** Creates a logger that prints paths relative to `root`. */
export function createLogger(root: string, stream: NodeJS.WritableStream = process.stdout): Logger {
  const time = () => pc.dim(new Date().toTimeString().slice(0, 8));
  return {
    info(message) {
      stream.write(`${time()} ${message}\n`);
    },
    error(message) {
      stream.write(`${time()} ${pc.red('error')} ${message}\n`);
    },
    sourceErrors(errors) {
      for (const error of errors) stream.write(`${pc.red('error')} ${error.format(root)}\n`);
    },
  };
}

/** Formats a byte count for the build log. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** Computes 1-based line and column of a character offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
