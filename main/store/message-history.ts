import path from 'node:path';
import { Low } from 'lowdb';
import type { Message } from '../contract/model';
import type { FileHandle } from 'node:fs/promises';
import type { Conversation, HistoryPageData, HistoryQuery } from './conversation';
import { HistoryView } from './history-view';
import { readLinesBefore } from './history-chunks';
import { lookUpMessage } from './message-lookup';
import { isLate, orderOf, type LogOrder } from './log-order';
import { logFileStem } from './log-file-name';
import {
  applyStatus,
  LOG_VERSION,
  MessageLogFile,
  readHeader,
  type HistoryOrigin,
  type LineDamage,
  type LogData,
  type ParsedLog,
  type StatusEvent,
} from './message-log';
import { withoutMessages } from './history-rewrite';
import { rewriteDurably } from './rewrite-durably';
import { newerVersion, NewerVersionError, readFailed } from './storage-error';
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
  /** How far the history of this size is out of time order, when known (kept with its activity summary). */
  readonly orderOf?: (contactId: string, size: number) => LogOrder | undefined;
  /** Told the order of a history of this size after reading all of it. */
  readonly learnOrder?: (contactId: string, size: number, order: LogOrder) => void;
}

/** The first read from the end of a history: a newest page of 200 messages and its statuses fit in it. */
const FIRST_CHUNK = 128 * 1024;

const emptyLog = (): LogData => ({ schemaVersion: LOG_VERSION, events: [] });

/**
 * Every contact's history: one append-only JSON Lines file each, behind lowdb, plus a small LRU of parsed
 * conversations. Callers serialise the operations of one contact (the workspace store queues them per
 * contact), so a read never sees an append half done.
 */
export class MessageHistory {
  private readonly cache = new Map<string, HistoryView>();
  /** What was known of each view's file order when it was made (see log-order.ts). */
  private readonly orders = new WeakMap<HistoryView, { size: number; order: LogOrder | undefined }>();

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
    this.cache.get(message.contactId)?.append(message, size);
    return size;
  }

  /**
   * Appends a status change for `before` (the message as `current` gave it); resolves once it is on disk,
   * with the message as changed and the file's new size.
   */
  async appendStatus(
    contactId: string,
    event: StatusEvent,
    before: Message,
  ): Promise<{ message: Message; size: number }> {
    const size = await this.appendEvent(contactId, event);
    return { message: this.cache.get(contactId)?.applyStatus(event) ?? applyStatus(before, event), size };
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

  /** The whole parsed conversation, from the cache or read from disk (damage reported). */
  async conversation(contactId: string): Promise<Conversation> {
    const view = await this.view(contactId);
    while (!view.complete) await this.readBack(contactId, view, Number.POSITIVE_INFINITY);
    const whole = view.conversation();
    if (!whole) throw readFailed(this.pathOf(contactId), new Error('history not read whole'));
    return whole;
  }

  /**
   * One page, read from the end of the file: only as far back as the page needs (see HistoryView), so
   * the newest page of 50,000 messages costs what that of 200 does.
   */
  async page(contactId: string, query: HistoryQuery): Promise<HistoryPageData> {
    const view = await this.view(contactId);
    for (let chunk = FIRST_CHUNK; ; chunk *= 2) {
      const page = view.page(query);
      if (page) return page;
      await this.readBack(contactId, view, chunk);
    }
  }

  /** A message as it is now, reading back from the end only until it is found (recent ones are near). */
  async find(contactId: string, messageId: string): Promise<HistoryView | undefined> {
    const view = await this.view(contactId);
    for (let chunk = FIRST_CHUNK; view.find(messageId) === undefined; chunk *= 2) {
      if (view.complete) return undefined;
      await this.readBack(contactId, view, chunk);
    }
    return view;
  }

  /**
   * A message as it is now, for a change to it. From the parsed conversation when it is cached; otherwise
   * only the lines naming it are parsed (see message-lookup.ts), and nothing is cached: a status for a
   * conversation not on screen must not cost a parse of its newest page, nor push one that is out.
   */
  async current(contactId: string, messageId: string): Promise<Message | undefined> {
    const file = this.pathOf(contactId);
    const found = this.cache.has(contactId)
      ? null
      : await this.noticingNewer(contactId, () => lookUpMessage(this.options.fs, file, messageId));
    if (found === null) return (await this.find(contactId, messageId))?.find(messageId);
    if (found.damage.length > 0) await this.options.reportDamage(contactId, file, found.damage);
    return found.message;
  }

  /** The cached view of a history, or a new one holding its last chunk. */
  private async view(contactId: string): Promise<HistoryView> {
    const cached = this.cache.get(contactId);
    if (cached) {
      this.cache.delete(contactId);
      this.cache.set(contactId, cached);
      return cached;
    }
    const size = await this.noticingNewer(contactId, () => this.openSize(contactId));
    const view = new HistoryView(size);
    const order = size === 0 ? undefined : this.options.orderOf?.(contactId, size);
    this.orders.set(view, { size, order });
    if (size > 0) await this.readBack(contactId, view, FIRST_CHUNK);
    this.cache.set(contactId, view);
    while (this.cache.size > this.options.cacheSize) {
      const oldest = this.cache.keys().next();
      if (oldest.done === true) break;
      this.cache.delete(oldest.value);
    }
    return view;
  }

  /** The file's size, after checking its header is not from a newer CareWindow; 0 when there is none. */
  private async openSize(contactId: string): Promise<number> {
    const file = this.pathOf(contactId);
    let handle: FileHandle | undefined;
    try {
      handle = await this.options.fs.open(file, 'r');
      const { size } = await handle.stat();
      if (size > 0 && ((await readHeader(handle, size))?.schemaVersion ?? 0) > LOG_VERSION)
        throw newerVersion(file, 'read');
      return size;
    } catch (err) {
      if (isMissing(err)) return 0;
      if (err instanceof NewerVersionError) throw err;
      throw readFailed(file, err);
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }

  /** Reads about `chunk` more bytes before `view.from`, starting on a line, and hands them to the view. */
  private async readBack(contactId: string, view: HistoryView, chunk: number): Promise<void> {
    const file = this.pathOf(contactId);
    const { events, offsets, damage, start } = await this.noticingNewer(contactId, () =>
      readLinesBefore(this.options.fs, file, view.from, chunk),
    );
    if (damage.length > 0) await this.options.reportDamage(contactId, file, damage);
    const { order, size } = this.orders.get(view) ?? { size: 0, order: undefined };
    view.prepend(start, events, offsets, (offset) => order === undefined || isLate(order, offset));
    if (view.complete && order === undefined) {
      const lines = view.lines();
      if (lines) this.options.learnOrder?.(contactId, size, orderOf(lines.filter((l) => l.offset < size)));
    }
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
