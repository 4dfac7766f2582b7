// `npm run new -- plugin-page <name> [--public]`: a page of the plugin in plugin/pages/<name>,
// listed in plugin.json "publicPages" when public.
import type { Change, Plan } from './changes';
import { createFolderFiles } from './folder-files';
import { checkFolderName } from './names';
import { addPublicEntry, addToPagesArray } from './plugin-json';
import { pageFiles } from './templates/page';

export function newPluginPage(root: string, rawName: string | undefined, isPublic: boolean): Plan {
  const name = checkFolderName('plugin page', rawName);
  const route = `pages/${name}/index`;

  const publicEntry = isPublic ? addPublicEntry(root, 'publicPages', name, route) : undefined;
  const listing = addToPagesArray(root, publicEntry, route);
  const summary = isPublic
    ? `a public page of the plugin, opened by the host at plugin://<alias>/${name}`
    : 'a page of the plugin; it is not public, so only the plugin opens it';
  const files = createFolderFiles(
    root,
    `plugin/pages/${name}`,
    'The plugin page',
    pageFiles(name, { summary, inPlugin: true }),
  );

  const changes: Change[] = listing ? [...files, listing] : files;
  return { changes, next: nextSteps(name, route, isPublic) };
}

function nextSteps(name: string, route: string, isPublic: boolean): string[] {
  if (!isPublic) {
    return [
      'The page is not public, so only the plugin itself can open it. To let the host open it,',
      `add "${name}": "${route}" to plugin/plugin.json "publicPages".`,
    ];
  }
  return [
    'Open it from a host page with',
    `my.navigateTo({ url: \`plugin://\${__PLUGIN_ALIAS__}/${name}\` }).`,
  ];
}
