// Finds every usingComponents entry of the host app and the plugin, and resolves its target:
// a path inside the same folder, an npm package in a node_modules folder on the way up, or a
// public component of a static plugin.
import path from 'node:path';

import type { JsonDocument } from './json';
import type { Position } from './position';
import type { CheckProject, Target } from './project';
import { isObject } from './values';

export type Resolution =
  /** A component inside the upload folder. `base` is its path without extension. */
  | { kind: 'local'; base: string }
  /** A public component of the plugin in this build. */
  | { kind: 'plugin'; alias: string; name: string }
  /** A target that cannot be checked here: a dynamic plugin or a plugin from another project. */
  | { kind: 'skipped'; reason: string }
  | { kind: 'unresolved'; message: string };

export interface ComponentUse {
  target: Target;
  /** The page, component or app .json file that declares the component. */
  jsonFile: string;
  tag: string;
  value: string;
  position: Position;
  resolution: Resolution;
}

/** Lists the usingComponents entries of every JSON file of the host app and the plugin. */
export function collectComponentUses(project: CheckProject): ComponentUse[] {
  return project.memo('component-uses', () => {
    const uses: ComponentUse[] = [];
    for (const target of [project.layout.client, project.layout.plugin]) {
      if (!target) continue;
      for (const jsonFile of project.listFiles(target.dir, { extensions: ['json'] })) {
        uses.push(...usesOf(project, target, jsonFile));
      }
    }
    return uses;
  });
}

function usesOf(project: CheckProject, target: Target, jsonFile: string): ComponentUse[] {
  const document = project.readJson(jsonFile);
  if (!document || !isObject(document.value)) return [];
  const declared = document.value.usingComponents;
  if (!isObject(declared)) return [];

  return Object.entries(declared).map(([tag, value]) => {
    const position = document.positionOf(['usingComponents', tag]);
    const text = typeof value === 'string' ? value : '';
    const resolution: Resolution =
      typeof value === 'string' && value !== ''
        ? resolveComponent(project, target, jsonFile, value)
        : { kind: 'unresolved', message: `"${tag}" must be a component path` };
    return { target, jsonFile, tag, value: text, position, resolution };
  });
}

function resolveComponent(
  project: CheckProject,
  target: Target,
  jsonFile: string,
  value: string,
): Resolution {
  if (value.startsWith('dynamic-plugin://')) {
    return { kind: 'skipped', reason: 'a dynamic plugin is loaded at run time' };
  }
  if (value.startsWith('plugin://')) return resolvePluginComponent(project, target, value);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    return { kind: 'unresolved', message: `unknown scheme in "${value}"` };
  }

  if (value.startsWith('/') || value.startsWith('./') || value.startsWith('../')) {
    const start = value.startsWith('/') ? target.dir : path.dirname(jsonFile);
    const candidate = path.join(start, value);
    if (!isInside(target.dir, candidate)) {
      const folder = project.relative(target.dir);
      const message = `"${value}" points outside ${folder}, which is uploaded on its own`;
      return { kind: 'unresolved', message };
    }
    return resolveFiles(project, candidate, value);
  }

  return resolvePackage(project, target, jsonFile, value);
}

function resolvePackage(
  project: CheckProject,
  target: Target,
  jsonFile: string,
  value: string,
): Resolution {
  let dir = path.dirname(jsonFile);
  for (;;) {
    const candidate = path.join(dir, 'node_modules', value);
    const resolution = resolveFiles(project, candidate, value);
    if (resolution.kind === 'local') return resolution;
    if (dir === target.dir || !isInside(target.dir, dir)) break;
    dir = path.dirname(dir);
  }
  const packageName = value.startsWith('@')
    ? value.split('/').slice(0, 2).join('/')
    : value.split('/')[0];
  const message =
    `"${value}" not found in any node_modules folder of ${project.relative(target.dir)}: ` +
    `copy the package "${packageName}" into the build output, or start the path with "/" or "./"`;
  return { kind: 'unresolved', message };
}

/** Accepts `<base>.axml`, or a folder with `index.axml`. */
function resolveFiles(project: CheckProject, candidate: string, value: string): Resolution {
  if (project.isFile(`${candidate}.axml`)) return { kind: 'local', base: candidate };
  const index = path.join(candidate, 'index');
  if (project.isFile(`${index}.axml`)) return { kind: 'local', base: index };
  const message = `"${value}" not found: ${project.relative(candidate)}.axml is missing`;
  return { kind: 'unresolved', message };
}

function resolvePluginComponent(project: CheckProject, target: Target, value: string): Resolution {
  const match = /^plugin:\/\/([^/]+)\/(.+)$/.exec(value);
  if (!match)
    return { kind: 'unresolved', message: `"${value}" must be plugin://<alias>/<component>` };
  const [, alias, name] = match;

  const client = project.layout.client;
  if (target.kind !== 'client' || !client) {
    return {
      kind: 'unresolved',
      message: `"${value}": only the host app can use plugin components`,
    };
  }
  const appJson = project.readJson(path.join(client.dir, 'app.json'));
  if (!appJson || !isObject(appJson.value)) {
    return { kind: 'skipped', reason: 'app.json is missing or invalid, which other rules report' };
  }
  const plugins = isObject(appJson.value.plugins) ? appJson.value.plugins : undefined;
  const declared = plugins?.[alias];
  if (!isObject(declared)) {
    const message = `plugin alias "${alias}" is not declared in app.json "plugins"`;
    return { kind: 'unresolved', message };
  }
  if (!isLocalPlugin(project, declared)) {
    return { kind: 'skipped', reason: `plugin "${alias}" comes from another project` };
  }

  const publicComponents = readPublicComponents(project);
  if (!publicComponents) {
    const message =
      `plugin "${alias}" is this project's plugin, ` +
      'but its plugin.json has no publicComponents';
    return { kind: 'unresolved', message };
  }
  if (!(name in publicComponents)) {
    const listed = Object.keys(publicComponents).join(', ') || 'none';
    const message =
      `plugin "${alias}" has no public component "${name}" ` + `(plugin.json lists: ${listed})`;
    return { kind: 'unresolved', message };
  }
  return { kind: 'plugin', alias, name };
}

/**
 * Decides whether an app.json plugin entry names the plugin in this build: its provider is
 * `{{currentPluginId}}` or the configured plugin id, or its version is `dev`.
 */
function isLocalPlugin(project: CheckProject, declared: Record<string, unknown>): boolean {
  if (!project.layout.plugin) return false;
  const { provider, version } = declared;
  if (provider === '{{currentPluginId}}') return true;
  if (project.config.pluginId !== undefined && provider === project.config.pluginId) return true;
  return version === 'dev';
}

/** Reads plugin.json publicComponents of the plugin in this build. */
export function readPublicComponents(project: CheckProject): Record<string, unknown> | undefined {
  const plugin = project.layout.plugin;
  if (!plugin) return undefined;
  const document: JsonDocument | undefined = project.readJson(path.join(plugin.dir, 'plugin.json'));
  if (!document || !isObject(document.value)) return undefined;
  const publicComponents = document.value.publicComponents;
  return isObject(publicComponents) ? publicComponents : undefined;
}

export function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
