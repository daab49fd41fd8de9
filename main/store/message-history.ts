import path from 'node:path';
import { Low } from 'lowdb';
import type { Message } from '../contract/model';
import { Conversation } from './conversation';
import { logFileStem } from './log-file-name';
import {
  foldLog,
  LOG_VERSION,
  MessageLogFile,
  type HistoryOrigin,
  type LineDamage,
  type LogData,
  type ParsedLog,
  type StatusEvent,
} from './message-log';
import { withoutMessages } from './history-rewrite';
import { rewriteDurably } from './rewrite-durably';
import { NewerVersionError, readFailed } from './storage-error';
import { isMissing, type StoreFs } from './store-fs';

/** Called with the damaged lines found while reading a history, before anything else touches the file. */
export type DamageReporter = (
  contactId: string,
  file: string,
  damage: readonly LineDamage[],
) => Promise<void>;

export interface MessageHistoryOptions {
  /** The workspace's `messages/` folder. */
  readonly dir: string;
  readonly fs: StoreFs;
  /** How many parsed conversations to keep; the one on screen and a few recent ones is plenty. */
  readonly cacheSize: number;
  readonly reportDamage: DamageReporter;
  /**
   * Called when a history turns out to be from a newer CareWindow. Found when the history is first used,
   * not by a scan at start: opening a workspace must not read or stat thousands of histories for it.
   */
  readonly reportNewer: (contactId: string, file: string) => void;
}

const emptyLog = (): LogData => ({ schemaVersion: LOG_VERSION, events: [] });

/**
 * Every contact's history: one append-only JSON Lines file each, behind lowdb, plus a small LRU of parsed
 * conversations. Callers serialise the operations of one contact (the workspace store queues them per
 * contact), so a read never sees an append half done.
 */
export class MessageHistory {
  private readonly cache = new Map<string, Conversation>();

  constructor(private readonly options: MessageHistoryOptions) {}

  pathOf(contactId: string): string {
    return path.join(this.options.dir, `${logFileStem(contactId)}.jsonl`);
  }

  /**
   * Appends a message; resolves once it is on disk, with the file's new size. `origin` goes into the header
   * of a new history, so the contact can be rebuilt from it if contacts.json is ever lost.
   */
  async append(message: Message, origin: HistoryOrigin = {}): Promise<number> {
    const size = await this.appendEvent(message.contactId, { t: 'm', m: message }, origin);
    this.cache.get(message.contactId)?.add(message);
    return size;
  }

  /** Appends a status change, once `conversation.applyStatus` accepted it; returns the file's new size. */
  async appendStatus(contactId: string, event: StatusEvent): Promise<number> {
    return this.appendEvent(contactId, event);
  }

  /**
   * Appends many messages in one write (a chat export): all of them reach the disk, or none (a torn
   * write is cut off again). Returns the file's new size.
   */
  async appendMany(
    contactId: string,
    messages: readonly Message[],
    origin: HistoryOrigin = {},
  ): Promise<number> {
    const file = new MessageLogFile(this.pathOf(contactId), contactId, this.options.fs, origin);
    const low = new Low<LogData>(file, emptyLog());
    for (const m of messages) low.data.events.push({ t: 'm', m });
    await this.noticingNewer(contactId, () => low.write());
    // Older messages belong in the middle of the sorted order: read afresh when next needed, not n inserts.
    this.cache.delete(contactId);
    return file.size;
  }

  /**
   * Rewrites a history without these messages and their status lines (an import undone), durably;
   * every other line is kept byte for byte. Returns the file's new size. Call inside the contact's queue.
   */
  async removeMessages(contactId: string, ids: ReadonlySet<string>): Promise<number> {
    const file = this.pathOf(contactId);
    this.cache.delete(contactId);
    let text: string;
    try {
      text = await this.options.fs.readFile(file, 'utf8');
    } catch (err) {
      if (isMissing(err)) return 0;
      throw readFailed(file, err);
    }
    const kept = withoutMessages(text, ids);
    if (kept !== text) await rewriteDurably(this.options.fs, file, kept);
    return Buffer.byteLength(kept, 'utf8');
  }

  /** The parsed conversation, from the cache or read once from disk (damage reported). */
  async conversation(contactId: string): Promise<Conversation> {
    const cached = this.cache.get(contactId);
    if (cached) {
      this.cache.delete(contactId);
      this.cache.set(contactId, cached);
      return cached;
    }
    const file = new MessageLogFile(this.pathOf(contactId), contactId, this.options.fs);
    const low = new Low<LogData>(file, emptyLog());
    await this.noticingNewer(contactId, () => low.read());
    if (file.damage.length > 0) await this.options.reportDamage(contactId, file.path, file.damage);
    const conversation = new Conversation(foldLog(low.data.events).messages);
    this.cache.set(contactId, conversation);
    while (this.cache.size > this.options.cacheSize) {
      const oldest = this.cache.keys().next();
      if (oldest.done === true) break;
      this.cache.delete(oldest.value);
    }
    return conversation;
  }

  /** Reads a history from `offset` without caching it (startup reads thousands; the cache is for screens). */
  async readFrom(contactId: string, offset: number): Promise<ParsedLog | null> {
    const file = new MessageLogFile(this.pathOf(contactId), contactId, this.options.fs);
    const parsed = await this.noticingNewer(contactId, () => file.readFrom(offset));
    if (parsed && parsed.damage.length > 0)
      await this.options.reportDamage(contactId, file.path, parsed.damage);
    return parsed;
  }

  /**
   * Deletes a contact's history file (and forgets its parsed copy). Call inside the contact's queue.
   * Without the file no orphan is left for contact recovery to rebuild the contact from.
   */
  async remove(contactId: string): Promise<void> {
    this.cache.delete(contactId);
    await this.options.fs.rm(this.pathOf(contactId), { force: true });
  }

  /** The history file's size, or null when the contact has none. */
  async sizeOf(contactId: string): Promise<number | null> {
    try {
      return (await this.options.fs.stat(this.pathOf(contactId))).size;
    } catch (err) {
      if (isMissing(err)) return null;
      throw readFailed(this.pathOf(contactId), err);
    }
  }

  /**
   * A fresh append-only adapter per append: it never reads the history, so appending to a conversation of
   * 50,000 messages costs what appending to an empty one does.
   */
  private async appendEvent(
    contactId: string,
    event: LogData['events'][number],
    origin: HistoryOrigin = {},
  ): Promise<number> {
    const file = new MessageLogFile(this.pathOf(contactId), contactId, this.options.fs, origin);
    const low = new Low<LogData>(file, emptyLog());
    low.data.events.push(event);
    await this.noticingNewer(contactId, () => low.write());
    return file.size;
  }

  private async noticingNewer<T>(contactId: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (err instanceof NewerVersionError) this.options.reportNewer(contactId, this.pathOf(contactId));
      throw err;
    }
  }
}
