// A store that keeps each collection in `<dir>/<collection>.json`, for local runs. Every read
// goes to disk, so the CLI and a running dev server see each other's writes. Every write goes
// to a temporary file first and is renamed over the old one, so a crash never leaves half a file.
import fs from 'node:fs';
import path from 'node:path';

import type { DocumentStore, StoredDocument } from './document-store';

const SUFFIX = '.json';

/** Thrown when a collection file cannot be read as a JSON array of documents. */
export class StoreFileError extends Error {
  override name = 'StoreFileError';
  code = 'DB_FILE_INVALID';
}

/** Creates a store over a folder, which is made on the first write. */
export function createFileStore(dir: string): DocumentStore {
  const root = path.resolve(dir);

  return {
    location: root,

    read(collection) {
      return readCollectionFile(path.join(root, collection + SUFFIX));
    },

    write(collection, documents) {
      fs.mkdirSync(root, { recursive: true });
      writeFileAtomically(path.join(root, collection + SUFFIX), JSON.stringify(documents, null, 2));
    },

    list() {
      if (!fs.existsSync(root)) return [];

      return fs
        .readdirSync(root)
        .filter((name) => name.endsWith(SUFFIX))
        .map((name) => name.slice(0, -SUFFIX.length))
        .sort();
    },
  };
}

function readCollectionFile(file: string): StoredDocument[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new StoreFileError(
      `${file}: invalid JSON (${(error as Error).message}); ` +
        'fix the file or delete it to empty the collection',
    );
  }

  if (!Array.isArray(parsed)) {
    throw new StoreFileError(
      `${file}: expected a JSON array of documents; fix the file or delete it to empty the collection`,
    );
  }
  return parsed as StoredDocument[];
}

function writeFileAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
