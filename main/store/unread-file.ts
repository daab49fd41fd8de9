import { Low, Memory } from 'lowdb';
import { z } from 'zod';
import type { DataProblem } from '../contract/model';
import type { JsonFileKind } from './json-file-kind';
import { openInFolder, SavedInMemory, type FolderFileOptions } from './saved-in-memory';

export const UnreadFile = z.object({
  schemaVersion: z.number().int().positive(),
  /** Contact id → customer messages not seen yet. Only contacts with unread messages are listed. */
  unread: z.record(z.string(), z.number().int().positive()),
});
export type UnreadFile = z.infer<typeof UnreadFile>;

export const UNREAD_FILE: JsonFileKind<UnreadFile> = {
  fileName: 'unread.json',
  label: 'Which messages you have not read yet',
  version: 1,
  migrations: {},
  schema: UnreadFile,
  defaults: () => ({ schemaVersion: 1, unread: {} }),
  describe: (data) => `${Object.keys(data.unread).length} conversations with unread messages`,
  emptyRecovery: 'CareWindow started with every conversation marked as read; your messages are untouched.',
  backup: true,
};

/**
 * The unread counts of one workspace (unread.json). Small: it lists only conversations with unread
 * messages, so saving it whole on each new message costs little, and opening a conversation removes its
 * entry. Kept apart from the contacts file (a 10,000-contact rewrite per message is too slow, DESIGN §3)
 * and from activity.json (rebuilt from the histories, which do not know what the owner has read).
 */
export class UnreadCounts {
  private readonly file: SavedInMemory<UnreadFile>;

  constructor(
    low: Low<UnreadFile>,
    readonly problems: readonly DataProblem[] = [],
  ) {
    this.file = new SavedInMemory(low);
  }

  of(contactId: string): number {
    return this.file.data.unread[contactId] ?? 0;
  }

  /** Every unread customer message of the workspace: the window title and the dock badge. */
  total(): number {
    let total = 0;
    for (const count of Object.values(this.file.data.unread)) total += count;
    return total;
  }

  /** One more unread message from this customer; resolves once it is on disk. */
  add(contactId: string): Promise<void> {
    return this.file.change((data) => ({
      ...data,
      unread: { ...data.unread, [contactId]: (data.unread[contactId] ?? 0) + 1 },
    }));
  }

  /** The owner opened the conversation (or the contact was deleted): nothing unread any more. */
  clear(contactId: string): Promise<void> {
    if (this.of(contactId) === 0) return this.file.idle();
    return this.file.change((data) => {
      const { [contactId]: _read, ...rest } = data.unread;
      return { ...data, unread: rest };
    });
  }

  /**
   * A deleted contact: cleared, then saved once more, because each save keeps the file it replaces as
   * unread.json.bak and the customer's right to be forgotten covers that copy too.
   */
  async forget(contactId: string): Promise<void> {
    await this.clear(contactId);
    await this.file.change((data) => ({ ...data }));
  }

  idle(): Promise<void> {
    return this.file.idle();
  }
}

/** Opens `<workspace>/unread.json`; a damaged file is moved to `corrupt/` and everything counts as read. */
export async function openUnreadCounts(dir: string, options: FolderFileOptions): Promise<UnreadCounts> {
  const { low, file } = await openInFolder(dir, UNREAD_FILE, options);
  return new UnreadCounts(low, file.problems);
}

/** Counts kept only in memory (hosts and tests that open a session without its files). */
export function memoryUnreadCounts(): UnreadCounts {
  return new UnreadCounts(new Low(new Memory<UnreadFile>(), UNREAD_FILE.defaults()));
}
