import fs from 'node:fs';
import path from 'node:path';

/** Adds up the sizes of the files in a folder, skipping the named subfolders. */
export function folderSize(dir: string, skip: string[] = []): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.includes(entry.name)) total += folderSize(full, skip);
    } else {
      total += fs.statSync(full).size;
    }
  }
  return total;
}
