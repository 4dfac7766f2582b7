// Less to ACSS for one file. Partials (file names starting with "_") are imported by others and
// never emitted on their own.
import path from 'node:path';

import less from 'less';

import { SourceError } from '../log';

export interface StyleOutput {
  css: string;
  /** Absolute paths of every file this one imports, partials included. */
  imports: string[];
}

/** True for a Less partial: imported by other files, not emitted. */
export function isPartial(file: string): boolean {
  return path.basename(file).startsWith('_');
}

interface LessError {
  message: string;
  filename?: string;
  line?: number | null;
  column?: number | null;
}

/** Renders one Less file to CSS. Throws SourceError[] on a syntax or import error. */
export async function compileLess(file: string, source: string): Promise<StyleOutput> {
  try {
    const output = await less.render(source, { filename: file, math: 'parens-division' });
    return { css: output.css, imports: output.imports.map((imported) => path.resolve(imported)) };
  } catch (error) {
    const failure = error as LessError;
    const where = failure.filename && failure.filename !== 'input' ? failure.filename : file;
    throw [
      new SourceError(
        path.resolve(where),
        failure.message,
        failure.line ?? undefined,
        failure.column === null || failure.column === undefined ? undefined : failure.column + 1,
      ),
    ];
  }
}
