// A copy of the clean check fixture in a temp folder, with helpers to break one file at a time.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { runCheck, type CheckConfig, type Finding } from '../../tools/check';

const CLEAN = path.join(__dirname, 'fixtures', 'clean');

export interface FixtureProject {
  root: string;
  dist: string;
  /** Writes a file under dist/, creating its folders. */
  write(relative: string, text: string): Promise<void>;
  /** Reads a file under dist/. */
  read(relative: string): Promise<string>;
  /** Replaces the first occurrence of a text in a file under dist/, and fails if it's absent. */
  replace(relative: string, search: string, replacement: string): Promise<void>;
  remove(relative: string): Promise<void>;
  check(config?: CheckConfig): Promise<Finding[]>;
  /** Findings of one rule. */
  findings(rule: string, config?: CheckConfig): Promise<Finding[]>;
}

/** Copies the clean fixture to <tmp>/check-XXXX with its output as dist/. */
export async function makeFixture(): Promise<FixtureProject> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'check-'));
  const dist = path.join(root, 'dist');
  await fs.cp(path.join(CLEAN, 'contract'), path.join(root, 'contract'), { recursive: true });
  await fs.cp(path.join(CLEAN, 'output'), dist, { recursive: true });

  const resolve = (relative: string) => path.join(dist, relative);
  const project: FixtureProject = {
    root,
    dist,
    async write(relative, text) {
      await fs.mkdir(path.dirname(resolve(relative)), { recursive: true });
      await fs.writeFile(resolve(relative), text);
    },
    read: (relative) => fs.readFile(resolve(relative), 'utf8'),
    async replace(relative, search, replacement) {
      const text = await project.read(relative);
      if (!text.includes(search))
        throw new Error(`${relative} does not contain ${JSON.stringify(search)}`);
      await project.write(relative, text.replace(search, replacement));
    },
    remove: (relative) => fs.rm(resolve(relative), { recursive: true, force: true }),
    check: (config) => runCheck({ root, distDir: dist, config }),
    async findings(rule, config) {
      const all = await project.check(config);
      return all.filter((finding) => finding.rule === rule);
    },
  };
  return project;
}

/** Removes a fixture's temp folder. */
export async function removeFixture(project: FixtureProject | undefined): Promise<void> {
  if (project) await fs.rm(project.root, { recursive: true, force: true });
}
