// Page instances: built from what a page file passed to Page(), driven through onLoad, onShow,
// onReady, onHide and onUnload by the host's page stack.
import { copyInto, snapshot } from './copy';
import { installDataMethods, type MiniInstance } from './data-methods';
import { createEvent, type EventInit } from './events';
import type { PendingWork } from './pending-work';
import type { Definition, MiniRealm } from './realm';

export class PageHandle {
  /** The page object, `this` in the page's own code. */
  readonly instance: MiniInstance;

  constructor(
    readonly route: string,
    definition: Definition,
    readonly realm: MiniRealm,
    pending: PendingWork,
  ) {
    this.instance = createPageInstance(route, definition, realm);
    installDataMethods(this.instance, realm.constructors, pending);
  }

  /** A copy of the page's data as it is now. */
  get data(): Record<string, unknown> {
    return snapshot(this.instance.data);
  }

  /** Calls the page's event handler `name` with an event object built from `init`. */
  trigger(name: string, init?: EventInit): unknown {
    return this.call(name, createEvent(init));
  }

  /** Calls the page's method `name` with the given arguments; throws when it has none. */
  call(name: string, ...args: unknown[]): unknown {
    const method = this.instance[name];
    if (typeof method !== 'function') {
      throw new Error(`Page ${this.route} has no method '${name}'.`);
    }
    return method.apply(this.instance, args);
  }

  /** Runs a lifecycle function when the page defines it. */
  runLifecycle(name: string, ...args: unknown[]): void {
    const lifecycle = this.instance[name];
    if (typeof lifecycle === 'function') lifecycle.apply(this.instance, args);
  }
}

function createPageInstance(route: string, definition: Definition, realm: MiniRealm) {
  const instance = new realm.constructors.Object() as MiniInstance;

  for (const [key, value] of Object.entries(definition)) {
    if (key !== 'data') instance[key] = value;
  }
  instance.data = copyInto(definition.data ?? {}, realm.constructors);
  instance.route = route;
  return instance;
}
