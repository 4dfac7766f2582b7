// Generates `_id` values shaped like MongoDB ObjectIds: 24 hex digits, starting with the
// creation time in seconds, so ids sort roughly by insertion time.
import { randomBytes } from 'node:crypto';

/** Returns a new 24-hex-digit document id. */
export function newDocumentId(): string {
  const seconds = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  return seconds + randomBytes(8).toString('hex');
}
