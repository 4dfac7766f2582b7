// The watch build (`npm run dev`) on a temporary copy: each file event is reflected in dist/,
// errors are reported without stopping the watcher, and one edit touches only its outputs.
import fs from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startDev, type DevSession } from '../../build/tasks/dev';
import type { Logger, SourceError } from '../../build/log';
import { copyStarter, listFiles, type ProjectCopy } from '../helpers/project-copy';

let project: ProjectCopy;
let session: DevSession;
const lines: string[] = [];

const logger: Logger = {
  info: (message) => lines.push(message),
  error: (message) => lines.push(`error ${message}`),
  sourceErrors: (errors) =>
    errors.forEach((error) => lines.push(`error ${error.format(project.root)}`)),
};

beforeAll(async () => {
  project = copyStarter();
  session = startDev({ root: project.root, logger, typeCheck: false });
  await session.ready;
});

afterAll(async () => {
  await session.close();
  project.remove();
});

/**
 * Applies a change to the sources and waits for the rebuild it causes. The pause first keeps
 * edits apart like saves in an editor: the file watcher merges events on one file that come
 * within a few milliseconds of each other.
 */
async function edit(change: () => void): Promise<SourceError[]> {
  await new Promise((resolve) => setTimeout(resolve, 150));
  const rebuilt = session.nextRebuild();
  change();
  return rebuilt;
}

/** Waits until a condition holds, for results that a delayed recheck writes. */
async function eventually(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(condition()).toBe(true);
}

function mtimes(dir: string): Map<string, number> {
  return new Map(listFiles(dir).map((file) => [file, fs.statSync(`${dir}/${file}`).mtimeMs]));
}

describe('watch build', () => {
  it('builds dist on start', () => {
    expect(fs.existsSync(project.file('dist/client/app.js'))).toBe(true);
    expect(fs.existsSync(project.file('dist/server/hello/package.json'))).toBe(true);
  });

  it('rebuilds only the changed file', async () => {
    const before = mtimes(project.file('dist'));
    const errors = await edit(() =>
      project.write('client/pages/index/index.ts', "Page({ data: { greeting: 'changed' } });\n"),
    );
    expect(errors).toEqual([]);
    expect(project.read('dist/client/pages/index/index.js')).toContain('changed');

    const after = mtimes(project.file('dist'));
    const touched = [...after]
      .filter(([file, time]) => before.get(file) !== time)
      .map(([file]) => file);
    expect(touched.sort()).toEqual([
      '.maps/client/pages/index/index.js.map',
      'client/pages/index/index.js',
    ]);
  });

  it('adds the outputs of a new file', async () => {
    await edit(() =>
      project.write(
        'client/utils/format.ts',
        'export const upper = (s: string) => s.toUpperCase();\n',
      ),
    );
    expect(fs.existsSync(project.file('dist/client/utils/format.js'))).toBe(true);
  });

  it('removes the outputs of a deleted file', async () => {
    await edit(() => fs.rmSync(project.file('client/utils/format.ts')));
    expect(fs.existsSync(project.file('dist/client/utils/format.js'))).toBe(false);
    expect(fs.existsSync(project.file('dist/.maps/client/utils/format.js.map'))).toBe(false);
  });

  it('reports a syntax error and recovers', async () => {
    const broken = await edit(() =>
      project.write('client/pages/index/index.ts', 'Page({ data: {\n'),
    );
    expect(broken.length).toBeGreaterThan(0);
    expect(broken[0].format(project.root)).toMatch(/^client\/pages\/index\/index\.ts:2:\d+/);

    const fixed = await edit(() =>
      project.write('client/pages/index/index.ts', "Page({ data: { greeting: 'fixed' } });\n"),
    );
    expect(fixed).toEqual([]);
    expect(project.read('dist/client/pages/index/index.js')).toContain('fixed');
  });

  it('reports invalid JSON and recovers', async () => {
    const broken = await edit(() =>
      project.write('client/pages/index/index.json', '{ "defaultTitle": }'),
    );
    expect(broken[0].format(project.root)).toMatch(
      /^client\/pages\/index\/index\.json:1:\d+ {2}invalid JSON/,
    );
    const fixed = await edit(() =>
      project.write('client/pages/index/index.json', '{ "defaultTitle": "Fixed" }'),
    );
    expect(fixed).toEqual([]);
    expect(project.read('dist/client/pages/index/index.json')).toContain('Fixed');
  });

  it('reports a Less error and recovers', async () => {
    const broken = await edit(() =>
      project.write('client/pages/index/index.less', '.a { color: (; }'),
    );
    expect(broken[0].format(project.root)).toMatch(/^client\/pages\/index\/index\.less:1:\d+/);
    const fixed = await edit(() =>
      project.write('client/pages/index/index.less', '.a { color: blue; }'),
    );
    expect(fixed).toEqual([]);
    expect(project.read('dist/client/pages/index/index.acss')).toContain('blue');
  });

  it('reports an AXML error and recovers', async () => {
    const broken = await edit(() =>
      project.write('client/pages/index/index.axml', '<view>\n  <text>{{a < b}}</view>\n'),
    );
    expect(broken[0].format(project.root)).toMatch(
      /^client\/pages\/index\/index\.axml:2:\d+ {2}invalid AXML/,
    );
    const fixed = await edit(() =>
      project.write('client/pages/index/index.axml', '<view>{{a < b}}</view>\n'),
    );
    expect(fixed).toEqual([]);
    expect(project.read('dist/client/pages/index/index.axml')).toContain('{{a < b}}');
  });

  it('reports AXML expression and condition errors', async () => {
    const broken = await edit(() =>
      project.write(
        'client/pages/index/index.axml',
        '<view>\n  <text>{{a +* }}</text>\n  <text a:else>x</text>\n</view>\n',
      ),
    );
    const messages = broken.map((error) => error.format(project.root));
    expect(messages[0]).toMatch(
      /^client\/pages\/index\/index\.axml:2:\d+ {2}invalid AXML: invalid expression "\{\{a \+\*\}\}"/,
    );
    expect(messages[1]).toMatch(
      /^client\/pages\/index\/index\.axml:3:\d+ {2}invalid AXML: a:else on <text> must directly follow/,
    );
    const fixed = await edit(() =>
      project.write('client/pages/index/index.axml', '<view>{{greeting}}</view>\n'),
    );
    expect(fixed).toEqual([]);
  });

  it('rebuilds importers of a changed partial', async () => {
    await edit(() =>
      project.write(
        'client/pages/index/index.less',
        "@import '../../styles/_theme.less';\n.a { color: @brand; }\n",
      ),
    );
    await edit(() =>
      project.write('client/styles/_theme.less', '@brand: #123456;\n@gap: 24rpx;\n'),
    );
    expect(project.read('dist/client/pages/index/index.acss')).toContain('#123456');
    expect(project.read('dist/client/app.acss')).toContain('#123456');
  });

  it('re-emits a changed contract file into its users', async () => {
    await edit(() =>
      project.write(
        'contract/define.ts',
        `${project.read('contract/define.ts')}\nexport const marker = 'watch-marker';\n`,
      ),
    );
    expect(project.read('dist/server/hello/contract/define.js')).toContain('watch-marker');
  });

  it('builds a new cloud function folder', async () => {
    await edit(() =>
      project.write('server/extra/index.ts', 'export async function main() { return 1; }\n'),
    );
    expect(fs.existsSync(project.file('dist/server/extra/index.js'))).toBe(true);
    expect(JSON.parse(project.read('dist/server/extra/package.json')).main).toBe('index.js');

    await edit(() => fs.rmSync(project.file('server/extra'), { recursive: true }));
    expect(fs.existsSync(project.file('dist/server/extra'))).toBe(false);
    expect(fs.existsSync(project.file('dist/server/hello/index.js'))).toBe(true);
  });

  it('rebuilds a file emptied then written', async () => {
    // The second write lands inside the watcher's 50 ms window after the first event, which
    // chokidar drops; the delayed recheck must still pick it up.
    const file = project.file('client/pages/index/index.ts');
    await new Promise((resolve) => setTimeout(resolve, 150));
    const emptied = session.nextRebuild();
    fs.writeFileSync(file, '');
    await emptied;
    fs.writeFileSync(file, "Page({ data: { greeting: 'two-step' } });\n");
    await eventually(() => project.read('dist/client/pages/index/index.js').includes('two-step'));
  });

  it('removes outputs of a moved-away folder', async () => {
    await edit(() => project.write('client/pages/extra/index.ts', 'Page({});\n'));
    expect(fs.existsSync(project.file('dist/client/pages/extra/index.js'))).toBe(true);
    const errors = await edit(() =>
      fs.renameSync(project.file('client/pages/extra'), project.file('extra-moved')),
    );
    expect(errors).toEqual([]);
    expect(fs.existsSync(project.file('dist/client/pages/extra/index.js'))).toBe(false);
    expect(fs.existsSync(project.file('dist/client/pages/extra'))).toBe(false);
    expect(fs.existsSync(project.file('dist/.maps/client/pages/extra'))).toBe(false);
  });

  it('reports a listed page losing its template', async () => {
    const template = project.read('client/pages/orders/index.axml');
    const broken = await edit(() => fs.rmSync(project.file('client/pages/orders/index.axml')));
    expect(broken.map((error) => error.message).join('\n')).toContain(
      'page "pages/orders/index" has no .axml file',
    );

    const stillBroken = await edit(() =>
      project.write(
        'client/pages/index/index.ts',
        `${project.read('client/pages/index/index.ts')}\n`,
      ),
    );
    expect(stillBroken.map((error) => error.message).join('\n')).toContain(
      'page "pages/orders/index" has no .axml file',
    );

    const fixed = await edit(() => project.write('client/pages/orders/index.axml', template));
    expect(fixed).toEqual([]);
  });

  it('ignores a file that vanishes at once', async () => {
    const before = lines.length;
    fs.writeFileSync(project.file('server/hello/sedTemp01'), 'temporary');
    await new Promise((resolve) => setTimeout(resolve, 15));
    fs.rmSync(project.file('server/hello/sedTemp01'));
    await edit(() => project.write('client/utils/app.ts', project.read('client/utils/app.ts')));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lines.slice(before).join('\n')).not.toContain('internal build error');
  });

  it('reports importers of a deleted partial', async () => {
    const partial = project.read('client/styles/_theme.less');
    const errors = await edit(() => fs.rmSync(project.file('client/styles/_theme.less')));
    expect(errors.map((error) => error.format(project.root)).join('\n')).toMatch(
      /_theme\.less' wasn't found/,
    );
    await edit(() => project.write('client/styles/_theme.less', partial));
  });

  it('writes into an output folder removed while watching', async () => {
    fs.rmSync(project.file('dist/client/pages/index'), { recursive: true });
    const errors = await edit(() =>
      project.write('client/pages/index/index.ts', "Page({ data: { greeting: 'again' } });\n"),
    );
    expect(errors).toEqual([]);
    expect(project.read('dist/client/pages/index/index.js')).toContain('again');
  });

  it('reloads the configuration on change', async () => {
    const original = project.read('starter.config.ts');
    const broken = await edit(() =>
      project.write(
        'starter.config.ts',
        original.replace("alias: 'starterPlugin'", "alias: 'bad alias'"),
      ),
    );
    expect(broken[0].format(project.root)).toContain('plugin.alias: use letters, digits');

    await edit(() =>
      project.write(
        'starter.config.ts',
        original.replace("alias: 'starterPlugin'", "alias: 'renamed'"),
      ),
    );
    expect(Object.keys(JSON.parse(project.read('dist/client/app.json')).plugins)).toEqual([
      'renamed',
    ]);
  });

  it('keeps logging each rebuild', () => {
    expect(
      lines.some((line) => /^change client\/pages\/index\/index\.ts \(\d+ ms, ok\)$/.test(line)),
    ).toBe(true);
    expect(lines.some((line) => /^unlink client\/utils\/format\.ts/.test(line))).toBe(true);
  });
});
