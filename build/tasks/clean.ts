// `npm run clean`: removes the build output.
import fs from 'node:fs';
import path from 'node:path';

/** Removes dist/ and any staging folder a stopped build left behind. */
export async function cleanProject(root: string): Promise<void> {
  for (const dir of ['dist', '.dist-staging']) {
    await fs.promises.rm(path.join(root, dir), { recursive: true, force: true });
  }
}
