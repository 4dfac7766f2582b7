// Temporary copies of tests/fixtures/mini-app, with the real @tbmp/mp-cloud-sdk copied into
// the host's node_modules (node_modules is not committed).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const repositoryRoot = path.resolve(__dirname, '../..');
const fixtureRoot = path.join(repositoryRoot, 'tests/fixtures/mini-app');
const sdkRoot = path.join(repositoryRoot, 'node_modules/@tbmp/mp-cloud-sdk');

export interface FixtureApp {
  folder: string;
  client: string;
  plugin: string;
}

export async function copyFixtureApp(): Promise<FixtureApp> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'mini-runtime-'));
  await fs.cp(fixtureRoot, folder, { recursive: true });

  const client = path.join(folder, 'client');
  await fs.cp(sdkRoot, path.join(client, 'node_modules/@tbmp/mp-cloud-sdk'), { recursive: true });
  return { folder, client, plugin: path.join(folder, 'plugin') };
}

/** Writes `files` (path to content) under a new temporary folder and returns the folder. */
export async function writeTempFiles(files: Record<string, string>): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'mini-runtime-'));
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(folder, file);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, content);
  }
  return folder;
}

export function removeFolder(folder: string): Promise<void> {
  return fs.rm(folder, { recursive: true, force: true });
}
