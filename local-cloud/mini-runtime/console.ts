// The console of a vm context: records every line, and prints it too when asked. Recording is
// the default because the cloud SDK logs each request it sends.

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

/** One recorded console line. */
export interface ConsoleLine {
  level: ConsoleLevel;
  args: unknown[];
}

const levels: ConsoleLevel[] = ['log', 'info', 'warn', 'error', 'debug'];

export function createRecordingConsole(lines: ConsoleLine[], print: boolean) {
  const target: Record<string, (...args: unknown[]) => void> = {};
  for (const level of levels) {
    target[level] = (...args: unknown[]) => {
      lines.push({ level, args });
      if (print) console[level](...args);
    };
  }
  return target;
}
