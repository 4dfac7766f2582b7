// The build engine: compiles one source file at a time into every target that needs it, and
// remembers what each source produced, so a watch event touches only that file's outputs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { glob } from 'tinyglobby';

import type { ContractLoad } from '../tools/check/contract';
import { parseJson, replaceTokens } from './compile/json';
import {
  foreignContractImports,
  sliceContract,
  type ForeignImport,
} from './compile/contract-slice';
import { compileScript, resolveImport, type ScriptOutput } from './compile/script';
import { compileLess, isPartial } from './compile/style';
import { checkAxml } from './compile/template';
import { finalizeTargets } from './finalize';
import { SourceError } from './log';
import {
  isInside,
  mapPath,
  outputPath,
  targetOf,
  textTokens,
  type Project,
  type Target,
} from './project';

/** Source files that belong to no output: editor and compiler files, tests, declarations. */
const IGNORED = [
  '**/tsconfig.json',
  '**/*.d.ts',
  '**/node_modules/**',
  '**/.DS_Store',
  '**/*.test.ts',
];
const TEMPLATE_EXTENSIONS = new Set(['.axml', '.sjs', '.acss']);
/** Source files compiled at the same time in a full build. */
const CONCURRENT_FILES = 64;

export interface EngineStats {
  /** Output files written or found unchanged. */
  files: number;
  /** Their size in bytes. */
  bytes: number;
  /** Output files found holding the same content, and so not written again. */
  unchanged: number;
}

export class BuildEngine {
  /** Output files of each (target, source) pair, so deletions and renames clean up. */
  private readonly outputs = new Map<string, Set<string>>();
  /** Targets each shared source is emitted into. */
  private readonly sharedUsers = new Map<string, Set<Target>>();
  /** npm packages each (target, source) pair requires. */
  readonly packages = new Map<string, string[]>();
  /** Files each non-partial Less file imports. */
  private readonly lessImports = new Map<string, string[]>();
  /** Compiled shared files by target kind: every cloud function gets the same contract code. */
  private readonly sharedScripts = new Map<string, Promise<ScriptOutput>>();
  /** Targets whose whole-target outputs (manifests, packages) need regenerating. */
  private readonly dirty = new Set<Target>();
  private projectFileDirty = true;
  /**
   * Targets whose manifest (app.json, plugin.json) or set of files changed since their manifest
   * was last checked. Editing a file that exists cannot break a manifest entry, so a rebuild
   * after such an edit reuses the last result instead of looking up every listed page again.
   */
  private readonly layoutChanged = new Set<Target>();
  private readonly manifestResults = new Map<Target, SourceError[]>();
  /** Set when a contract file changed, so the login lists are read again. */
  contractChanged = true;
  /** Each cloud function's handlers that need no login, read from the contract. */
  loginFree?: Record<string, string[]>;
  /** The contract as last loaded, for the release check to reuse. */
  contract?: ContractLoad;
  readonly stats: EngineStats = { files: 0, bytes: 0, unchanged: 0 };
  /**
   * Set when the output folder holds an earlier build's output: a file whose content is the same
   * is then left as it is. Reading and comparing a file costs far less than writing it again
   * (measured here on 11,600 output files: 0.11 s against 1.5 s).
   */
  skipUnchanged = false;
  /** Results of the contract import check of shared files, which every function repeats. */
  private readonly importChecks = new Map<string, Promise<ForeignImport[]>>();
  /** Output folders known to exist. */
  private readonly madeFolders = new Set<string>();
  /** Every output file written or found current since the engine was made, for `prune`. */
  private readonly written = new Set<string>();
  private defaultModes?: { file: number; folder: number };
  /** contract/api.ts, which each cloud function gets cut down to its own export. */
  private readonly contractFile: string;

  constructor(readonly project: Project) {
    this.contractFile = path.join(project.sharedDir, 'api.ts');
  }

  /** Builds every target from scratch. Returns the errors; the other files are still written. */
  async buildAll(): Promise<SourceError[]> {
    const errors: SourceError[] = [];
    const jobs: (() => Promise<void>)[] = [];
    for (const target of this.project.targets) {
      this.dirty.add(target);
      const files = await glob('**/*', {
        cwd: target.srcDir,
        absolute: true,
        ignore: IGNORED,
        dot: false,
      });
      for (const file of files.sort()) {
        jobs.push(() => this.collect(errors, () => this.compile(target, file)));
      }
    }
    // Every file of every target at once would open too many files; one at a time would wait
    // on each esbuild round trip and write in turn.
    await runLimited(jobs, CONCURRENT_FILES);
    errors.push(...(await this.finalize()));
    return errors;
  }

  /** Rebuilds what depends on a changed or added source file. */
  async change(file: string): Promise<SourceError[]> {
    const errors: SourceError[] = [];
    if (path.basename(file) === 'mini.project.json') this.projectFileDirty = true;
    if (isInside(this.project.sharedDir, file)) {
      this.contractChanged = true;
      for (const key of this.sharedScripts.keys()) {
        if (key.split('\0')[1] === file) this.sharedScripts.delete(key);
      }
      this.importChecks.clear();
      for (const target of this.sharedUsers.get(file) ?? []) {
        await this.collect(errors, () => this.compile(target, file));
      }
      return errors;
    }

    const target = targetOf(this.project, file);
    if (!target || this.isIgnored(target, file)) return errors;
    this.dirty.add(target);
    const isManifest = ['app.json', 'plugin.json'].includes(path.basename(file));
    if (isManifest || !this.outputs.has(`${target.name}\0${file}`)) this.layoutChanged.add(target);
    if (file.endsWith('.less') && isPartial(file)) {
      for (const [lessFile, imports] of this.lessImports) {
        if (imports.includes(file))
          await this.collect(errors, () => this.compile(target, lessFile));
      }
      return errors;
    }
    await this.collect(errors, () => this.compile(target, file));
    return errors;
  }

  /** Removes the outputs of a deleted source file from every target. */
  remove(file: string): void {
    if (isInside(this.project.sharedDir, file)) this.contractChanged = true;
    const owner = targetOf(this.project, file);
    if (owner) {
      this.dirty.add(owner);
      this.layoutChanged.add(owner);
    }
    for (const [key, outFiles] of this.outputs) {
      if (!key.endsWith(`\0${file}`)) continue;
      for (const outFile of outFiles) {
        fs.rmSync(outFile, { force: true });
        this.written.delete(outFile);
        this.removeEmptyFolders(path.dirname(outFile));
      }
      this.outputs.delete(key);
      this.packages.delete(key);
    }
    this.lessImports.delete(file);
    this.sharedUsers.delete(file);
  }

  /** Removes `dir` and its parents below the output folder while they are empty. */
  private removeEmptyFolders(dir: string): void {
    let current = dir;
    while (current !== this.project.distDir && isInside(this.project.distDir, current)) {
      try {
        fs.rmdirSync(current);
      } catch {
        // Not empty, or already gone: the folders above are not empty either way.
        return;
      }
      this.madeFolders.delete(current);
      current = path.dirname(current);
    }
  }

  /** Removes the outputs of every source under a deleted or moved-away folder. */
  removeFolder(dir: string): void {
    const prefix = dir + path.sep;
    const files = new Set<string>();
    for (const key of this.outputs.keys()) {
      const file = key.slice(key.indexOf('\0') + 1);
      if (file.startsWith(prefix)) files.add(file);
    }
    for (const file of files) this.remove(file);
  }

  /**
   * Regenerates what derives from a whole target (manifests, npm packages, package.json) for
   * the targets changed since the last call; a contract change affects every cloud function.
   */
  async finalize(): Promise<SourceError[]> {
    if (this.contractChanged) {
      for (const target of this.project.targets)
        if (target.kind === 'function') this.dirty.add(target);
    }
    const targets = this.project.targets.filter((target) => this.dirty.has(target));
    const errors = await finalizeTargets(this, targets, this.projectFileDirty);
    this.dirty.clear();
    this.projectFileDirty = false;
    this.contractChanged = false;
    return errors;
  }

  /** Returns the manifest errors of `target`, checking again only after its layout changed. */
  manifestErrors(target: Target, check: () => SourceError[]): SourceError[] {
    let errors = this.manifestResults.get(target);
    if (!errors || this.layoutChanged.has(target)) {
      errors = check();
      this.manifestResults.set(target, errors);
      this.layoutChanged.delete(target);
    }
    return errors;
  }

  private isIgnored(target: Target, file: string): boolean {
    const relative = path.relative(target.srcDir, file);
    return (
      relative.endsWith('.d.ts') ||
      relative.endsWith('.test.ts') ||
      path.basename(relative) === 'tsconfig.json' ||
      relative.split(path.sep).includes('node_modules')
    );
  }

  private async collect(errors: SourceError[], step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch (error) {
      if (Array.isArray(error)) errors.push(...(error as SourceError[]));
      else throw error;
    }
  }

  /** Compiles one source file into one target and records its outputs. */
  private async compile(target: Target, file: string): Promise<void> {
    const ext = path.extname(file);
    const key = `${target.name}\0${file}`;

    if (ext === '.ts' || ext === '.js') {
      const output = await this.compileScriptFor(target, file);
      if (output.shared.includes(this.contractFile)) await this.checkContractImports(target, file);
      await this.write(key, output.outFile, output.code, [mapPath(this.project, output.outFile)]);
      await this.writeFile(mapPath(this.project, output.outFile), output.map);
      this.packages.set(key, output.packages);
      const required = output.shared.filter((shared) => {
        let users = this.sharedUsers.get(shared);
        if (!users) this.sharedUsers.set(shared, (users = new Set()));
        if (users.has(target)) return false;
        users.add(target);
        return true;
      });
      await Promise.all(required.map((shared) => this.compile(target, shared)));
      return;
    }

    if (ext === '.less') {
      if (isPartial(file)) return;
      const output = await compileLess(file, readSource(file));
      this.lessImports.set(file, output.imports);
      await this.write(key, outputPath(this.project, target, file, '.acss'), output.css);
      return;
    }

    if (target.kind === 'function' && path.relative(target.srcDir, file) === 'package.json') return;

    if (ext === '.json') {
      const text = replaceTokens(readSource(file), textTokens(this.project));
      parseJson(file, text);
      await this.write(key, outputPath(this.project, target, file), text);
      return;
    }

    if (TEMPLATE_EXTENSIONS.has(ext)) {
      const text = replaceTokens(readSource(file), textTokens(this.project));
      if (ext === '.axml') checkAxml(file, text);
      await this.write(key, outputPath(this.project, target, file), text);
      return;
    }

    // Images and other assets: copied byte for byte.
    const outFile = outputPath(this.project, target, file);
    this.clearForFile(outFile);
    this.writeOutput(outFile, () => fs.copyFileSync(file, outFile));
    this.record(key, [outFile], fs.statSync(outFile).size);
  }

  /**
   * Rejects a file that takes from contract/api.ts at run time what its target's output lacks.
   * A cloud function's output contains only its own export of that file, and the mini-program's
   * output none of it (it would bring zod and every schema along).
   */
  private async checkContractImports(target: Target, file: string): Promise<void> {
    if (file === this.contractFile) return;

    if (target.kind === 'mini') {
      const found = await this.foreignImports(file, '', false);
      const { line, column } = found[0] ?? {};
      throw [
        new SourceError(
          file,
          `imports contract/api.ts at run time, which would put zod and every schema into ` +
            `${target.name}/. Import the contract's types with \`import type\`, and call cloud ` +
            'functions through contract/client.ts.',
          line,
          column,
        ),
      ];
    }

    // A shared contract file serves every function, so it may name no function's export; it
    // may take the whole module, as contract/server.ts does to look a function up by name.
    const own = isInside(target.srcDir, file);
    const fn = path.basename(target.srcDir);
    const found = await this.foreignImports(file, own ? fn : '', !own);
    if (found.length === 0) return;

    throw found.map(({ name, line, column }) => {
      const what = name === '*' || name === 'default' ? 'the whole contract' : `"${name}"`;
      const owner = own
        ? `the output of cloud function "${fn}" contains only its own export of that file`
        : 'each cloud function gets only its own export of that file';
      return new SourceError(
        file,
        `imports ${what} from contract/api.ts at run time, but ${owner}. Use \`import type\` ` +
          'for types, or move a value that functions share into another file in contract/.',
        line,
        column,
      );
    });
  }

  /** Runs foreignContractImports on `file`, once per file for files outside a target. */
  private foreignImports(file: string, fn: string, allowWhole: boolean): Promise<ForeignImport[]> {
    const key = `${fn}\0${allowWhole}\0${file}`;
    let found = this.importChecks.get(key);
    if (!found) {
      found = Promise.resolve().then(() =>
        foreignContractImports(
          file,
          readSource(file),
          this.contractFile,
          readSource(this.contractFile),
          fn,
          (specifier) => resolveImport(file, specifier),
          allowWhole,
        ),
      );
      // Files inside a target are checked once per compile; only shared files repeat.
      if (isInside(this.project.sharedDir, file)) this.importChecks.set(key, found);
    }
    return found;
  }

  /** Compiles a script for a target, reusing the output of a shared file across targets. */
  private async compileScriptFor(target: Target, file: string): Promise<ScriptOutput> {
    const read = async (edit: (text: string) => string = (text) => text) =>
      compileScript(this.project, target, file, edit(readSource(file)));
    if (isInside(target.srcDir, file)) return read();

    // A shared file lands at the same depth in every target of a kind (<target>/contract/...),
    // so its code, rewritten requires and map are the same: only the output path differs. The
    // contract itself is cut down to each cloud function's own export.
    const slice = target.kind === 'function' && file === this.contractFile;
    const key = `${target.kind}\0${file}${slice ? `\0${target.name}` : ''}`;
    let compiled = this.sharedScripts.get(key);
    if (!compiled) {
      const fn = path.basename(target.srcDir);
      compiled = slice ? read((text) => sliceContract(file, text, fn)) : read();
      this.sharedScripts.set(key, compiled);
      compiled.catch(() => this.sharedScripts.delete(key));
    }
    return { ...(await compiled), outFile: outputPath(this.project, target, file, '.js') };
  }

  private async write(
    key: string,
    outFile: string,
    content: string,
    extra: string[] = [],
  ): Promise<void> {
    await this.writeFile(outFile, content);
    this.record(key, [outFile, ...extra], 0);
  }

  /**
   * Writes a file, creating its folder, and counts it in the stats. The write is synchronous:
   * output files are small, and on a machine with two cores handing each write to libuv's
   * thread pool cost more system time than the write itself (measured: 10,000 files of 1 kB
   * took 2.5 s through fs.promises and 0.3 s with writeFileSync).
   */
  async writeFile(
    outFile: string,
    content: string,
    onlyIfChanged = this.skipUnchanged,
  ): Promise<void> {
    this.stats.files += 1;
    this.stats.bytes += Buffer.byteLength(content);
    const existing = this.clearForFile(outFile);
    if (onlyIfChanged && existing && sameContent(outFile, existing, content)) {
      this.written.add(outFile);
      this.stats.unchanged += 1;
      return;
    }
    this.writeOutput(outFile, () => fs.writeFileSync(outFile, content));
  }

  /**
   * Runs `write` to create `outFile`, after making its folder. A folder removed since it was
   * made (`npm run clean` during `npm run dev`) is made again and the write tried once more.
   */
  private writeOutput(outFile: string, write: () => void): void {
    this.makeFolder(path.dirname(outFile));
    try {
      write();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.madeFolders.clear();
      this.makeFolder(path.dirname(outFile));
      write();
    }
    this.written.add(outFile);
  }

  /**
   * Deletes what stands at `outFile` unless it is a plain file: one a new write would also
   * give, with a single link and the usual permissions. An earlier output written over can hold
   * a folder there, a symbolic link (written through, it would change a file outside the
   * output), a hard link or a read-only file. Returns the plain file's stats, if one is there.
   */
  private clearForFile(outFile: string): fs.Stats | undefined {
    // Its folder first: a file where the folder goes would make the lookup fail.
    this.makeFolder(path.dirname(outFile));
    const stats = fs.lstatSync(outFile, { throwIfNoEntry: false });
    if (!stats) return undefined;
    const plain = stats.isFile() && stats.nlink === 1 && (stats.mode & 0o7777) === this.modes.file;
    if (plain) return stats;
    fs.rmSync(outFile, { recursive: true, force: true });
    return undefined;
  }

  /** The permissions a new file and a new folder get in this process. */
  private get modes(): { file: number; folder: number } {
    this.defaultModes ??= probeModes();
    return this.defaultModes;
  }

  /**
   * Deletes every file under the output folder that this engine neither wrote nor kept, and the
   * folders left empty, except the npm packages of mini-program targets, which `finalize` copies
   * and removes itself. A full build into a folder that holds an earlier build's output calls it
   * so that only this build's files remain. Returns the number of files deleted.
   */
  prune(): number {
    const packageDirs = new Set(
      this.project.targets
        .filter((target) => target.kind === 'mini')
        .map((target) => path.join(target.outDir, 'node_modules')),
    );
    let deleted = 0;
    const visit = (dir: string): boolean => {
      let empty = true;
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (packageDirs.has(full) || !visit(full)) empty = false;
          else {
            fs.rmdirSync(full);
            this.madeFolders.delete(full);
          }
        } else if (this.written.has(full)) {
          empty = false;
        } else {
          fs.rmSync(full, { force: true });
          deleted += 1;
        }
      }
      return empty;
    };
    visit(this.project.distDir);
    return deleted;
  }

  /**
   * Creates an output folder once, since most outputs share their folder with others. Inside
   * the output, each folder on the way is checked as `clearForFile` checks a file: a file or a
   * symbolic link there is deleted, and a folder with other permissions gets the usual ones.
   */
  private makeFolder(dir: string): void {
    if (this.madeFolders.has(dir)) return;
    if (dir === this.project.distDir || !isInside(this.project.distDir, dir)) {
      fs.mkdirSync(dir, { recursive: true });
      this.madeFolders.add(dir);
      return;
    }

    this.makeFolder(path.dirname(dir));
    const stats = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (stats?.isDirectory()) {
      if ((stats.mode & 0o7777) !== this.modes.folder) fs.chmodSync(dir, this.modes.folder);
    } else {
      if (stats) fs.rmSync(dir, { force: true });
      fs.mkdirSync(dir);
    }
    this.madeFolders.add(dir);
  }

  private record(key: string, outFiles: string[], copiedBytes: number): void {
    const previous = this.outputs.get(key);
    for (const stale of previous ?? []) {
      if (outFiles.includes(stale)) continue;
      fs.rmSync(stale, { force: true });
      this.written.delete(stale);
    }
    this.outputs.set(key, new Set(outFiles));
    if (copiedBytes > 0) {
      this.stats.files += 1;
      this.stats.bytes += copiedBytes;
    }
  }
}

/** Reads a source file. Synchronous for the reason given at `BuildEngine.writeFile`. */
function readSource(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

/** Tells whether the file `stats` describes holds exactly the bytes of `content`. */
function sameContent(file: string, stats: fs.Stats, content: string): boolean {
  if (stats.size !== Buffer.byteLength(content)) return false;
  return fs.readFileSync(file).equals(Buffer.from(content));
}

/** Finds the permissions that a new file and a new folder get, under the process's umask. */
function probeModes(): { file: number; folder: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-modes-'));
  try {
    fs.writeFileSync(path.join(dir, 'file'), '');
    fs.mkdirSync(path.join(dir, 'folder'));
    return {
      file: fs.statSync(path.join(dir, 'file')).mode & 0o7777,
      folder: fs.statSync(path.join(dir, 'folder')).mode & 0o7777,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `jobs` with at most `limit` of them running at a time. */
async function runLimited(jobs: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next];
      next += 1;
      await job();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
}
