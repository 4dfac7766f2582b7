// Adds a public component or page to plugin/plugin.json.
import { readProjectFile, type Change } from './changes';
import { NewCommandError } from './errors';
import { addProperty, appendToArray, parseJsonFile, valueAt } from './json-edit';

export const PLUGIN_JSON = 'plugin/plugin.json';

export type PublicKey = 'publicComponents' | 'publicPages';

/** Rejects a name that `key` already lists, else returns the change that adds it. */
export function addPublicEntry(root: string, key: PublicKey, name: string, target: string): Change {
  const pluginJson = parseJsonFile(PLUGIN_JSON, readProjectFile(root, PLUGIN_JSON));
  const entries = valueAt(pluginJson, [key]);
  if (entries && entries.type !== 'object') {
    throw new NewCommandError(`${PLUGIN_JSON}: "${key}" must be an object of names to paths.`);
  }
  if (valueAt(pluginJson, [key, name]) !== undefined) {
    throw new NewCommandError(
      `${PLUGIN_JSON} "${key}" already lists "${name}". Choose another name.`,
    );
  }

  return {
    kind: 'update',
    file: PLUGIN_JSON,
    before: pluginJson.text,
    content: addProperty(pluginJson, [key], name, target),
    summary: `"${key}": added "${name}": "${target}"`,
  };
}

/**
 * Lists a plugin page in plugin.json "pages" when the file has that array. Alipay's plugin
 * documentation lists every plugin page there, public or not.
 */
// NOTE: Taobao's plugin documentation names only publicComponents, publicPages and main, so
// a "pages" array is kept up to date where one exists but never added.
export function addToPagesArray(
  root: string,
  change: Change | undefined,
  route: string,
): Change | undefined {
  const before = change?.kind === 'update' ? change.before : readProjectFile(root, PLUGIN_JSON);
  const current = change?.content ?? before;
  const pluginJson = parseJsonFile(PLUGIN_JSON, current);
  const pages = valueAt(pluginJson, ['pages']);
  if (!pages) return change;
  if (pages.type !== 'array') {
    throw new NewCommandError(`${PLUGIN_JSON}: "pages" must be an array of page paths.`);
  }
  if ((pages.children ?? []).some((page) => page.value === route)) {
    throw new NewCommandError(
      `${PLUGIN_JSON} "pages" already lists "${route}". Choose another name.`,
    );
  }

  const summary = `"pages": added "${route}"`;
  return {
    kind: 'update',
    file: PLUGIN_JSON,
    before,
    content: appendToArray(pluginJson, ['pages'], route),
    summary: change?.kind === 'update' ? `${change.summary}; ${summary}` : summary,
  };
}
