// The checked build output as the rules see it: where each target lives, and cached reads of
// its files (text, JSON with positions, AXML trees, JS syntax trees). Nothing here writes.
import fs from 'node:fs';
import path from 'node:path';

import * as acorn from 'acorn';
import { globSync } from 'tinyglobby';

import { parseAxml, type AxmlDocument } from './axml';
import { isInside } from './components';
import { loadContract, type ContractLoad } from './contract';
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
  /** Parse results by ECMAScript level and text: many files of a build have the same text. */
  private readonly parsedTexts = new Map<acorn.ecmaVersion, Map<string, ParsedJs>>();
  /** Every file under distDir, sorted, so that the files of one folder are adjacent. */
  private fileIndex?: string[];
  private readonly memos = new Map<string, unknown>();

  constructor(
    root: string,
    distDir: string,
    config: CheckConfig = {},
    private contractLoad?: ContractLoad,
  ) {
    this.root = path.resolve(root);
    this.distDir = path.resolve(this.root, distDir);
    this.config = config;
    this.sizeLimits = { ...DEFAULT_SIZE_LIMITS, ...config.sizeLimits };
  }

  /** The loaded contract module: passed in by the build, or loaded once per run. */
  get contract(): ContractLoad {
    this.contractLoad ??= loadContract(this.root, this.config.contractFile);
    return this.contractLoad;
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
    if (isInside(this.distDir, dir)) return this.listIndexed(path.resolve(dir), options);

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

  /**
   * Lists files under a folder of the build output from an index of distDir made on first use,
   * because the rules list each target's files several times and a large build has thousands
   * of folders. The check never writes the output, so the index stays current.
   */
  private listIndexed(
    dir: string,
    options: { extensions?: string[]; nodeModules?: boolean },
  ): string[] {
    this.fileIndex ??= indexFiles(this.distDir);
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    const suffixes = options.extensions?.map((extension) => `.${extension}`);
    const files: string[] = [];
    for (
      let index = lowerBound(this.fileIndex, prefix);
      index < this.fileIndex.length;
      index += 1
    ) {
      const file = this.fileIndex[index];
      if (!file.startsWith(prefix)) break;
      if (suffixes && !suffixes.some((suffix) => file.endsWith(suffix))) continue;
      const relative = file.slice(prefix.length);
      if (!options.nodeModules && relative.split(path.sep).includes('node_modules')) continue;
      files.push(file);
    }
    return files;
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

  /**
   * Parses a JS file for analysis: at its target's ECMAScript level first, so that `js-syntax`
   * reuses the result, else at the newest level. The two trees differ only in fields of newer
   * syntax that are false here (such as `async`), which no rule reads. Returns undefined when
   * the file is missing or is not valid JavaScript.
   */
  readJs(file: string): acorn.Program | undefined {
    const text = this.readText(file);
    if (text === undefined) return undefined;
    const level = this.jsLevel(file);
    const atLevel = level === 'latest' ? undefined : this.parseJs(text, level, true).program;
    return atLevel ?? this.parseJs(text, 'latest', true).program;
  }

  /**
   * Parses JS text at an ECMAScript level, once per level and text. The tree is kept only when
   * `keepTree` is set, since a large build has thousands of distinct texts.
   */
  parseJs(text: string, ecmaVersion: acorn.ecmaVersion, keepTree = false): ParsedJs {
    // Keyed by the text itself: a key built from it would copy every text of the build.
    let byText = this.parsedTexts.get(ecmaVersion);
    if (!byText) this.parsedTexts.set(ecmaVersion, (byText = new Map()));
    const cached = byText.get(text);
    if (cached && (cached.program || cached.error || !keepTree)) return cached;

    let parsed: ParsedJs;
    try {
      const program = acorn.parse(text, jsParseOptions(ecmaVersion));
      parsed = keepTree ? { program } : {};
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      parsed = { error };
    }
    byText.set(text, parsed);
    return parsed;
  }

  /** Returns the ECMAScript level of a JS file's runtime, from the target it is in. */
  jsLevel(file: string): acorn.ecmaVersion {
    const { client, plugin, functions } = this.layout;
    const target = [client, plugin, ...functions].find(
      (candidate) => candidate && isInside(candidate.dir, file),
    );
    return target ? JS_LEVELS[target.kind].ecmaVersion : 'latest';
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

/** The ECMAScript level of each target's runtime, and its name in messages. */
export const JS_LEVELS: Record<Target['kind'], { ecmaVersion: acorn.ecmaVersion; label: string }> =
  {
    client: { ecmaVersion: 2015, label: 'ES2015' },
    plugin: { ecmaVersion: 2015, label: 'ES2015' },
    function: { ecmaVersion: 2019, label: 'ES2019' },
  };

/** A parse result: the syntax error, or the tree when it was kept. */
export interface ParsedJs {
  program?: acorn.Program;
  error?: SyntaxError;
}

/** Lists every file under `dir`, following symbolic links as a glob does, sorted. */
function indexFiles(dir: string): string[] {
  const files: string[] = [];
  const visited = new Set<string>();
  const visit = (folder: string) => {
    // A link back to a folder being listed would loop.
    const real = fs.realpathSync(folder);
    if (visited.has(real)) return;
    visited.add(real);
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      const target = entry.isSymbolicLink() ? fs.statSync(full, { throwIfNoEntry: false }) : entry;
      if (target?.isDirectory()) visit(full);
      else if (target?.isFile()) files.push(full);
    }
    visited.delete(real);
  };
  visit(dir);
  return files.sort();
}

/** Returns the index of the first item of sorted `items` that is not less than `value`. */
function lowerBound(items: string[], value: string): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (items[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
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
