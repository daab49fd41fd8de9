import { createHash } from 'node:crypto';

/** Ids that are safe as file names on every platform, case-insensitive ones included. */
const PLAIN = /^[a-z0-9][a-z0-9_-]{0,99}$/;
/** Names Windows reserves whatever the extension (con.jsonl cannot be created). */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * The file name (without extension) of a contact's history. Ordinary ids (UUIDs) are used as they are, so
 * a person can find the file; any other id is hashed, because an id is data and must never steer a path
 * (`../x`), collide by case on Windows and macOS, or exceed a file-name limit. A hashed name starts with
 * `_`, which a plain one cannot, so the two never meet.
 */
export function logFileStem(contactId: string): string {
  if (PLAIN.test(contactId) && !RESERVED.test(contactId)) return contactId;
  return `_${createHash('sha256').update(contactId, 'utf8').digest('hex')}`;
}
