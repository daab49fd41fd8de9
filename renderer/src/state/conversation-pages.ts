import type { CareWindowApi } from '../../../main/contract/ipc';
import type { Message } from '../../../main/contract/model';
import type { AppState, StateCell } from './app-state';
import { errorMessage } from './errors';

export const HISTORY_PAGE = 200;

export interface Conversation {
  contactId: string;
  /** Oldest first. */
  messages: readonly Message[];
  hasMore: boolean;
  loading: 'initial' | 'earlier' | null;
  error: string | null;
}

/**
 * The open conversation, fetched a page at a time from the newest message back. Every answer is checked
 * against the conversation still open, so a late page never lands in another contact's log.
 */
export class ConversationPages {
  constructor(
    private readonly cell: StateCell,
    private readonly api: CareWindowApi['conversation'],
  ) {}

  /** Starts the conversation over with its newest page. */
  async open(contactId: string): Promise<void> {
    this.cell.set({
      conversation: { contactId, messages: [], hasMore: false, loading: 'initial', error: null },
    });
    try {
      const page = await this.api.history(contactId, { limit: HISTORY_PAGE });
      const current = this.cell.get().conversation;
      if (current?.contactId !== contactId) return;
      // Messages pushed while the page was loading are merged, not lost.
      let messages: readonly Message[] = [...page.messages].sort(byTime);
      for (const message of current.messages) messages = withMessage(messages, message);
      this.cell.set({ conversation: { ...current, messages, hasMore: page.hasMore, loading: null } });
    } catch (error) {
      this.failed(contactId, error);
    }
  }

  async loadEarlier(): Promise<void> {
    const current = this.cell.get().conversation;
    const oldest = current?.messages[0];
    if (!current || !oldest || current.loading !== null) return;
    const { contactId } = current;
    this.cell.set({ conversation: { ...current, loading: 'earlier', error: null } });
    try {
      // A cursor on (at, id), the order the history is kept in: messages sharing the oldest one's
      // millisecond are neither skipped nor shown twice.
      const page = await this.api.history(contactId, {
        before: oldest.at,
        beforeId: oldest.id,
        limit: HISTORY_PAGE,
      });
      const now = this.cell.get().conversation;
      if (now?.contactId !== contactId) return;
      const known = new Set(now.messages.map((m) => m.id));
      const earlier = page.messages.filter((m) => !known.has(m.id)).sort(byTime);
      this.cell.set({
        conversation: {
          ...now,
          messages: [...earlier, ...now.messages],
          hasMore: page.hasMore,
          loading: null,
        },
      });
    } catch (error) {
      this.failed(contactId, error);
    }
  }

  /** The change a pushed message makes: none unless it belongs to the open conversation. */
  patchFor(message: Message): Partial<AppState> {
    const current = this.cell.get().conversation;
    if (current?.contactId !== message.contactId) return {};
    return { conversation: { ...current, messages: withMessage(current.messages, message) } };
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
