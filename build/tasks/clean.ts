// `npm run clean`: removes the build output.
import fs from 'node:fs';
import path from 'node:path';

/** Removes dist/ and any staging folder a stopped build left behind; returns what it removed. */
export async function cleanProject(root: string): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of ['dist', '.dist-staging', '.dist-old']) {
    const full = path.join(root, dir);
    if (!fs.existsSync(full)) continue;
    await fs.promises.rm(full, { recursive: true, force: true });
    removed.push(`${dir}/`);
  }
  return removed;
}
