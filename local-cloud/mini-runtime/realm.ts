// One vm context for one target folder (the host app or a plugin): its globals, its module
// loader, and the App/Page/Component registrations its files make while they load.
import path from 'node:path';
import vm from 'node:vm';

import { type ConsoleLine, createRecordingConsole } from './console';
import type { RealmConstructors } from './copy';
import { ModuleLoader } from './module-loader';
import type { MyApi } from './my-api';

/** The options object a file passed to Page() or Component(). */
export type Definition = Record<string, any>;

export interface RealmOptions {
  root: string;
  my: MyApi;
  consoleLines: ConsoleLine[];
  printConsole: boolean;
  /** Globals beyond the shared ones: App, getApp and getCurrentPages for the host only. */
  globals: Record<string, unknown>;
}

type RegistrationKind = 'Page' | 'Component';

export class MiniRealm {
  readonly root: string;
  readonly context: vm.Context;
  readonly loader: ModuleLoader;
  readonly constructors: RealmConstructors;

  private readonly definitions = new Map<string, Definition>();
  private loading: { kind: RegistrationKind; file: string; definition?: Definition } | undefined;

  constructor(options: RealmOptions) {
    this.root = path.resolve(options.root);
    this.context = vm.createContext(this.createGlobals(options), {
      name: this.root,
      // Mini-program runtimes forbid eval and new Function; so does this context.
      codeGeneration: { strings: false, wasm: false },
    });
    this.loader = new ModuleLoader(this.root, this.context);
    this.constructors = vm.runInContext('({ Object, Array })', this.context) as RealmConstructors;
  }

  /** Requires a file by its path relative to the root, as the platform loads app.js. */
  requireFile(relativePath: string): unknown {
    return this.loader.require(`/${relativePath}`, path.join(this.root, 'app.js'));
  }

  /** Loads `modulePath` (no extension) and returns what it passed to Page() or Component(). */
  loadDefinition(kind: RegistrationKind, modulePath: string): Definition {
    const file = this.loader.resolve(`/${modulePath}`, path.join(this.root, 'app.js'));
    const known = this.definitions.get(file);
    if (known) return known;

    this.loading = { kind, file };
    try {
      this.loader.requireResolved(file);
    } finally {
      const definition = this.loading?.definition;
      this.loading = undefined;
      if (definition) this.definitions.set(file, definition);
    }

    const definition = this.definitions.get(file);
    if (!definition) {
      throw new Error(`${file} was loaded but did not call ${kind}(). Call ${kind}({...}) once.`);
    }
    return definition;
  }

  private register(kind: RegistrationKind, definition: Definition): void {
    if (!this.loading || this.loading.kind !== kind) {
      throw new Error(
        `${kind}() was called outside a ${kind.toLowerCase()} file being loaded. ` +
          `Call ${kind}() only at the top level of the file listed for it.`,
      );
    }
    if (this.loading.definition) {
      throw new Error(`${this.loading.file} called ${kind}() twice; call it once per file.`);
    }
    this.loading.definition = definition ?? {};
  }

  private createGlobals(options: RealmOptions): Record<string, unknown> {
    return {
      console: createRecordingConsole(options.consoleLines, options.printConsole),
      my: options.my.proxy,
      Page: (definition: Definition) => this.register('Page', definition),
      Component: (definition: Definition) => this.register('Component', definition),
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      queueMicrotask,
      ...options.globals,
    };
  }
}
