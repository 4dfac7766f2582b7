// page-files: the host app has app.json and app.js, and every page that app.json lists has
// its .axml and .js files.
import path from 'node:path';

import type { CheckProject, Target } from '../project';
import type { Finding, Rule } from '../types';
import { isObject } from '../values';

const RULE = 'page-files';

export const pageFiles: Rule = {
  name: RULE,
  description: 'app.json and app.js exist, and every page in app.json "pages" has .axml and .js',
  check(project) {
    const client = project.layout.client;
    if (!client) {
      const dir = path.join(project.distDir, 'client');
      return [project.finding(RULE, 'error', dir, 'host app folder not found: run the build')];
    }
    return checkClient(project, client);
  },
};

function checkClient(project: CheckProject, client: Target): Finding[] {
  const findings: Finding[] = [];
  const appJs = path.join(client.dir, 'app.js');
  if (!project.isFile(appJs)) findings.push(project.finding(RULE, 'error', appJs, 'missing'));

  const appJson = path.join(client.dir, 'app.json');
  if (!project.exists(appJson)) {
    findings.push(project.finding(RULE, 'error', appJson, 'missing: the host app needs app.json'));
    return findings;
  }
  const document = project.readJson(appJson);
  if (!document) return findings;

  const pages = isObject(document.value) ? document.value.pages : undefined;
  if (!Array.isArray(pages) || pages.length === 0) {
    const message = '"pages" must be a non-empty array of page paths such as "pages/index/index"';
    findings.push(project.finding(RULE, 'error', appJson, message, document.positionOf(['pages'])));
    return findings;
  }

  pages.forEach((page, index) => {
    const position = document.positionOf(['pages', index]);
    if (typeof page !== 'string' || page === '' || page.startsWith('/')) {
      const message =
        `pages[${index}] must be a path without a leading "/", ` + 'such as "pages/index/index"';
      findings.push(project.finding(RULE, 'error', appJson, message, position));
      return;
    }
    for (const extension of ['axml', 'js']) {
      const file = path.join(client.dir, `${page}.${extension}`);
      if (project.isFile(file)) continue;
      const message = `page "${page}" has no ${project.relative(file)}`;
      findings.push(project.finding(RULE, 'error', appJson, message, position));
    }
  });
  return findings;
}
