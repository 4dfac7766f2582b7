// Generates a synthetic app for the build benchmark: a copy of the starter plus `size` pages,
// plugin components and cloud functions in the starter's own shapes. Each generated function
// gets its contract entries, so the type check covers as many zod schemas as a real app has.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  componentFiles,
  contractEntry,
  functionSource,
  pageFiles,
  THEME_PARTIAL,
} from './templates';

export const REPO_ROOT = path.resolve(__dirname, '..');

/** Top-level entries of the repository that a synthetic app does not need. */
const SKIPPED = new Set([
  'node_modules',
  'dist',
  '.dist-staging',
  '.dist-old',
  '.dist-lock',
  '.git',
  'tests',
  'bench',
  'bench-results',
  '.local-cloud',
  'coverage',
  'entry.js',
  'docs',
]);

export interface SyntheticApp {
  root: string;
  size: number;
  /** Names of the generated pages, components and functions, by index. */
  pageName(index: number): string;
  functionName(index: number): string;
  file(relative: string): string;
  remove(): void;
}

/** Returns the generated name of item `index`: bench-001, bench-002, ... */
export function benchName(index: number): string {
  return `bench-${String(index + 1).padStart(3, '0')}`;
}

/** Returns the generated cloud function name of item `index`: bench001, bench002, ... */
export function benchFunction(index: number): string {
  return `bench${String(index + 1).padStart(3, '0')}`;
}

/** Creates a synthetic app with `size` pages, components and functions in a new temp folder. */
export function generateApp(size: number, parentDir = os.tmpdir()): SyntheticApp {
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`generateApp: size must be a positive integer, got ${String(size)}`);
  }
  const root = fs.mkdtempSync(path.join(parentDir, `bench-app-${size}-`));
  copyStarter(root);
  writeContract(root, size);
  writeFile(
    root,
    `client/styles/${THEME_PARTIAL}`,
    '@bench-gap: 16rpx;\n@bench-accent: #ff5000;\n',
  );

  for (let index = 0; index < size; index += 1) {
    const name = benchName(index);
    const fn = benchFunction(index);
    for (const [ext, text] of Object.entries(pageFiles(name, fn))) {
      writeFile(root, `client/pages/${name}/${name}${ext}`, text);
    }
    for (const [ext, text] of Object.entries(componentFiles(name))) {
      writeFile(root, `plugin/components/${name}/index${ext}`, text);
    }
    writeFile(root, `server/${fn}/index.ts`, functionSource(fn));
  }
  addManifestEntries(root, size);

  return {
    root,
    size,
    pageName: benchName,
    functionName: benchFunction,
    file: (relative) => path.join(root, relative),
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** Copies the starter's sources and configuration, linking node_modules instead of copying. */
function copyStarter(root: string): void {
  for (const entry of fs.readdirSync(REPO_ROOT)) {
    if (SKIPPED.has(entry)) continue;
    fs.cpSync(path.join(REPO_ROOT, entry), path.join(root, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
}

/** Appends an export for each generated function to contract/api.ts, after the starter's own. */
function writeContract(root: string, size: number): void {
  const file = path.join(root, 'contract', 'api.ts');
  const generated = Array.from({ length: size }, (_, index) => contractEntry(benchFunction(index)));
  fs.appendFileSync(file, ['', '// Functions the benchmark generated.', ...generated].join('\n'));
}

/** Lists the generated pages in client/app.json and the components in plugin/plugin.json. */
function addManifestEntries(root: string, size: number): void {
  const names = Array.from({ length: size }, (_, index) => benchName(index));

  const appFile = path.join(root, 'client', 'app.json');
  const app = JSON.parse(fs.readFileSync(appFile, 'utf8')) as { pages: string[] };
  app.pages.push(...names.map((name) => `pages/${name}/${name}`));
  fs.writeFileSync(appFile, `${JSON.stringify(app, null, 2)}\n`);

  const pluginFile = path.join(root, 'plugin', 'plugin.json');
  const plugin = JSON.parse(fs.readFileSync(pluginFile, 'utf8')) as {
    publicComponents?: Record<string, string>;
  };
  plugin.publicComponents = { ...plugin.publicComponents };
  for (const name of names) plugin.publicComponents[name] = `components/${name}/index`;
  fs.writeFileSync(pluginFile, `${JSON.stringify(plugin, null, 2)}\n`);
}

function writeFile(root: string, relative: string, text: string): void {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}
