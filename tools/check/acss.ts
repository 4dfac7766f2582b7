// Parses ACSS with postcss, once per file.
import postcss, { CssSyntaxError, type Root } from 'postcss';

import type { CheckProject } from './project';

export type AcssResult = { root: Root } | { error: CssSyntaxError };

export function readAcss(project: CheckProject, file: string): AcssResult | undefined {
  return project.memo(`acss:${file}`, () => {
    const text = project.readText(file);
    if (text === undefined) return undefined;
    try {
      return { root: postcss.parse(text, { from: file }) };
    } catch (error) {
      if (error instanceof CssSyntaxError) return { error };
      throw error;
    }
  });
}
