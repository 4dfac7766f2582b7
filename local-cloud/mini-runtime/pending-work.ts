// Tracks the asynchronous work the runtime started (stubbed my.* calls, render flushes), so a
// test can wait until all of it settled. Promises the code under test creates on its own are
// drained by waiting several event-loop turns; timers are not waited for.

const idleTurnsNeeded = 3;
const maxTurns = 10_000;

export class PendingWork {
  private readonly active = new Set<Promise<unknown>>();
  private readonly errors: unknown[] = [];

  /** Adds a promise to wait for; a rejection is kept and rethrown by `settle`. */
  track(work: Promise<unknown>): void {
    const tracked = work.then(
      () => undefined,
      (error: unknown) => {
        this.errors.push(error);
      },
    );
    this.active.add(tracked);
    void tracked.finally(() => this.active.delete(tracked));
  }

  /**
   * Waits until no tracked work is left and the event loop turned a few times with nothing new,
   * then throws the first error a tracked callback raised (as the platform would report an
   * uncaught error).
   */
  async settle(): Promise<void> {
    let idleTurns = 0;

    for (let turn = 0; turn < maxTurns; turn++) {
      if (this.active.size > 0) {
        idleTurns = 0;
        await Promise.all([...this.active]);
      }

      await nextTurn();

      if (this.active.size === 0) idleTurns++;
      if (idleTurns >= idleTurnsNeeded) return this.throwFirstError();
    }

    throw new Error(
      `settle(): work was still pending after ${maxTurns} event-loop turns. ` +
        'Look for a stub or a page handler that starts new work in a loop.',
    );
  }

  private throwFirstError(): void {
    if (this.errors.length === 0) return;

    const [first] = this.errors.splice(0, this.errors.length);
    throw first;
  }
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
