// `npm run new -- component <name>`: a component of the host app in client/components/<name>.
import type { Plan } from './changes';
import { createFolderFiles } from './folder-files';
import { checkFolderName } from './names';
import { componentFiles } from './templates/component';

export function newComponent(root: string, rawName: string | undefined): Plan {
  const name = checkFolderName('component', rawName);
  const path = `/components/${name}/index`;

  const files = componentFiles(name, {
    summary: [
      'a component of the host app. A page uses it with',
      `"usingComponents": { "${name}": "${path}" }.`,
    ],
    inPlugin: false,
  });
  return {
    changes: createFolderFiles(root, `client/components/${name}`, 'The component', files),
    next: [
      "Use it in a page: add this to the page's .json",
      `  "usingComponents": { "${name}": "${path}" }`,
      `and <${name} title="..." /> to its .axml.`,
    ],
  };
}
