// setData and $spliceData for pages and components. Both change `this.data` at once, then
// "render" in a later microtask, where setData callbacks run (and a component's didUpdate).
import { copyInto, type RealmConstructors } from './copy';
import { getAtPath, parseDataPath, setAtPath } from './data-path';
import type { PendingWork } from './pending-work';

/** A page or component instance: `this` in its own code. */
export type MiniInstance = Record<string, any> & { data: Record<string, unknown> };

/** A render listener; it receives the data as it was before the batch's first change. */
export type RenderListener = (previousData: Record<string, unknown>) => void;

interface RenderBatch {
  previousData: Record<string, unknown>;
  callbacks: Array<() => void>;
}

/** Control over the render step that installDataMethods schedules. */
export interface RenderControl {
  /** Renders pending changes now, without calling the render listener (a first render). */
  renderInitial(): void;
}

export function installDataMethods(
  instance: MiniInstance,
  realm: RealmConstructors,
  pending: PendingWork,
  onRender: RenderListener = () => undefined,
): RenderControl {
  let batch: RenderBatch | undefined;

  const startBatch = (callback: unknown): RenderBatch => {
    if (!batch) {
      batch = { previousData: copyInto(instance.data, realm), callbacks: [] };
      pending.track(Promise.resolve().then(() => render()));
    }
    if (typeof callback === 'function') batch.callbacks.push(() => callback.call(instance));
    return batch;
  };

  const render = (notify = true) => {
    const done = batch;
    batch = undefined;
    if (!done) return;

    for (const callback of done.callbacks) callback();
    if (notify) onRender(done.previousData);
  };

  const createContainer = (forIndex: boolean) =>
    (forIndex ? new realm.Array() : new realm.Object()) as Record<string | number, unknown>;

  instance.setData = function setData(changes: Record<string, unknown>, callback?: unknown) {
    startBatch(callback);
    for (const [key, value] of Object.entries(changes ?? {})) {
      setAtPath(instance.data, parseDataPath(key), copyInto(value, realm), createContainer);
    }
  };

  instance.$spliceData = function $spliceData(
    changes: Record<string, unknown[]>,
    callback?: unknown,
  ) {
    startBatch(callback);
    for (const [key, args] of Object.entries(changes ?? {})) {
      spliceAtPath(instance, key, args, realm);
    }
  };

  return { renderInitial: () => render(false) };
}

function spliceAtPath(
  instance: MiniInstance,
  key: string,
  args: unknown[],
  realm: RealmConstructors,
): void {
  const target = getAtPath(instance.data, parseDataPath(key));
  if (!Array.isArray(target)) {
    throw new Error(`$spliceData: data at '${key}' is not an array (found ${typeof target}).`);
  }
  if (!Array.isArray(args) || typeof args[0] !== 'number') {
    throw new Error(
      `$spliceData: '${key}' needs [start, deleteCount, ...items], got ${JSON.stringify(args)}.`,
    );
  }

  const [start, deleteCount = 0, ...items] = args as [number, number?, ...unknown[]];
  target.splice(start, deleteCount, ...items.map((item) => copyInto(item, realm)));
}
