// The changes that create the index.{ts,axml,less,json} files of a page or component folder.
import { ensureAbsent, ensureNoCaseClash, type Change } from './changes';
import type { FolderFiles } from './templates/page';

/** Rejects an existing folder, then lists the four files to create in `folder`. */
export function createFolderFiles(
  root: string,
  folder: string,
  label: string,
  files: FolderFiles,
): Change[] {
  ensureAbsent(root, folder, label);
  ensureNoCaseClash(root, folder, label);

  return (['ts', 'axml', 'less', 'json'] as const).map((extension) => ({
    kind: 'create',
    file: `${folder}/index.${extension}`,
    content: files[extension],
  }));
}
