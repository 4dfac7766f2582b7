// Runs a command as a child process and measures its wall time and peak memory. Memory is
// sampled from /proc (Linux only): the resident set of the child and every descendant, added up,
// every few milliseconds. Worker threads share their process's memory, so they are included.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface ProcessRun {
  code: number;
  /** Milliseconds from spawn to exit. */
  wallMs: number;
  /** The largest sampled sum of VmRSS over the process tree, in bytes; 0 without /proc. */
  peakRssBytes: number;
  /** The child's own VmHWM (peak resident set) at its last sample, in bytes. */
  peakHwmBytes: number;
  output: string;
}

const SAMPLE_INTERVAL_MS = 20;

/** Reads one field of /proc/<pid>/status in bytes, or 0 when the process is gone. */
function readStatusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return 0;
  }
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/** Lists a process and all its descendants through /proc/<pid>/task/<tid>/children. */
function processTree(pid: number): number[] {
  const pids = [pid];
  for (let index = 0; index < pids.length; index += 1) {
    let tasks: string[];
    try {
      tasks = fs.readdirSync(`/proc/${pids[index]}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      let children = '';
      try {
        children = fs.readFileSync(`/proc/${pids[index]}/task/${task}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const child of children.split(' ').filter(Boolean)) pids.push(Number(child));
    }
  }
  return pids;
}

/** Runs `command args` in `cwd` and resolves when it exits, with its time and peak memory. */
export function runMeasured(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));

    let peakRssBytes = 0;
    let peakHwmBytes = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      const rss = processTree(child.pid).reduce(
        (sum, pid) => sum + readStatusBytes(pid, 'VmRSS'),
        0,
      );
      peakRssBytes = Math.max(peakRssBytes, rss);
      peakHwmBytes = Math.max(peakHwmBytes, readStatusBytes(child.pid, 'VmHWM'));
    };
    const timer = setInterval(sample, SAMPLE_INTERVAL_MS);

    child.once('error', (error) => {
      clearInterval(timer);
      reject(new Error(`failed to start ${command}: ${error.message}`));
    });
    child.once('close', (code) => {
      clearInterval(timer);
      resolve({
        code: code ?? 1,
        wallMs: performance.now() - started,
        peakRssBytes,
        peakHwmBytes,
        output: Buffer.concat(chunks).toString('utf8'),
      });
    });
  });
}
