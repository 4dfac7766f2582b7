// A plugin loaded for the host: its own vm context, where getApp and getCurrentPages are not
// defined (as on the platform), with the host's `my` stubs shared.
import fs from 'node:fs';
import path from 'node:path';

import type { ConsoleLine } from './console';
import type { MyApi } from './my-api';
import { MiniRealm } from './realm';

/** The fields of plugin.json this runtime reads. */
export interface PluginManifest {
  main?: string;
  publicComponents?: Record<string, string>;
  publicPages?: Record<string, string>;
}

export interface PluginShared {
  my: MyApi;
  consoleLines: ConsoleLine[];
  printConsole: boolean;
}

export class PluginHandle {
  readonly realm: MiniRealm;
  readonly manifest: PluginManifest;

  constructor(
    readonly root: string,
    shared: PluginShared,
  ) {
    this.manifest = readManifest(root);
    this.realm = new MiniRealm({ root, globals: {}, ...shared });
  }

  /** Returns the exports of the plugin's `main` file, what requirePlugin() returns. */
  main(): unknown {
    if (!this.manifest.main) {
      const manifest = path.join(this.root, 'plugin.json');
      throw new Error(`${manifest} has no "main", which requirePlugin() loads. Add it.`);
    }
    return this.realm.requireFile(stripLeadingSlash(this.manifest.main));
  }

  /** Returns the module path of a public component. */
  componentPath(name: string): string {
    return this.publicPath('publicComponents', name);
  }

  /** Returns the module path of a public page. */
  pagePath(name: string): string {
    return this.publicPath('publicPages', name);
  }

  private publicPath(field: 'publicComponents' | 'publicPages', name: string): string {
    const declared = this.manifest[field]?.[name];
    if (!declared) {
      const known = Object.keys(this.manifest[field] ?? {}).join(', ') || 'none';
      const manifest = path.join(this.root, 'plugin.json');
      throw new Error(`${manifest}: '${name}' is not in ${field} (declared: ${known}).`);
    }
    return stripLeadingSlash(declared);
  }
}

function readManifest(root: string): PluginManifest {
  const file = path.join(root, 'plugin.json');
  if (!fs.existsSync(file)) {
    throw new Error(`${file} not found: pass the plugin's output folder (dist/plugin).`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as PluginManifest;
}

function stripLeadingSlash(value: string): string {
  return value.replace(/^\/+/, '').replace(/\.js$/, '');
}
