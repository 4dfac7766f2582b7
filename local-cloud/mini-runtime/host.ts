// The host mini-program under test: app.js and App(), the pages of app.json, a page stack,
// components mounted by the test, and the plugins requirePlugin() reaches.
import fs from 'node:fs';
import path from 'node:path';

import { ComponentHandle } from './component';
import type { ConsoleLevel, ConsoleLine } from './console';
import type { MiniInstance } from './data-methods';
import { MyApi } from './my-api';
import { PageHandle } from './page';
import { PendingWork } from './pending-work';
import { PluginHandle } from './plugin';
import { type Definition, MiniRealm } from './realm';

export interface HostOptions {
  /** The host's output folder, such as dist/client. */
  root: string;
  /** Plugin output folders by alias (as in app.json `plugins`) or by plugin id. */
  plugins?: Record<string, string>;
  /** Prints the console of the code under test as well as recording it. */
  printConsole?: boolean;
}

/** The fields of app.json this runtime reads. */
interface AppManifest {
  pages?: string[];
  plugins?: Record<string, { provider?: string; version?: string }>;
}

/** The launch options passed to onLaunch and onShow. */
export interface LaunchOptions {
  query?: Record<string, string>;
  path?: string;
  scene?: number;
}

const pluginUrl = /^(?:dynamic-)?plugin:\/\/([^/]+)\/(.+)$/;

export class MiniHost {
  readonly my: MyApi;
  readonly consoleLines: ConsoleLine[] = [];

  private readonly pending = new PendingWork();
  private readonly realm: MiniRealm;
  private readonly manifest: AppManifest;
  private readonly pages: PageHandle[] = [];
  private readonly plugins = new Map<string, PluginHandle>();
  private appObject: Definition | undefined;

  constructor(private readonly options: HostOptions) {
    this.my = new MyApi(this.pending);
    this.manifest = readAppManifest(options.root);
    this.realm = new MiniRealm({
      root: options.root,
      my: this.my,
      consoleLines: this.consoleLines,
      printConsole: options.printConsole ?? false,
      globals: {
        App: (definition: Definition) => this.registerApp(definition),
        getApp: () => this.appObject,
        getCurrentPages: () => this.currentPages(),
        requirePlugin: (name: string) => this.plugin(name).main(),
      },
    });
  }

  /** The object App() received, what getApp() returns; undefined before launch. */
  get app(): Definition | undefined {
    return this.appObject;
  }

  /** Loads app.js, then runs onLaunch and onShow with `launchOptions`. */
  launch(launchOptions: LaunchOptions = {}): Definition {
    this.realm.requireFile('app');
    const app = this.appObject;
    if (!app) {
      throw new Error(`${path.join(this.realm.root, 'app.js')} did not call App(); call it once.`);
    }

    const options = { query: {}, path: this.manifest.pages?.[0], ...launchOptions };
    app.onLaunch?.call(app, options);
    app.onShow?.call(app, options);
    return app;
  }

  /**
   * Opens a page as navigateTo does: `route` is a path from app.json `pages` (a query string
   * is allowed), or `plugin://<alias>/<publicPage>`. Runs onLoad(query), onShow, onReady.
   */
  openPage(route: string, query: Record<string, string> = {}): PageHandle {
    const [pathPart, queryString] = route.replace(/^\/+/, '').split('?');
    const fullQuery = { ...Object.fromEntries(new URLSearchParams(queryString)), ...query };
    const { realm, modulePath } = this.locatePage(pathPart);

    const definition = realm.loadDefinition('Page', modulePath);
    const page = new PageHandle(pathPart, definition, realm, this.pending);
    this.pages.at(-1)?.runLifecycle('onHide');
    this.pages.push(page);

    page.runLifecycle('onLoad', fullQuery);
    page.runLifecycle('onShow');
    page.runLifecycle('onReady');
    return page;
  }

  /** Closes the top page as navigateBack does: onUnload, then onShow of the page below. */
  closePage(): void {
    const page = this.pages.pop();
    if (!page) throw new Error('closePage(): no page is open.');

    page.runLifecycle('onUnload');
    this.pages.at(-1)?.runLifecycle('onShow');
  }

  /**
   * Mounts a component with `props`: `path` is a host module path such as
   * 'components/card/index', or `plugin://<alias>/<publicComponent>`.
   */
  mountComponent(
    componentPath: string,
    props: Record<string, unknown> = {},
    options: { page?: PageHandle } = {},
  ): ComponentHandle {
    const { realm, modulePath } = this.locateComponent(componentPath);
    const definition = realm.loadDefinition('Component', modulePath);
    const page = options.page?.instance as MiniInstance | undefined;
    return new ComponentHandle(modulePath, definition, realm, this.pending, props, page).mount();
  }

  /** Returns a plugin by alias, plugin id or `dynamic-plugin://<id>`, loading it once. */
  plugin(name: string): PluginHandle {
    const root = path.resolve(this.resolvePluginRoot(name));
    const known = this.plugins.get(root);
    if (known) return known;

    const plugin = new PluginHandle(root, {
      my: this.my,
      consoleLines: this.consoleLines,
      printConsole: this.options.printConsole ?? false,
    });
    this.plugins.set(root, plugin);
    return plugin;
  }

  /** Waits until stubbed my.* calls, setData renders and the promises they chain settled. */
  settle(): Promise<void> {
    return this.pending.settle();
  }

  /** Returns the console lines the code under test wrote, as text, of one level or all. */
  consoleText(level?: ConsoleLevel): string[] {
    return this.consoleLines
      .filter((line) => level === undefined || line.level === level)
      .map((line) => line.args.map(formatArgument).join(' '));
  }

  private registerApp(definition: Definition): void {
    if (this.appObject) throw new Error('App() was called twice; call it once, in app.js.');
    this.appObject = definition ?? {};
  }

  private currentPages(): MiniInstance[] {
    const pages = new this.realm.constructors.Array() as MiniInstance[];
    for (const page of this.pages) pages.push(page.instance);
    return pages;
  }

  private locatePage(route: string): { realm: MiniRealm; modulePath: string } {
    const plugin = route.match(pluginUrl);
    if (plugin) {
      const handle = this.plugin(plugin[1]);
      return { realm: handle.realm, modulePath: handle.pagePath(plugin[2]) };
    }

    const pages = this.manifest.pages ?? [];
    if (!pages.includes(route)) {
      throw new Error(
        `Page '${route}' is not in ${path.join(this.realm.root, 'app.json')} pages ` +
          `(${pages.join(', ') || 'none'}). Add it there or fix the path.`,
      );
    }
    return { realm: this.realm, modulePath: route };
  }

  private locateComponent(componentPath: string): { realm: MiniRealm; modulePath: string } {
    const plugin = componentPath.match(pluginUrl);
    if (!plugin) return { realm: this.realm, modulePath: componentPath.replace(/^\/+/, '') };

    const handle = this.plugin(plugin[1]);
    return { realm: handle.realm, modulePath: handle.componentPath(plugin[2]) };
  }

  // Tries the name itself, then the app.json alias-to-provider mapping in both directions.
  private resolvePluginRoot(name: string): string {
    const key = name.replace(/^dynamic-plugin:\/\//, '');
    const roots = this.options.plugins ?? {};
    if (roots[key]) return roots[key];

    const declared = this.manifest.plugins ?? {};
    const provider = declared[key]?.provider;
    if (provider && roots[provider]) return roots[provider];

    const alias = Object.keys(declared).find((candidate) => declared[candidate].provider === key);
    if (alias && roots[alias]) return roots[alias];

    throw new Error(
      `Plugin '${name}' has no folder in this test. ` +
        `Pass plugins: { '${key}': '<path to dist/plugin>' } when creating the host.`,
    );
  }
}

function readAppManifest(root: string): AppManifest {
  const file = path.join(root, 'app.json');
  if (!fs.existsSync(file)) {
    throw new Error(`${file} not found: pass the host's output folder (dist/client).`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as AppManifest;
}

function formatArgument(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
