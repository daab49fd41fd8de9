import type { CostTerms } from '../contract/costs';
import type {
  Activity,
  Contact,
  DataProblem,
  Message,
  MessageFailure,
  MessageMedia,
  MessagePricing,
  MessageStatus,
  ReactionMark,
  Settings,
  Template,
} from '../contract/model';
import type { SentMessage } from '../domain/pricing/billed-send';
import type { HistoryPageData, HistoryQuery } from './conversation';
import type { InFlightSend, TemplateUse } from './templates-file';

export type { HistoryPageData, HistoryQuery } from './conversation';

/** A change of an earlier message: its status, and what came with it; an absent field stays as it was. */
export interface MessageChange {
  status: MessageStatus;
  providerId?: string | null;
  error?: string | null;
  failure?: MessageFailure | null;
  pricing?: MessagePricing | null;
  /** The media's new download state (and file once done): replaces `media` whole. */
  media?: MessageMedia;
  /** The message's current reactions, replacing the earlier ones ([] removes them). */
  reactions?: ReactionMark[];
}

/** Messages added, removed or forgotten, told once they are on disk (the search index follows them). */
export type StoredMessagesChange =
  | { kind: 'added'; messages: readonly Message[] }
  | { kind: 'removed'; contactId: string; ids: readonly string[] }
  | { kind: 'forgotten'; contactId: string };

/**
 * One workspace's data (the demo or the owner's real one), as the services see it. The store is the only
 * code that touches files. Contacts, settings and activity summaries are held in memory after opening;
 * message history stays on disk and is read a page at a time.
 */
export interface WorkspaceStore {
  readonly dir: string;
  /** Files that could not be read when the workspace was opened: moved aside, never overwritten. */
  readonly problems: readonly DataProblem[];

  contacts(): readonly Contact[];
  contact(id: string): Contact | undefined;
  contactByPhone(e164: string): Contact | undefined;
  /** Inserts or replaces a contact; resolves once it is durably on disk. */
  saveContact(contact: Contact): Promise<void>;
  /** Saves and removes contacts in one write (an import and its undo): all of it, or nothing. */
  saveContacts(save: readonly Contact[], remove: readonly string[]): Promise<void>;
  /**
   * Deletes a contact and everything the store holds about it (the customer's right to be forgotten):
   * its history, its summary, its template and billing records, and the contact itself, last.
   */
  forgetContact(contactId: string): Promise<void>;

  settings(): Settings;
  saveSettings(settings: Settings): Promise<void>;

  /** The summary the first screen needs; NO_ACTIVITY for a contact without messages. */
  activity(contactId: string): Activity;
  /** Grows whenever any summary changes: what was worked out from them all holds while it stays the same. */
  activityRevision(): number;

  /**
   * Appends one message to the contact's history without rewriting the rest, durably (fsync) before
   * resolving, and returns the contact's updated activity.
   */
  appendMessage(message: Message): Promise<Activity>;
  /** Records a delivery status change (sent, delivered, read, failed) for an earlier message. */
  updateMessage(
    contactId: string,
    messageId: string,
    change: MessageChange,
  ): Promise<{ message: Message; activity: Activity }>;
  /**
   * Newest first when read from the end: returns up to `limit` messages older than `before` (with
   * `beforeId`, before the position (`before`, `beforeId`) in time-then-id order), oldest first.
   */
  history(contactId: string, query: HistoryQuery): Promise<HistoryPageData>;

  /** A contact's whole history, oldest first (exports: the screens read it a page at a time). */
  allMessages(contactId: string): Promise<Message[]>;

  /** One message as it is now (latest status), or undefined when the history has no such message. */
  findMessage(contactId: string, messageId: string): Promise<Message | undefined>;

  /** Which of `ids` the contact's history already holds (a chat export imported twice adds nothing twice). */
  knownMessageIds(contactId: string, ids: readonly string[]): Promise<Set<string>>;
  /**
   * Adds a chat export's messages in one durable append, all or none, skipping ids the history already
   * holds; never counted as sends (they were not sent through the platform). Returns what was added.
   */
  importMessages(
    contactId: string,
    messages: readonly Message[],
  ): Promise<{ added: Message[]; activity: Activity }>;
  /** Takes messages out of a contact's history (an import undone) and returns the contact's activity. */
  removeMessages(contactId: string, ids: ReadonlySet<string>): Promise<Activity>;

  /** The template library (templates.json). */
  templates(): readonly Template[];
  template(id: string): Template | undefined;
  /** Inserts or replaces a template; resolves once it is durably on disk. */
  saveTemplate(template: Template): Promise<void>;
  removeTemplate(id: string): Promise<void>;

  /** Template sends whose provider answer was not recorded yet (template-sends.json). */
  inFlightSends(): readonly InFlightSend[];
  /** Records a send as under way, durably, before the provider is called. */
  beginSend(send: InFlightSend): Promise<void>;
  /** Ends a send; with `use`, records it as the contact's last template. */
  finishSend(messageId: string, used: { contactId: string; use: TemplateUse } | null): Promise<void>;
  /** The template last sent to a contact, if any. */
  lastTemplateUse(contactId: string): TemplateUse | undefined;

  /** Outbound messages sent from `from` up to `to`, with their latest status and billing (sends/). */
  sendsBetween(from: number, to: number): Promise<SentMessage[]>;

  /** The owner's rate card and package allowance (rate-card.json). */
  costTerms(): CostTerms;
  /** Replaces them; resolves once they are durably on disk. */
  saveCostTerms(terms: CostTerms): Promise<void>;

  /**
   * Told the contacts whose summary changed when checked against their history in the background (after
   * an unclean close, a little after the first screen); returns the unsubscribe.
   */
  onActivityChanged?(listener: (contactIds: string[]) => void): () => void;
  /** Told every change to the stored messages, after it is durable; returns the unsubscribe. */
  onMessagesChanged?(listener: (change: StoredMessagesChange) => void): () => void;
  /** Writes anything batched (activity summaries) to disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}
