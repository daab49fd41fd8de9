import type { Message } from '../contract/model';
import { applyStatus, type StatusEvent } from './message-log';

interface Entry {
  message: Message;
  /** Position in the log: activity is folded in log order, pages are shown in time order. */
  seq: number;
}

/** Which page of a history to read: see `Conversation.page`. */
export interface HistoryQuery {
  /** Only messages strictly older than this (or, with `beforeId`, strictly before that position). */
  before?: number;
  /** With `before`: the id of the message at `before` to page back from; ignored without `before`. */
  beforeId?: string;
  /** Only messages strictly newer than this (paging down after a jump); with `afterId`, after that position. */
  after?: number;
  afterId?: string;
  /**
   * A page centred on a moment or a message (a search hit, "jump to a date"): about half the page before
   * it and the rest from it on, so the renderer can page both ways. Wins over `before` and `after`.
   */
  around?: { at: number; id?: string };
  limit: number;
}

/** A page, oldest first; `hasMore`: older messages exist; `hasNewer`: newer ones exist. */
export interface HistoryPageData {
  messages: Message[];
  hasMore: boolean;
  hasNewer: boolean;
}

/** Time order, ties broken by id (code units, not locale: the same on every computer), then log order. */
function compare(a: Entry, b: Entry): number {
  if (a.message.at !== b.message.at) return a.message.at - b.message.at;
  if (a.message.id !== b.message.id) return a.message.id < b.message.id ? -1 : 1;
  return a.seq - b.seq;
}

/** First index whose entry is not before `probe` (binary search over the sorted entries). */
function lowerBound(entries: readonly Entry[], isBefore: (entry: Entry) => boolean): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const entry = entries[mid];
    if (entry !== undefined && isBefore(entry)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One contact's history in memory, sorted for paging, kept current by appends and status changes so a
 * conversation being read is parsed once. The messages handed out are copies: callers cannot change it.
 */
export class Conversation {
  private readonly sorted: Entry[] = [];
  private readonly byId = new Map<string, Entry>();
  private nextSeq = 0;

  /** `messages` in log order, statuses already applied. */
  constructor(messages: readonly Message[] = []) {
    for (const message of messages) {
      const entry = { message, seq: this.nextSeq++ };
      this.sorted.push(entry);
      this.byId.set(message.id, entry);
    }
    this.sorted.sort(compare);
  }

  get length(): number {
    return this.sorted.length;
  }

  add(message: Message): void {
    const entry = { message, seq: this.nextSeq++ };
    this.sorted.splice(
      lowerBound(this.sorted, (e) => compare(e, entry) < 0),
      0,
      entry,
    );
    this.byId.set(message.id, entry);
  }

  find(id: string): Message | undefined {
    const message = this.byId.get(id)?.message;
    return message === undefined ? undefined : { ...message };
  }

  /** Applies a status event; returns the updated message, or undefined when no message has that id. */
  applyStatus(event: StatusEvent): Message | undefined {
    const entry = this.byId.get(event.id);
    if (!entry) return undefined;
    // Only the status changes, never at or id: the entry keeps its sorted position.
    entry.message = applyStatus(entry.message, event);
    return { ...entry.message };
  }

  /**
   * Up to `limit` messages before `before` (or the newest), oldest first, and whether older ones exist.
   * With `beforeId` too, "before" is the position (`before`, `beforeId`) in the sorted order, so paging
   * from the oldest message shown never skips the ones sharing its millisecond. `after` pages the other
   * way (the first `limit` messages after that position); `around` centres the page on a position.
   */
  page(query: HistoryQuery): HistoryPageData {
    const limit = Number.isFinite(query.limit) ? Math.max(0, Math.floor(query.limit)) : 0;
    const { around, after, afterId } = query;
    if (around !== undefined) {
      const { at, id } = around;
      // The first entry at or after the position: the message asked for, or the first one after the moment.
      const pivot = lowerBound(
        this.sorted,
        id === undefined
          ? (e) => e.message.at < at
          : (e) => e.message.at < at || (e.message.at === at && e.message.id < id),
      );
      const start = Math.max(0, Math.min(pivot - Math.floor(limit / 2), this.sorted.length - limit));
      return this.slice(start, Math.min(this.sorted.length, start + limit));
    }
    if (after !== undefined) {
      const start = lowerBound(
        this.sorted,
        afterId === undefined
          ? (e) => e.message.at <= after
          : (e) => e.message.at < after || (e.message.at === after && e.message.id <= afterId),
      );
      return this.slice(start, Math.min(this.sorted.length, start + limit));
    }
    const { before, beforeId } = query;
    const end =
      before === undefined
        ? this.sorted.length
        : lowerBound(
            this.sorted,
            beforeId === undefined
              ? (e) => e.message.at < before
              : (e) => e.message.at < before || (e.message.at === before && e.message.id < beforeId),
          );
    return this.slice(Math.max(0, end - limit), end);
  }

  private slice(start: number, end: number): HistoryPageData {
    return {
      messages: this.sorted.slice(start, end).map((e) => ({ ...e.message })),
      hasMore: start > 0,
      hasNewer: end < this.sorted.length,
    };
  }

  /** Every message in the order it was logged: what the activity summary is folded from. */
  inLogOrder(): Message[] {
    return [...this.sorted].sort((a, b) => a.seq - b.seq).map((e) => e.message);
  }
}
