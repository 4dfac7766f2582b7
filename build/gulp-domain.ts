// Gulp runs each task inside a Node.js domain (async-done), and every timer, promise and file
// request made inside a domain pays for its bookkeeping. A 500-page build makes tens of
// thousands of them; measured there, the domain cost the main thread about 2.5 s of CPU.
import type { Domain } from 'node:domain';

/**
 * Starts `task` outside the active domain, if there is one. The task's promise still reports
 * its result to gulp; only errors thrown outside the task's promise chain reach Node's default
 * handler instead of gulp's.
 */
export function outsideDomain<T>(task: () => Promise<T>): Promise<T> {
  // Read from process rather than node:domain, whose loading alone would turn the hooks on.
  const active = (process as { domain?: Domain | null }).domain;
  if (!active) return task();
  active.exit();
  try {
    return task();
  } finally {
    active.enter();
  }
}
