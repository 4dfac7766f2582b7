// `npm run new -- plugin-component <name> [--public]`: a component of the plugin in
// plugin/components/<name>, listed in plugin.json "publicComponents" when public.
import type { Change, Plan } from './changes';
import { createFolderFiles } from './folder-files';
import { checkFolderName } from './names';
import { addPublicEntry } from './plugin-json';
import { componentFiles } from './templates/component';

export function newPluginComponent(
  root: string,
  rawName: string | undefined,
  isPublic: boolean,
): Plan {
  const name = checkFolderName('plugin component', rawName);
  const target = `components/${name}/index`;

  const listing: Change[] = isPublic
    ? [addPublicEntry(root, 'publicComponents', name, target)]
    : [];
  const summary = isPublic
    ? [`a public component of the plugin; the host uses it as plugin://<alias>/${name}.`]
    : [`a component of the plugin, used inside the plugin as /${target}.`];
  const files = createFolderFiles(
    root,
    `plugin/components/${name}`,
    'The plugin component',
    componentFiles(name, { summary, inPlugin: true }),
  );

  return { changes: [...files, ...listing], next: nextSteps(name, target, isPublic) };
}

function nextSteps(name: string, target: string, isPublic: boolean): string[] {
  if (!isPublic) {
    return [
      'Use it in a plugin page or component: add this to its .json',
      `  "usingComponents": { "${name}": "/${target}" }`,
      `To let the host use it, add "${name}": "${target}" to plugin/plugin.json`,
      '"publicComponents".',
    ];
  }
  return [
    "Use it in a host page: add this to the page's .json",
    `  "usingComponents": { "${name}": "plugin://__PLUGIN_ALIAS__/${name}" }`,
    'The build replaces __PLUGIN_ALIAS__ with plugin.alias of starter.config.ts.',
  ];
}
