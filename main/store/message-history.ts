import path from 'node:path';
import { Low } from 'lowdb';
import type { Message } from '../contract/model';
import { Conversation } from './conversation';
import { logFileStem } from './log-file-name';
import {
  foldLog,
  LOG_VERSION,
  MessageLogFile,
  type LineDamage,
  type LogData,
  type ParsedLog,
  type StatusEvent,
} from './message-log';
import { readFailed } from './storage-error';
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

  /** Appends a message; resolves once it is on disk, with the file's new size. */
  async append(message: Message): Promise<number> {
    const size = await this.appendEvent(message.contactId, { t: 'm', m: message });
    this.cache.get(message.contactId)?.add(message);
    return size;
  }

  /** Appends a status change, once `conversation.applyStatus` accepted it; returns the file's new size. */
  async appendStatus(contactId: string, event: StatusEvent): Promise<number> {
    return this.appendEvent(contactId, event);
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
    await low.read();
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
    const parsed = await file.readFrom(offset);
    if (parsed && parsed.damage.length > 0)
      await this.options.reportDamage(contactId, file.path, parsed.damage);
    return parsed;
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
  private async appendEvent(contactId: string, event: LogData['events'][number]): Promise<number> {
    const file = new MessageLogFile(this.pathOf(contactId), contactId, this.options.fs);
    const low = new Low<LogData>(file, emptyLog());
    low.data.events.push(event);
    await low.write();
    return file.size;
  }
}
