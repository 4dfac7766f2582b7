// The strict `my` object: reading any API the test did not stub throws, so a test fails at the
// first platform call it did not plan for instead of running on against a silent fake.
import { PendingWork } from './pending-work';

/** Options a callback-style my.* API receives. */
export interface CallbackOptions {
  success?: (result: unknown) => void;
  fail?: (error: unknown) => void;
  complete?: (resultOrError: unknown) => void;
  [key: string]: unknown;
}

/** A stub of a callback-style API: returns (or resolves with) the result, throws to fail. */
export type CallbackStub = (options: CallbackOptions) => unknown;

/** A stub called as is, with the caller's arguments; its return value goes back to the caller. */
export type RawStub = (...args: any[]) => unknown;

/** One recorded call of a stubbed API. */
export interface RecordedCall {
  api: string;
  args: unknown[];
}

// Proxy traps must not see these as APIs: promise resolution and inspection read them.
const ignoredKeys = new Set(['then', 'toJSON', 'constructor', 'inspect']);

export class MyApi {
  /** The global `my` of the code under test. */
  readonly proxy: Record<string, any>;

  private readonly stubs = new Map<string, RawStub>();
  private readonly recorded: RecordedCall[] = [];

  constructor(private readonly pending: PendingWork) {
    this.proxy = new Proxy({} as Record<string, any>, {
      get: (_target, key) => this.read(key),
      has: (_target, key) => typeof key === 'string' && this.stubs.has(key),
      set: (_target, key) => {
        throw new Error(`my.${String(key)} cannot be assigned by the code under test; stub it.`);
      },
    });
  }

  /**
   * Stubs a callback-style API (`success`/`fail`/`complete`). The implementation returns or
   * resolves with the value passed to `success`, or throws (rejects) with the value passed to
   * `fail`. An API whose name ends in `Sync` is called directly and returns the value.
   */
  stub(api: string, implementation: CallbackStub = () => undefined): this {
    if (api.endsWith('Sync')) return this.stubRaw(api, implementation);

    this.stubs.set(api, (options: CallbackOptions = {}) => {
      const work = this.runCallbackStub(implementation, options);
      this.pending.track(work);
    });
    return this;
  }

  /** Stubs an API with a function called as is, such as a `my.sendMtop` from the bridge. */
  stubRaw(api: string, implementation: RawStub): this {
    this.stubs.set(api, (...args: unknown[]) => {
      const returned = implementation(...args);
      if (isThenable(returned)) this.pending.track(Promise.resolve(returned));
      return returned;
    });
    return this;
  }

  /** Stubs callback-style APIs that succeed with no result, such as showLoading and hideLoading. */
  stubAll(apis: string[]): this {
    for (const api of apis) this.stub(api);
    return this;
  }

  /**
   * Stubs what @tbmp/mp-cloud-sdk 1.5.10 calls: `sendMtop` (for example the local cloud bridge)
   * and `getFileSystemManager`, which its init calls and which returns undefined here, as where
   * no file system is available.
   */
  stubCloudSdk(sendMtop: RawStub): this {
    return this.stubRaw('sendMtop', sendMtop).stubRaw('getFileSystemManager', () => undefined);
  }

  /** Removes a stub, so the API throws again when read. */
  unstub(api: string): this {
    this.stubs.delete(api);
    return this;
  }

  /** Returns the recorded calls, of one API or of all. */
  calls(api?: string): RecordedCall[] {
    return this.recorded.filter((call) => api === undefined || call.api === api);
  }

  /** Returns the first argument of each recorded call of `api` (the options object). */
  callOptions(api: string): unknown[] {
    return this.calls(api).map((call) => call.args[0]);
  }

  /** Forgets the recorded calls, keeping the stubs. */
  clearCalls(): void {
    this.recorded.length = 0;
  }

  private read(key: string | symbol): unknown {
    if (typeof key === 'symbol' || ignoredKeys.has(key)) return undefined;

    const stub = this.stubs.get(key);
    if (!stub) throw new Error(`my.${key} is not stubbed in this test`);

    return (...args: unknown[]) => {
      this.recorded.push({ api: key, args });
      return stub(...args);
    };
  }

  private async runCallbackStub(implementation: CallbackStub, options: CallbackOptions) {
    let outcome: { ok: boolean; value: unknown };
    try {
      outcome = { ok: true, value: await implementation(options) };
    } catch (error) {
      outcome = { ok: false, value: error };
    }

    if (outcome.ok) options.success?.(outcome.value);
    else options.fail?.(outcome.value);
    options.complete?.(outcome.value);
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
