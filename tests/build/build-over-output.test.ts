// A build writes over the output of the build before the last one (kept as .dist-old/) instead
// of creating every file anew. What it leaves in dist/ must be exactly what a build into an empty
// folder leaves: every file rewritten, nothing of the older output kept.
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BuildFailed, type Logger } from '../../build/log';
import { buildProject } from '../../build/tasks/build';
import { copyStarter, listFiles, type ProjectCopy } from '../helpers/project-copy';

let project: ProjectCopy;

const quiet: Logger = {
  info: () => undefined,
  error: () => undefined,
  sourceErrors: () => undefined,
};

/** Builds without the type check, which does not touch the output. */
function build(): Promise<void> {
  return buildProject({ root: project.root, env: 'test', logger: quiet, skipTypeCheck: true });
}

/** Every file under `dir` with its bytes, and every folder. */
function snapshot(dir: string): Map<string, string> {
  const entries = fs.readdirSync(dir, { recursive: true, withFileTypes: true });
  return new Map(
    entries.map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      const content = entry.isFile() ? fs.readFileSync(full).toString('hex') : 'folder';
      return [path.relative(dir, full), content];
    }),
  );
}

/** The permissions of every file and folder under `dir`. */
function modesOf(dir: string): Map<string, number> {
  const entries = fs.readdirSync(dir, { recursive: true, withFileTypes: true });
  return new Map(
    entries.map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      return [path.relative(dir, full), fs.lstatSync(full).mode];
    }),
  );
}

beforeAll(() => {
  project = copyStarter();
});

afterAll(() => project.remove());

describe('build over an earlier output', () => {
  it('keeps the replaced dist/ aside for the next build', async () => {
    await build();
    expect(fs.existsSync(project.file('.dist-old'))).toBe(false);
    await build();
    expect(listFiles(project.file('.dist-old'))).toEqual(listFiles(project.file('dist')));
    expect(fs.existsSync(project.file('.dist-staging'))).toBe(false);
  });

  it('leaves exactly the files of a build into an empty folder', async () => {
    const expected = snapshot(project.file('dist'));
    const old = (relative: string) => path.join('.dist-old', relative);
    // Output of sources that are gone, an empty folder, and files whose content is out of date.
    project.write(old('client/pages/removed/index.js'), 'Page({});\n');
    project.write(old('.maps/client/pages/removed/index.js.map'), '{}');
    project.write(old('server/removed/index.js'), 'exports.main = () => 1;\n');
    fs.mkdirSync(project.file(old('plugin/components/empty')), { recursive: true });
    project.write(old('client/app.js'), '// stale\n');
    project.write(old('mini.project.json'), '{}\n');
    project.write(old('client/node_modules/@tbmp/mp-cloud-sdk/index.js'), '// old version\n');
    project.write(old('client/node_modules/left-pad/index.js'), '// no longer imported\n');
    // A folder where a file goes, and a file where a folder goes.
    fs.rmSync(project.file(old('plugin/index.js')));
    project.write(old('plugin/index.js/stale.js'), '// stale\n');
    fs.rmSync(project.file(old('server/hello/contract')), { recursive: true });
    project.write(old('server/hello/contract'), 'stale\n');
    // A file with the same content is left as it is, so its time stays.
    const longAgo = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(project.file(old('client/pages/index/index.js')), longAgo, longAgo);

    await build();
    expect(snapshot(project.file('dist'))).toEqual(expected);
    const unchanged = fs.statSync(project.file('dist/client/pages/index/index.js'));
    expect(unchanged.mtime).toEqual(longAgo);
    const rewritten = fs.statSync(project.file('dist/client/app.js'));
    expect(rewritten.mtimeMs).toBeGreaterThan(longAgo.getTime());
  });

  it('replaces links and permissions instead of writing through them', async () => {
    const expected = snapshot(project.file('dist'));
    const modes = modesOf(project.file('dist'));
    const old = (relative: string) => project.file(path.join('.dist-old', relative));
    const outside = project.file('outside');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'victim.js'), '// outside the output\n');
    fs.mkdirSync(path.join(outside, 'folder'));

    // A link to a file outside, and a link to a folder outside in place of a function's folder.
    fs.rmSync(old('plugin/index.js'));
    fs.symlinkSync(path.join(outside, 'victim.js'), old('plugin/index.js'));
    fs.rmSync(old('server/hello'), { recursive: true });
    fs.symlinkSync(path.join(outside, 'folder'), old('server/hello'), 'dir');
    // A hard link kept elsewhere, a read-only file, a closed folder.
    fs.linkSync(old('client/app.js'), path.join(outside, 'app-snapshot.js'));
    fs.chmodSync(old('client/app.acss'), 0o444);
    fs.chmodSync(old('client/pages'), 0o700);
    // Bytes that decode to the same text: an invalid UTF-8 byte where U+FFFD is expected.
    const manifest = old('client/app.json');
    const bytes = fs.readFileSync(manifest);
    fs.writeFileSync(
      manifest,
      Buffer.concat([bytes.subarray(0, bytes.length - 1), Buffer.from([0xff])]),
    );

    await build();
    expect(snapshot(project.file('dist'))).toEqual(expected);
    expect(modesOf(project.file('dist'))).toEqual(modes);
    expect(fs.readFileSync(path.join(outside, 'victim.js'), 'utf8')).toBe(
      '// outside the output\n',
    );
    expect(fs.readdirSync(path.join(outside, 'folder'))).toEqual([]);
    const snapshotText = fs.readFileSync(path.join(outside, 'app-snapshot.js'), 'utf8');
    expect(snapshotText).toBe(fs.readFileSync(project.file('.dist-old/client/app.js'), 'utf8'));
  });

  it('removes staging and sets dist/ aside when a build crashes', async () => {
    // A logger that throws stands for any unexpected failure once the output is staged.
    const crashing: Logger = {
      ...quiet,
      info: (message) => {
        if (message.startsWith('emit:')) throw new Error('crashed while logging');
      },
    };
    const run = buildProject({
      root: project.root,
      env: 'test',
      logger: crashing,
      skipTypeCheck: true,
    });
    await expect(run).rejects.toThrow('crashed while logging');
    expect(fs.existsSync(project.file('dist'))).toBe(false);
    expect(fs.existsSync(project.file('.dist-staging'))).toBe(false);
    expect(fs.existsSync(project.file('.dist-old/client/app.js'))).toBe(true);
    await build();
    expect(fs.existsSync(project.file('dist/client/app.js'))).toBe(true);
  });

  it('sets dist/ aside when a build fails, and builds over it next time', async () => {
    const expected = snapshot(project.file('dist'));
    const page = project.read('client/pages/index/index.axml');
    project.write('client/pages/index/index.axml', '<view>\n  <text>unclosed\n</view>\n');
    await expect(build()).rejects.toBeInstanceOf(BuildFailed);
    expect(fs.existsSync(project.file('dist'))).toBe(false);
    expect(fs.existsSync(project.file('.dist-old/client/app.js'))).toBe(true);

    project.write('client/pages/index/index.axml', page);
    await build();
    expect(snapshot(project.file('dist'))).toEqual(expected);
  });
});
