import type { CareWindowApi } from '../../../main/contract/ipc';
import type { Message } from '../../../main/contract/model';
import type { AppState, StateCell } from './app-state';
import { errorMessage } from './errors';

export const HISTORY_PAGE = 200;
/**
 * At most this many messages are held for the open conversation: loading a page at one end drops pages
 * at the other, so scrolling through 50,000 messages keeps memory and the DOM flat.
 */
export const KEPT_MESSAGES = 3 * HISTORY_PAGE;

/** Where to open a conversation: a message (search hit, quoted reply) or a moment (jump to a date). */
export interface OpenAt {
  messageId?: string;
  at: number;
}

export interface Conversation {
  contactId: string;
  /** The part of the history held, oldest first. */
  messages: readonly Message[];
  /** Older messages exist before the first one held. */
  hasMore: boolean;
  /** Newer messages exist after the last one held: the log is not at the live end. */
  hasNewer: boolean;
  loading: 'initial' | 'earlier' | 'later' | null;
  error: string | null;
  /**
   * The message to bring into view and highlight (a search hit, a date jumped to); `seq` changes with
   * every request, so asking for the same message twice scrolls to it again.
   */
  focus: { messageId: string; seq: number } | null;
}

const empty = (contactId: string): Conversation => ({
  contactId,
  messages: [],
  hasMore: false,
  hasNewer: false,
  loading: 'initial',
  error: null,
  focus: null,
});

/**
 * The open conversation, held as a window of at most `KEPT_MESSAGES` messages, fetched a page at a time
 * from the newest back, or around a message and then both ways. Every answer is checked against the
 * conversation still open (and the request still current), so a late page never lands in another
 * contact's log or on top of a jump made since.
 */
export class ConversationPages {
  private focusSeq = 0;
  /** Bumped by every open, so the answer to an older open or a page requested before it is dropped. */
  private generation = 0;

  constructor(
    private readonly cell: StateCell,
    private readonly api: CareWindowApi['conversation'],
  ) {}

  /** Starts the conversation over with its newest page. */
  async open(contactId: string): Promise<void> {
    const generation = ++this.generation;
    this.cell.set({ conversation: empty(contactId) });
    try {
      const page = await this.api.history(contactId, { limit: HISTORY_PAGE });
      const current = this.current(contactId, generation);
      if (!current) return;
      // Messages pushed while the page was loading are merged, not lost.
      let messages: readonly Message[] = [...page.messages].sort(byTime);
      for (const message of current.messages) messages = withMessage(messages, message);
      this.cell.set({
        conversation: { ...current, messages, hasMore: page.hasMore, hasNewer: false, loading: null },
      });
    } catch (error) {
      this.failed(contactId, error);
    }
  }

  /** Opens the conversation centred on a message, or on the first message at or after a moment. */
  async openAt(contactId: string, target: OpenAt): Promise<void> {
    const generation = ++this.generation;
    const before = this.cell.get().conversation;
    // The log already open keeps showing until the page arrives (no flash of an empty log).
    const kept = before?.contactId === contactId ? before.messages : [];
    this.cell.set({ conversation: { ...empty(contactId), messages: kept } });
    try {
      const around =
        target.messageId === undefined ? { at: target.at } : { at: target.at, id: target.messageId };
      const page = await this.api.history(contactId, { around, limit: HISTORY_PAGE });
      const current = this.current(contactId, generation);
      if (!current) return;
      const messages = [...page.messages].sort(byTime);
      const hit =
        messages.find((m) => m.id === target.messageId) ??
        messages.find((m) => m.at >= target.at) ??
        messages[messages.length - 1];
      this.cell.set({
        conversation: {
          ...current,
          messages,
          hasMore: page.hasMore,
          hasNewer: page.hasNewer ?? false,
          loading: null,
          focus: hit === undefined ? null : { messageId: hit.id, seq: ++this.focusSeq },
        },
      });
    } catch (error) {
      this.failed(contactId, error);
    }
  }

  /** The page before the oldest message held; drops the newest ones beyond `KEPT_MESSAGES`. */
  async loadEarlier(): Promise<void> {
    const current = this.cell.get().conversation;
    const oldest = current?.messages[0];
    if (!current || !oldest || current.loading !== null || !current.hasMore) return;
    const { contactId } = current;
    const generation = this.generation;
    this.cell.set({ conversation: { ...current, loading: 'earlier', error: null } });
    try {
      // A cursor on (at, id), the order the history is kept in: messages sharing the oldest one's
      // millisecond are neither skipped nor shown twice.
      const page = await this.api.history(contactId, {
        before: oldest.at,
        beforeId: oldest.id,
        limit: HISTORY_PAGE,
      });
      const now = this.current(contactId, generation);
      if (!now) return;
      const known = new Set(now.messages.map((m) => m.id));
      const earlier = page.messages.filter((m) => !known.has(m.id)).sort(byTime);
      const all = [...earlier, ...now.messages];
      const drop = Math.max(0, all.length - KEPT_MESSAGES);
      this.cell.set({
        conversation: {
          ...now,
          messages: drop > 0 ? all.slice(0, all.length - drop) : all,
          hasMore: page.hasMore,
          hasNewer: now.hasNewer || drop > 0,
          loading: null,
        },
      });
    } catch (error) {
      this.failed(contactId, error);
    }
  }

  /** The page after the newest message held (after a jump back); drops the oldest beyond the limit. */
  async loadLater(): Promise<void> {
    const current = this.cell.get().conversation;
    const newest = current?.messages[current.messages.length - 1];
    if (!current || !newest || current.loading !== null || !current.hasNewer) return;
    const { contactId } = current;
    const generation = this.generation;
    this.cell.set({ conversation: { ...current, loading: 'later', error: null } });
    try {
      const page = await this.api.history(contactId, {
        after: newest.at,
        afterId: newest.id,
        limit: HISTORY_PAGE,
      });
      const now = this.current(contactId, generation);
      if (!now) return;
      const known = new Set(now.messages.map((m) => m.id));
      const later = page.messages.filter((m) => !known.has(m.id)).sort(byTime);
      const all = [...now.messages, ...later];
      const drop = Math.max(0, all.length - KEPT_MESSAGES);
      this.cell.set({
        conversation: {
          ...now,
          messages: drop > 0 ? all.slice(drop) : all,
          hasMore: now.hasMore || drop > 0,
          hasNewer: page.hasNewer ?? false,
          loading: null,
        },
      });
    } catch (error) {
      this.failed(contactId, error);
    }
  }

  /**
   * The change a pushed message makes: none unless it belongs to the open conversation. A new message
   * beyond the newest one held, while the log shows older history, waits for the owner to page down.
   */
  patchFor(message: Message): Partial<AppState> {
    const current = this.cell.get().conversation;
    if (current?.contactId !== message.contactId) return {};
    const held = current.messages.some((m) => m.id === message.id);
    const last = current.messages[current.messages.length - 1];
    if (!held && current.hasNewer && last !== undefined && message.at >= last.at) return {};
    return { conversation: { ...current, messages: withMessage(current.messages, message) } };
  }

  private current(contactId: string, generation: number): Conversation | null {
    const current = this.cell.get().conversation;
    return current?.contactId === contactId && generation === this.generation ? current : null;
  }

  private failed(contactId: string, error: unknown): void {
    const current = this.cell.get().conversation;
    if (current?.contactId !== contactId) return;
    this.cell.set({ conversation: { ...current, loading: null, error: errorMessage(error) } });
  }
}

function byTime(a: Message, b: Message): number {
  return a.at - b.at;
}

/** Replaces a message by id, or inserts it in time order (usually at the end). */
export function withMessage(messages: readonly Message[], message: Message): readonly Message[] {
  const index = messages.findIndex((m) => m.id === message.id);
  if (index >= 0) {
    const next = [...messages];
    next[index] = message;
    return next;
  }
  let at = messages.length;
  while (at > 0 && (messages[at - 1]?.at ?? 0) > message.at) at -= 1;
  return [...messages.slice(0, at), message, ...messages.slice(at)];
}
