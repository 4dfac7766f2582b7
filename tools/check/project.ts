// The checked build output as the rules see it: where each target lives, and cached reads of
// its files (text, JSON with positions, AXML trees, JS syntax trees). Nothing here writes.
import fs from 'node:fs';
import path from 'node:path';

import * as acorn from 'acorn';
import { globSync } from 'tinyglobby';

import { parseAxml, type AxmlDocument } from './axml';
import { JsonSyntaxError, parseJson, type JsonDocument } from './json';
import { LineIndex, type Position } from './position';
import type { CheckConfig, Finding, Severity, SizeLimits } from './types';

const MEGABYTE = 1024 * 1024;

// NOTE: 2 MB is the main-package limit of Alipay and WeChat mini-programs. No Taobao document
// found here states the limit for Taobao apps or plugins, so both defaults assume the same.
// The 10 MB per cloud function is an estimate, not a documented limit.
export const DEFAULT_SIZE_LIMITS: SizeLimits = {
  client: 2 * MEGABYTE,
  plugin: 2 * MEGABYTE,
  function: 10 * MEGABYTE,
};

/** One uploaded folder: the host app, the plugin, or one cloud function. */
export interface Target {
  kind: 'client' | 'plugin' | 'function';
  /** `client`, `plugin`, or the cloud function's folder name. */
  name: string;
  dir: string;
}

export interface Layout {
  client?: Target;
  plugin?: Target;
  functions: Target[];
}

export class CheckProject {
  readonly root: string;
  readonly distDir: string;
  readonly config: CheckConfig;
  readonly sizeLimits: SizeLimits;
  private layoutCache?: Layout;
  private readonly texts = new Map<string, string | undefined>();
  private readonly lineIndexes = new Map<string, LineIndex>();
  private readonly jsonCache = new Map<string, JsonDocument | JsonSyntaxError | undefined>();
  private readonly axmlCache = new Map<string, AxmlDocument | undefined>();
  private readonly jsCache = new Map<string, acorn.Program | undefined>();
  private readonly memos = new Map<string, unknown>();

  constructor(root: string, distDir: string, config: CheckConfig = {}) {
    this.root = path.resolve(root);
    this.distDir = path.resolve(this.root, distDir);
    this.config = config;
    this.sizeLimits = { ...DEFAULT_SIZE_LIMITS, ...config.sizeLimits };
  }

  /** The uploaded folders of the build: from mini.project.json roots, else the default names. */
  get layout(): Layout {
    this.layoutCache ??= this.readLayout();
    return this.layoutCache;
  }

  /** Computes a value once per check run, for analyses that several rules share. */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  /** Paths relative to the project root with forward slashes, as findings print them. */
  relative(file: string): string {
    const relative = path.relative(this.root, file) || '.';
    return relative.split(path.sep).join('/');
  }

  /** Builds a finding. `where` is a position or a 0-based offset into the file's text. */
  finding(
    rule: string,
    severity: Severity,
    file: string,
    message: string,
    where?: Position | number,
  ): Finding {
    const finding: Finding = { file: this.relative(file), rule, severity, message };
    const position = typeof where === 'number' ? this.position(file, where) : where;
    if (position) {
      finding.line = position.line;
      finding.column = position.column;
    }
    return finding;
  }

  position(file: string, offset: number): Position {
    let index = this.lineIndexes.get(file);
    if (!index) {
      index = new LineIndex(this.readText(file) ?? '');
      this.lineIndexes.set(file, index);
    }
    return index.position(offset);
  }

  exists(file: string): boolean {
    return fs.existsSync(file);
  }

  isFile(file: string): boolean {
    return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  }

  isDirectory(file: string): boolean {
    return fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
  }

  /** Lists files under a folder, sorted. Extensions come without dots, node_modules on request. */
  listFiles(dir: string, options: { extensions?: string[]; nodeModules?: boolean } = {}): string[] {
    if (!this.isDirectory(dir)) return [];

    const patterns = options.extensions?.map((extension) => `**/*.${extension}`) ?? ['**/*'];
    const files = globSync(patterns, {
      cwd: dir,
      absolute: true,
      dot: true,
      onlyFiles: true,
      ignore: options.nodeModules ? [] : ['**/node_modules/**'],
    });
    return files.map((file) => path.normalize(file)).sort();
  }

  readText(file: string): string | undefined {
    if (!this.texts.has(file)) {
      this.texts.set(file, this.isFile(file) ? fs.readFileSync(file, 'utf8') : undefined);
    }
    return this.texts.get(file);
  }

  /** Parses a JSON file. A missing file returns undefined, and invalid JSON a `JsonSyntaxError`. */
  readJsonOrError(file: string): JsonDocument | JsonSyntaxError | undefined {
    if (!this.jsonCache.has(file)) this.jsonCache.set(file, this.parseJsonFile(file));
    return this.jsonCache.get(file);
  }

  /** Parses a JSON file, or returns undefined when it is missing or invalid (`json-syntax`). */
  readJson(file: string): JsonDocument | undefined {
    const document = this.readJsonOrError(file);
    return document instanceof JsonSyntaxError ? undefined : document;
  }

  readAxml(file: string): AxmlDocument | undefined {
    if (!this.axmlCache.has(file)) {
      const text = this.readText(file);
      this.axmlCache.set(file, text === undefined ? undefined : parseAxml(text));
    }
    return this.axmlCache.get(file);
  }

  /** Parses a JS file at the newest syntax level for analysis. `js-syntax` checks the level. */
  readJs(file: string): acorn.Program | undefined {
    if (!this.jsCache.has(file)) this.jsCache.set(file, this.parseJsFile(file));
    return this.jsCache.get(file);
  }

  private parseJsonFile(file: string): JsonDocument | JsonSyntaxError | undefined {
    const text = this.readText(file);
    if (text === undefined) return undefined;
    try {
      return parseJson(text);
    } catch (error) {
      if (error instanceof JsonSyntaxError) return error;
      throw error;
    }
  }

  private parseJsFile(file: string): acorn.Program | undefined {
    const text = this.readText(file);
    if (text === undefined) return undefined;
    try {
      return acorn.parse(text, jsParseOptions('latest'));
    } catch {
      return undefined;
    }
  }

  private readLayout(): Layout {
    const roots = this.readProjectRoots();
    const layout: Layout = { functions: [] };

    const clientDir = path.join(this.distDir, roots.client ?? 'client');
    if (this.isDirectory(clientDir))
      layout.client = { kind: 'client', name: 'client', dir: clientDir };

    const pluginDir = path.join(this.distDir, roots.plugin ?? 'plugin');
    if (this.isDirectory(pluginDir))
      layout.plugin = { kind: 'plugin', name: 'plugin', dir: pluginDir };

    // Taobao finds cloud functions in server/ by convention: mini.project.json has no key for it.
    const serverDir = path.join(this.distDir, 'server');
    if (this.isDirectory(serverDir)) {
      const names = fs.readdirSync(serverDir, { withFileTypes: true });
      for (const entry of names.filter((dirent) => dirent.isDirectory()).sort(byName)) {
        layout.functions.push({
          kind: 'function',
          name: entry.name,
          dir: path.join(serverDir, entry.name),
        });
      }
    }
    return layout;
  }

  private readProjectRoots(): { client?: string; plugin?: string } {
    const document = this.readJson(path.join(this.distDir, 'mini.project.json'));
    const value = document?.value as Record<string, unknown> | undefined;
    if (!value || typeof value !== 'object') return {};

    const pick = (key: string) =>
      typeof value[key] === 'string' ? (value[key] as string) : undefined;
    return { client: pick('miniprogramRoot'), plugin: pick('pluginRoot') };
  }
}

function byName(a: { name: string }, b: { name: string }): number {
  if (a.name === b.name) return 0;
  return a.name < b.name ? -1 : 1;
}

/** acorn options for emitted CommonJS: a script where a top-level `return` is allowed. */
export function jsParseOptions(ecmaVersion: acorn.ecmaVersion): acorn.Options {
  return {
    ecmaVersion,
    sourceType: 'script',
    allowReturnOutsideFunction: true,
    allowHashBang: true,
    locations: false,
  };
}
