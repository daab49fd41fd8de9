import type { Message } from '../contract/model';
import { Conversation, type HistoryPageData, type HistoryQuery } from './conversation';
import { applyStatus, type LogEvent, type StatusEvent } from './message-log';

interface Read {
  message: Message;
  /** The line's byte offset (for messages appended since: the file's size after them, still increasing). */
  offset: number;
}

/**
 * The part of one history read so far: the bytes from `from` to the end, read backwards a chunk at a time.
 * `known` holds the messages newer than `bound`, and every message newer than `bound` is among them (see
 * log-order.ts), so a page that does not reach the oldest of them is the page the whole history would
 * give. Messages read but not newer than `bound` wait in `uncertain`; statuses whose message lies further
 * back wait in `pending` and are applied, in file order, when it is read. Once `from` is 0 it is whole.
 */
export class HistoryView {
  private bound = Number.POSITIVE_INFINITY;
  private known = new Conversation();
  private readonly uncertain = new Map<string, Read>();
  private readonly offsets = new Map<string, number>();
  private readonly pending = new Map<string, StatusEvent[]>();
  private whole: Conversation | null = null;

  constructor(
    /** Bytes before this offset are not read yet. */
    public from: number,
  ) {
    if (from === 0) this.whole = this.known;
  }

  get complete(): boolean {
    return this.from === 0;
  }

  /**
   * Adds the lines of [start, this.from), in file order, with each line's offset; `isLate` says whether a
   * message line may be out of time order (then it bounds nothing).
   */
  prepend(
    start: number,
    events: readonly LogEvent[],
    offsets: readonly number[],
    isLate: (o: number) => boolean,
  ) {
    const chunk = new Map<string, Read>();
    const earlier = new Map<string, StatusEvent[]>();
    events.forEach((event, i) => {
      const offset = offsets[i] ?? start;
      if (event.t === 'm') {
        chunk.set(event.m.id, { message: event.m, offset });
        if (!isLate(offset)) this.bound = Math.min(this.bound, event.m.at);
        return;
      }
      const read = chunk.get(event.id);
      if (read) read.message = applyStatus(read.message, event);
      else earlier.set(event.id, [...(earlier.get(event.id) ?? []), event]);
    });
    for (const [id, read] of chunk) {
      for (const event of this.pending.get(id) ?? []) read.message = applyStatus(read.message, event);
      this.pending.delete(id);
      if (this.offsets.has(id)) continue; // a later line with the same id already stands for it
      this.offsets.set(id, read.offset);
      this.uncertain.set(id, read);
    }
    for (const [id, statuses] of earlier)
      this.pending.set(id, [...statuses, ...(this.pending.get(id) ?? [])]);
    this.from = start;
    if (start === 0) this.becomeWhole();
    else this.promote();
  }

  /** A message just appended at the end of the file (`offset`: the file's size after it). */
  append(message: Message, offset: number): void {
    this.offsets.set(message.id, offset);
    // An older message arriving late may have unread neighbours in time: it waits with the uncertain ones.
    if (message.at <= this.bound && !this.complete) this.uncertain.set(message.id, { message, offset });
    else this.known.add(message);
  }

  /** The message as it is now; undefined when it is not in the part read (see `complete`). */
  find(id: string): Message | undefined {
    const read = this.uncertain.get(id);
    return read ? { ...read.message } : this.known.find(id);
  }

  /** Applies a status to a message in the part read; undefined when it is not there. */
  applyStatus(event: StatusEvent): Message | undefined {
    const read = this.uncertain.get(event.id);
    if (!read) return this.known.applyStatus(event);
    read.message = applyStatus(read.message, event);
    return { ...read.message };
  }

  /** The page, when the part read is enough to give it exactly; undefined when more must be read. */
  page(query: HistoryQuery): HistoryPageData | undefined {
    const page = this.known.page(query);
    return this.complete || page.hasMore ? page : undefined;
  }

  /** The whole conversation, once `complete`. */
  conversation(): Conversation | undefined {
    return this.whole ?? undefined;
  }

  /** Every message's offset and time in file order (for the history's LogOrder), once complete. */
  lines(): { offset: number; at: number }[] | undefined {
    if (!this.whole) return undefined;
    return this.whole.inLogOrder().map((m) => ({ offset: this.offsets.get(m.id) ?? 0, at: m.at }));
  }

  private promote(): void {
    for (const [id, read] of this.uncertain) {
      if (read.message.at > this.bound) {
        this.known.add(read.message);
        this.uncertain.delete(id);
      }
    }
  }

  /** Everything read: one conversation in file order, so activity can be folded from it. */
  private becomeWhole(): void {
    const all: Read[] = [...this.uncertain.values()];
    for (const message of this.known.inLogOrder()) {
      all.push({ message, offset: this.offsets.get(message.id) ?? 0 });
    }
    all.sort((a, b) => a.offset - b.offset);
    this.uncertain.clear();
    this.bound = Number.NEGATIVE_INFINITY;
    this.known = new Conversation(all.map((r) => r.message));
    this.whole = this.known;
  }
}
