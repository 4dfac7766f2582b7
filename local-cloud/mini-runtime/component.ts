// Component instances in the Component2 style: props merged over the declared defaults, then
// onInit, deriveDataFromProps and didMount; didUpdate after props or data change; didUnmount.
// NOTE: no AXML is rendered, so child components and slots are not created. A test mounts
// each component it needs and passes callback props (onXxx) itself.
import { copyInto, snapshot } from './copy';
import { installDataMethods, type MiniInstance, type RenderControl } from './data-methods';
import { createEvent, type EventInit } from './events';
import type { PendingWork } from './pending-work';
import type { Definition, MiniRealm } from './realm';

let nextComponentId = 1;

export class ComponentHandle {
  /** The component object, `this` in the component's own code. */
  readonly instance: MiniInstance;

  private readonly renderControl: RenderControl;
  private mounted = false;

  constructor(
    readonly path: string,
    private readonly definition: Definition,
    readonly realm: MiniRealm,
    pending: PendingWork,
    props: Record<string, unknown>,
    page?: MiniInstance,
  ) {
    rejectUnsupportedOptions(path, definition);
    this.instance = createComponentInstance(path, definition, realm, props, page);
    const onRender = (previousData: Record<string, unknown>) =>
      this.afterRender(this.instance.props, previousData);
    this.renderControl = installDataMethods(this.instance, realm.constructors, pending, onRender);
  }

  /** A copy of the component's data as it is now. */
  get data(): Record<string, unknown> {
    return snapshot(this.instance.data);
  }

  /** A shallow copy of the component's props (callback props keep their identity). */
  get props(): Record<string, unknown> {
    return { ...this.instance.props };
  }

  /**
   * Runs onInit and deriveDataFromProps, renders their setData calls as the first render (no
   * didUpdate), then runs didMount.
   */
  mount(): this {
    this.runLifecycle('onInit');
    this.runLifecycle('deriveDataFromProps', this.instance.props);
    this.renderControl.renderInitial();
    this.mounted = true;
    this.runLifecycle('didMount');
    return this;
  }

  /** Gives the component new props, as a parent's re-render would, then runs didUpdate. */
  setProps(changes: Record<string, unknown>): void {
    const previousProps = this.instance.props;
    const previousData = copyInto(this.instance.data, this.realm.constructors);
    const nextProps = Object.assign(new this.realm.constructors.Object(), previousProps, changes);

    this.runLifecycle('deriveDataFromProps', nextProps);
    this.instance.props = Object.freeze(nextProps);
    this.afterRender(previousProps, previousData);
  }

  /** Runs didUnmount; later setData calls still change data but run no didUpdate. */
  unmount(): void {
    this.runLifecycle('didUnmount');
    this.mounted = false;
  }

  /** Calls the method `name` (from `methods`) with an event object built from `init`. */
  trigger(name: string, init?: EventInit): unknown {
    return this.call(name, createEvent(init));
  }

  /** Calls the method `name` with the given arguments; throws when the component has none. */
  call(name: string, ...args: unknown[]): unknown {
    const method = this.instance[name];
    if (typeof method !== 'function') {
      throw new Error(`Component ${this.path} has no method '${name}' in its methods.`);
    }
    return method.apply(this.instance, args);
  }

  private afterRender(previousProps: unknown, previousData: Record<string, unknown>): void {
    if (this.mounted) this.runLifecycle('didUpdate', previousProps, previousData);
  }

  private runLifecycle(name: string, ...args: unknown[]): void {
    const lifecycle = this.definition[name];
    if (typeof lifecycle === 'function') lifecycle.apply(this.instance, args);
  }
}

function createComponentInstance(
  path: string,
  definition: Definition,
  realm: MiniRealm,
  props: Record<string, unknown>,
  page: MiniInstance | undefined,
): MiniInstance {
  const { Object: RealmObject } = realm.constructors;
  const instance = new RealmObject() as MiniInstance;

  Object.assign(instance, definition.methods ?? {});
  const defaults = copyInto(definition.props ?? {}, realm.constructors);
  instance.props = Object.freeze(Object.assign(new RealmObject(), defaults, props));
  instance.data = copyInto(resolveData(definition.data), realm.constructors);
  instance.is = path;
  instance.$id = nextComponentId++;
  instance.$page = page;
  return instance;
}

// Component data may be an object or a function returning one, as with Component2.
function resolveData(data: unknown): Record<string, unknown> {
  if (typeof data === 'function') return data() ?? {};
  return (data as Record<string, unknown>) ?? {};
}

function rejectUnsupportedOptions(path: string, definition: Definition): void {
  if (definition.mixins?.length) {
    throw new Error(`Component ${path} uses mixins, which this test runtime does not emulate.`);
  }
}
