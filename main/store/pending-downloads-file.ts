import { Low, Memory } from 'lowdb';
import { z } from 'zod';
import type { DataProblem } from '../contract/model';
import type { JsonFileKind } from './json-file-kind';
import { openInFolder, SavedInMemory, type FolderFileOptions } from './saved-in-memory';

export const PendingDownload = z.object({ contactId: z.string().min(1), messageId: z.string().min(1) });
export type PendingDownload = z.infer<typeof PendingDownload>;

export const PendingDownloadsFile = z.object({
  schemaVersion: z.number().int().positive(),
  /** Inbound media not yet downloaded or failed for good: queued, under way, or waiting for a retry. */
  pending: z.array(PendingDownload),
});
export type PendingDownloadsFile = z.infer<typeof PendingDownloadsFile>;

export const PENDING_DOWNLOADS_FILE: JsonFileKind<PendingDownloadsFile> = {
  fileName: 'pending-downloads.json',
  label: 'The list of received files still to download',
  version: 1,
  migrations: {},
  schema: PendingDownloadsFile,
  defaults: () => ({ schemaVersion: 1, pending: [] }),
  describe: (data) => `${data.pending.length} files still to download`,
  emptyRecovery:
    'CareWindow could not read which received files were still downloading: your messages are kept; press "Try again" on a file that did not come.',
  // An older copy is harmless: each entry is checked against its message before anything is fetched.
  backup: true,
};

/**
 * pending-downloads.json: which messages' media still has to come, so downloads left queued or waiting
 * for a retry when the app quit are resumed at the next start without reading every history (the
 * download state itself lives on the message). An entry is written when a download is queued and removed
 * when it ends ('done' or 'failed'); saved whole, it stays small.
 */
export class PendingDownloads {
  private readonly file: SavedInMemory<PendingDownloadsFile>;

  constructor(
    low: Low<PendingDownloadsFile>,
    readonly problems: readonly DataProblem[] = [],
  ) {
    this.file = new SavedInMemory(low);
  }

  list(): readonly PendingDownload[] {
    return this.file.data.pending;
  }

  has(messageId: string): boolean {
    return this.file.data.pending.some((p) => p.messageId === messageId);
  }

  /** Resolves once the entry is on disk (at once when it already was). */
  add(entry: PendingDownload): Promise<void> {
    if (this.has(entry.messageId)) return this.file.idle();
    return this.file.change((data) =>
      data.pending.some((p) => p.messageId === entry.messageId)
        ? data
        : { ...data, pending: [...data.pending, { contactId: entry.contactId, messageId: entry.messageId }] },
    );
  }

  remove(messageId: string): Promise<void> {
    if (!this.has(messageId)) return this.file.idle();
    return this.file.change((data) => ({
      ...data,
      pending: data.pending.filter((p) => p.messageId !== messageId),
    }));
  }

  idle(): Promise<void> {
    return this.file.idle();
  }
}

/** Opens `<workspace>/pending-downloads.json`; a damaged one is moved to `corrupt/` and read as empty. */
export async function openPendingDownloads(
  dir: string,
  options: FolderFileOptions,
): Promise<PendingDownloads> {
  const { low, file } = await openInFolder(dir, PENDING_DOWNLOADS_FILE, options);
  return new PendingDownloads(low, file.problems);
}

/** Kept in memory only (sessions opened without their files): nothing is resumed after a restart. */
export function memoryPendingDownloads(): PendingDownloads {
  return new PendingDownloads(new Low(new Memory<PendingDownloadsFile>(), PENDING_DOWNLOADS_FILE.defaults()));
}
