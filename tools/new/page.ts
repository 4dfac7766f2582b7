// `npm run new -- page <name>`: a page of the host app, listed in client/app.json "pages".
import fs from 'node:fs';
import path from 'node:path';

import { readProjectFile, type Plan } from './changes';
import { NewCommandError } from './errors';
import { createFolderFiles } from './folder-files';
import { appendToArray, parseJsonFile, valueAt } from './json-edit';
import { checkFolderName } from './names';
import { pageFiles } from './templates/page';

const APP_JSON = 'client/app.json';

/** The layout the host's pages share; a new page imports it when the project has it. */
const PAGE_STYLES = 'client/styles/_page.less';

export function newPage(root: string, rawName: string | undefined): Plan {
  const name = checkFolderName('page', rawName);
  const route = `pages/${name}/index`;

  const appJson = parseJsonFile(APP_JSON, readProjectFile(root, APP_JSON));
  const pages = valueAt(appJson, ['pages']);
  if (pages && pages.type !== 'array') {
    throw new NewCommandError(
      `${APP_JSON}: "pages" must be an array of page paths such as "pages/index/index".`,
    );
  }
  const listed = (pages?.children ?? []).some((page) => page.value === route);
  if (listed) {
    throw new NewCommandError(
      `Page "${name}" is already listed in ${APP_JSON} "pages" as "${route}". Choose another name.`,
    );
  }

  const template = pageFiles(name, {
    summary: `a page of the host app, listed in app.json "pages" as ${route}`,
    styleImport: fs.existsSync(path.join(root, PAGE_STYLES))
      ? '../../styles/_page.less'
      : undefined,
    inPlugin: false,
  });
  const files = createFolderFiles(root, `client/pages/${name}`, 'The page', template);
  return {
    changes: [
      ...files,
      {
        kind: 'update',
        file: APP_JSON,
        before: appJson.text,
        content: appendToArray(appJson, ['pages'], route),
        summary: `"pages": added "${route}"`,
      },
    ],
    next: [
      `Open the page with my.navigateTo({ url: '/${route}' }), or move it first in`,
      `${APP_JSON} "pages" to make it the home page. Run npm run dev to build it.`,
    ],
  };
}
