import type { Low } from 'lowdb';
import { z } from 'zod';
import { Id, Timestamp, type DataProblem } from '../contract/model';
import { OutgoingMediaKind } from '../contract/attachments';
import type { JsonFileKind } from './json-file-kind';
import { openInFolder, SavedInMemory, type FolderFileOptions } from './saved-in-memory';

/** What was asked of the provider, kept so a send can be tried again after a restart. */
export const OutboxRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    to: z.string().max(20),
    text: z.string().max(4096),
    replyTo: z.exactOptional(z.string().max(200)),
  }),
  z.object({
    kind: z.literal('reaction'),
    to: z.string().max(20),
    targetProviderId: z.string().max(200),
    text: z.string().max(50),
  }),
  z.object({
    kind: z.literal('media'),
    to: z.string().max(20),
    media: z.object({
      kind: OutgoingMediaKind,
      file: z.string().max(400),
      mimeType: z.string().max(255),
      fileName: z.string().max(255),
    }),
    text: z.string().max(1024),
    replyTo: z.exactOptional(z.string().max(200)),
  }),
  z.object({
    kind: z.literal('template'),
    to: z.string().max(20),
    template: z.object({ name: z.string().max(512), language: z.string().max(20) }),
    text: z.string().max(4096),
    parameters: z.array(z.object({ name: z.string().max(100), value: z.string().max(4096) })).max(100),
    // Optional: entries written before templates carried media headers and buttons have neither.
    header: z.exactOptional(
      z.object({
        kind: z.enum(['image', 'video', 'document']),
        file: z.string().max(400),
        mimeType: z.string().max(255),
        fileName: z.string().max(255),
      }),
    ),
    buttons: z.exactOptional(
      z
        .array(
          z.discriminatedUnion('type', [
            z.object({
              index: z.number().int().nonnegative().max(9),
              type: z.literal('quick_reply'),
              payload: z.string().max(1000),
            }),
            z.object({
              index: z.number().int().nonnegative().max(9),
              type: z.literal('url'),
              text: z.string().max(2000),
            }),
          ]),
        )
        .max(10),
    ),
  }),
]);
export type OutboxRequest = z.infer<typeof OutboxRequest>;

/**
 * One send not finished yet:
 * - queued: stored, waiting its turn (an earlier message to the same contact) or its next attempt;
 * - sending: handed to the provider; found like this at start, the app stopped before the answer, so it
 *   may have gone out and becomes unconfirmed;
 * - unconfirmed: waits for a status webhook or the owner ("Mark as sent" / "Send again").
 */
export const OutboxEntry = z.object({
  messageId: Id,
  contactId: Id,
  /** Order of submission across the workspace: per contact, sends go out in this order. */
  seq: z.number().int().nonnegative(),
  state: z.enum(['queued', 'sending', 'unconfirmed']),
  request: OutboxRequest,
  /** Failed attempts so far (network, rate limit). */
  attempts: z.number().int().nonnegative(),
  /** Not tried before this moment (a retry's backoff). */
  notBefore: Timestamp,
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

export const OutboxFile = z.object({
  schemaVersion: z.number().int().positive(),
  nextSeq: z.number().int().nonnegative(),
  entries: z.array(OutboxEntry),
});
export type OutboxFile = z.infer<typeof OutboxFile>;

export const OUTBOX_FILE: JsonFileKind<OutboxFile> = {
  fileName: 'outbox.json',
  label: 'Messages waiting to be sent',
  version: 1,
  migrations: {},
  schema: OutboxFile,
  defaults: () => ({ schemaVersion: 1, nextSeq: 0, entries: [] }),
  describe: (data) =>
    data.entries.length === 1 ? '1 message waiting' : `${String(data.entries.length)} messages waiting`,
  emptyRecovery:
    'Messages that were waiting to be sent are shown as not confirmed in their conversations; send them again from there if they did not arrive.',
  backup: true,
};

/**
 * The outbox of one workspace (outbox.json): only sends that are not finished, so it stays small and is
 * saved whole (fsync + rename) on every change. Memory changes only after the file is written, so a save
 * that fails leaves both as they were and the caller's send is refused rather than lost.
 */
export class Outbox {
  private readonly file: SavedInMemory<OutboxFile>;

  constructor(
    low: Low<OutboxFile>,
    readonly problems: readonly DataProblem[],
  ) {
    this.file = new SavedInMemory(low);
  }

  entries(): readonly OutboxEntry[] {
    return this.file.data.entries;
  }

  get(messageId: string): OutboxEntry | undefined {
    return this.file.data.entries.find((e) => e.messageId === messageId);
  }

  /** Adds a new send at the end of the queue; resolves with it once it is on disk. */
  add(entry: Omit<OutboxEntry, 'seq'>): Promise<OutboxEntry> {
    return this.file.changeWith((data) => {
      const added = OutboxEntry.parse({ ...entry, seq: data.nextSeq });
      return [{ ...data, nextSeq: data.nextSeq + 1, entries: [...data.entries, added] }, added];
    });
  }

  /** Replaces the entry for the same message (its state, attempts, next attempt). */
  update(entry: OutboxEntry): Promise<void> {
    const valid = OutboxEntry.parse(entry);
    return this.file.change((data) => ({
      ...data,
      entries: data.entries.map((e) => (e.messageId === valid.messageId ? valid : e)),
    }));
  }

  remove(messageId: string): Promise<void> {
    return this.file.change((data) => ({
      ...data,
      entries: data.entries.filter((e) => e.messageId !== messageId),
    }));
  }

  /**
   * Drops every entry of a deleted contact, written twice: each write first keeps the file it replaces
   * as outbox.json.bak, and that copy must not keep the contact's messages either.
   */
  async forgetContact(contactId: string): Promise<void> {
    const without = (data: OutboxFile): OutboxFile => ({
      ...data,
      entries: data.entries.filter((e) => e.contactId !== contactId),
    });
    await this.file.change(without);
    await this.file.change(without);
  }

  idle(): Promise<void> {
    return this.file.idle();
  }
}

export type OutboxOptions = FolderFileOptions;

/** Opens `<workspace>/outbox.json` (a damaged one is moved to corrupt/ and its backup used). */
export async function openOutbox(dir: string, options: OutboxOptions): Promise<Outbox> {
  const { low, file } = await openInFolder(dir, OUTBOX_FILE, options);
  return new Outbox(low, file.problems);
}
