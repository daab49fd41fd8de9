import type { CareWindowApi } from '../../../main/contract/ipc';
import {
  DEFAULT_SETTINGS,
  type ContactDraft,
  type ContactRow,
  type Message,
  type NotificationCentre,
  type Settings,
  type Template,
  type WorkspaceInfo,
} from '../../../main/contract/model';
import { formatPrefsOf, type FormatPrefs } from '../format/zone';
import { countByFilter, type FilterCounts } from '../list/filter';
import { sortRows } from '../../../main/contract/contact-order';
import { errorMessage } from './errors';
import { Ticker } from './ticker';

export const HISTORY_PAGE = 200;

export interface Conversation {
  contactId: string;
  /** Oldest first. */
  messages: readonly Message[];
  hasMore: boolean;
  loading: 'initial' | 'earlier' | null;
  error: string | null;
}

export interface Toast {
  id: number;
  message: string;
}

/** What the right pane shows. */
export type Screen = 'conversation' | 'follow-ups' | 'templates';

export interface AppState {
  status: 'loading' | 'ready' | 'failed';
  loadError: string | null;
  rows: ReadonlyMap<string, ContactRow>;
  settings: Settings;
  /** The locale and zone the screens format with, derived from the settings. */
  prefs: FormatPrefs;
  workspace: WorkspaceInfo | null;
  selectedId: string | null;
  conversation: Conversation | null;
  /** What the owner typed per contact and has not sent yet. Kept in memory across contact switches. */
  drafts: Readonly<Record<string, string>>;
  /** Messages that failed after sending and whose text was put back into the message box. */
  restoredDrafts: ReadonlySet<string>;
  toasts: readonly Toast[];
  /** The owner's templates; null until loaded (or when the main process could not list them). */
  templates: readonly Template[] | null;
  /** Reminders and other notices; null until loaded (or when the main process could not give them). */
  notificationCentre: NotificationCentre | null;
  /** A notification about several contacts narrowed the list to exactly these; null shows everyone. */
  listOnly: readonly string[] | null;
  screen: Screen;
}

const initialState = (): AppState => ({
  status: 'loading',
  loadError: null,
  rows: new Map(),
  settings: DEFAULT_SETTINGS,
  prefs: formatPrefsOf(DEFAULT_SETTINGS),
  workspace: null,
  selectedId: null,
  conversation: null,
  drafts: {},
  restoredDrafts: new Set(),
  toasts: [],
  templates: null,
  notificationCentre: null,
  listOnly: null,
  screen: 'conversation',
});

/** Fills in settings a main process of an older version does not send yet. */
function withDefaults(settings: Settings): Settings {
  return { ...DEFAULT_SETTINGS, ...settings };
}

const MAX_TOASTS = 4;

/**
 * The renderer's state: rows by contact id, settings, workspace, the open conversation and the drafts.
 * It starts from `contacts.list` & co, then follows the main process's events. Components read it with
 * `useAppState(selector)` and change it only through the methods here, which call the API.
 */
export class AppStore {
  readonly ticker = new Ticker();
  private state: AppState = initialState();
  private readonly listeners = new Set<() => void>();
  /** Bumped by every (re)load and by stop(), so a late answer never overwrites newer data. */
  private generation = 0;
  /** Row changes that arrive while the list is loading, applied on top of it. */
  private pendingRows: Map<string, ContactRow> | null = null;
  /** Texts sent in this session by message id, to put back into the message box if delivery fails. */
  private readonly sentTexts = new Map<string, { contactId: string; text: string }>();
  private toastSeq = 0;
  private sortedCache: {
    rows: ReadonlyMap<string, ContactRow>;
    sorted: ContactRow[];
    counts: FilterCounts;
  } | null = null;

  constructor(readonly api: CareWindowApi) {}

  readonly getState = (): AppState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<AppState>): void {
    if (patch.settings && patch.settings !== this.state.settings) patch.prefs = formatPrefsOf(patch.settings);
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener();
  }

  /** The rows in list order, recomputed only when the rows change (never on a clock tick). */
  sorted(): { sorted: ContactRow[]; counts: FilterCounts } {
    const rows = this.state.rows;
    if (this.sortedCache?.rows !== rows) {
      this.sortedCache = { rows, sorted: sortRows(rows.values()), counts: countByFilter(rows.values()) };
    }
    return this.sortedCache;
  }

  /** Subscribes to the main process's events and loads the first screen. Returns the stop function. */
  start(): () => void {
    const api = this.api;
    const offs = [
      api.on('contacts:changed', ({ rows }) => this.upsertRows(rows)),
      api.on('conversation:message', ({ message }) => this.receiveMessage(message)),
      api.on('workspace:changed', (workspace) => {
        this.set({ workspace, listOnly: null });
        void this.load();
      }),
      api.on('settings:changed', (settings) => this.set({ settings: withDefaults(settings) })),
      api.on('clock:changed', ({ now }) => this.ticker.syncTo(now)),
      api.on('templates:changed', ({ templates }) => this.setTemplates(templates)),
      api.on('notifications:changed', (centre) => this.setNotificationCentre(centre)),
      api.on('app:navigate', ({ contactIds }) => this.navigate(contactIds)),
    ];
    void this.load();
    return () => {
      this.generation += 1;
      for (const off of offs) off();
    };
  }

  /** Loads (or reloads) everything the first screen needs. */
  async load(): Promise<void> {
    const generation = ++this.generation;
    this.pendingRows = new Map();
    try {
      const [rows, settings, workspace, mainNow] = await Promise.all([
        this.api.contacts.list(),
        this.api.settings.get(),
        this.api.workspace.info(),
        this.api.clock.now(),
      ]);
      if (generation !== this.generation) return;
      this.ticker.syncTo(mainNow);
      const byId = new Map(rows.map((row) => [row.contact.id, row]));
      for (const [id, row] of this.pendingRows) byId.set(id, row);
      this.pendingRows = null;
      const selectedId =
        this.state.selectedId !== null && byId.has(this.state.selectedId) ? this.state.selectedId : null;
      const reopen = selectedId !== null && this.state.status === 'ready';
      this.set({
        status: 'ready',
        loadError: null,
        rows: byId,
        settings: withDefaults(settings),
        workspace,
        selectedId,
        conversation: selectedId === null ? null : this.state.conversation,
      });
      if (reopen) void this.loadConversation(selectedId);
      void this.loadExtras(generation);
    } catch (error) {
      if (generation !== this.generation) return;
      this.pendingRows = null;
      if (this.state.status === 'ready') this.reportError(error);
      else this.set({ status: 'failed', loadError: errorMessage(error) });
    }
  }

  /**
   * Templates and notifications. Loaded apart from the first screen and allowed to fail: the list works
   * without them, and their events fill them in later.
   */
  private async loadExtras(generation: number): Promise<void> {
    const [templates, centre] = await Promise.allSettled([
      this.api.templates.list(),
      this.api.notifications.centre(),
    ]);
    if (generation !== this.generation) return;
    if (templates.status === 'fulfilled') this.setTemplates(templates.value);
    if (centre.status === 'fulfilled') this.setNotificationCentre(centre.value);
  }

  upsertRows(rows: readonly ContactRow[]): void {
    if (rows.length === 0) return;
    if (this.pendingRows !== null) for (const row of rows) this.pendingRows.set(row.contact.id, row);
    const next = new Map(this.state.rows);
    for (const row of rows) next.set(row.contact.id, row);
    this.set({ rows: next });
  }

  // ── Conversation ────────────────────────────────────────────────────────────────────────────────

  selectContact(contactId: string | null): void {
    if (contactId === this.state.selectedId) {
      if (this.state.screen !== 'conversation') this.set({ screen: 'conversation' });
      return;
    }
    this.set({ selectedId: contactId, conversation: null, screen: 'conversation' });
    if (contactId !== null) void this.loadConversation(contactId);
  }

  showScreen(screen: Screen): void {
    if (screen !== this.state.screen) this.set({ screen });
  }

  /**
   * Where a notification leads: one contact opens that conversation; several narrow the list to exactly
   * them (until the owner chooses "Show all").
   */
  navigate(contactIds: readonly string[]): void {
    const [first] = contactIds;
    if (first === undefined) return;
    if (contactIds.length === 1) {
      this.set({ listOnly: null });
      this.selectContact(first);
    } else {
      this.set({ listOnly: [...new Set(contactIds)] });
    }
  }

  showAllContacts(): void {
    if (this.state.listOnly !== null) this.set({ listOnly: null });
  }

  private async loadConversation(contactId: string): Promise<void> {
    this.set({
      conversation: { contactId, messages: [], hasMore: false, loading: 'initial', error: null },
    });
    try {
      const page = await this.api.conversation.history(contactId, { limit: HISTORY_PAGE });
      const current = this.state.conversation;
      if (current?.contactId !== contactId) return;
      // Messages pushed while the page was loading are merged, not lost.
      let messages: readonly Message[] = [...page.messages].sort(byTime);
      for (const message of current.messages) messages = withMessage(messages, message);
      this.set({ conversation: { ...current, messages, hasMore: page.hasMore, loading: null } });
    } catch (error) {
      const current = this.state.conversation;
      if (current?.contactId !== contactId) return;
      this.set({ conversation: { ...current, loading: null, error: errorMessage(error) } });
    }
  }

  async loadEarlier(): Promise<void> {
    const current = this.state.conversation;
    const oldest = current?.messages[0];
    if (!current || !oldest || current.loading !== null) return;
    const { contactId } = current;
    this.set({ conversation: { ...current, loading: 'earlier', error: null } });
    try {
      // A cursor on (at, id), the order the history is kept in: messages sharing the oldest one's
      // millisecond are neither skipped nor shown twice.
      const page = await this.api.conversation.history(contactId, {
        before: oldest.at,
        beforeId: oldest.id,
        limit: HISTORY_PAGE,
      });
      const now = this.state.conversation;
      if (now?.contactId !== contactId) return;
      const known = new Set(now.messages.map((m) => m.id));
      const earlier = page.messages.filter((m) => !known.has(m.id)).sort(byTime);
      this.set({
        conversation: {
          ...now,
          messages: [...earlier, ...now.messages],
          hasMore: page.hasMore,
          loading: null,
        },
      });
    } catch (error) {
      const now = this.state.conversation;
      if (now?.contactId !== contactId) return;
      this.set({ conversation: { ...now, loading: null, error: errorMessage(error) } });
    }
  }

  /** A new message or a status change pushed by the main process (or returned by a call). */
  receiveMessage(message: Message): void {
    const patch: Partial<AppState> = {};
    const current = this.state.conversation;
    if (current?.contactId === message.contactId) {
      patch.conversation = { ...current, messages: withMessage(current.messages, message) };
    }
    const sent = this.sentTexts.get(message.id);
    if (sent && message.status === 'failed') {
      this.sentTexts.delete(message.id);
      // Nothing the owner typed is lost: a send that failed later puts the text back, unless they
      // have started typing something else.
      if ((this.state.drafts[sent.contactId] ?? '').trim() === '') {
        patch.drafts = { ...this.state.drafts, [sent.contactId]: sent.text };
        patch.restoredDrafts = new Set([...this.state.restoredDrafts, message.id]);
      }
    } else if (sent && (message.status === 'delivered' || message.status === 'read')) {
      this.sentTexts.delete(message.id);
    }
    if (Object.keys(patch).length > 0) this.set(patch);
  }

  setDraft(contactId: string, text: string): void {
    if ((this.state.drafts[contactId] ?? '') === text) return;
    this.set({ drafts: { ...this.state.drafts, [contactId]: text } });
  }

  /**
   * Sends the contact's draft. Rejects with an AppError when the main process refuses (the draft is
   * kept); clears the draft when the message was accepted.
   */
  async sendDraft(contactId: string): Promise<Message> {
    const text = this.state.drafts[contactId] ?? '';
    const message = await this.api.conversation.sendText(contactId, text);
    this.receiveMessage(message);
    if (message.status === 'failed') return message;
    this.sentTexts.set(message.id, { contactId, text });
    if (this.state.drafts[contactId] === text) {
      const drafts = Object.fromEntries(Object.entries(this.state.drafts).filter(([id]) => id !== contactId));
      this.set({ drafts });
    }
    return message;
  }

  // ── Contacts, settings, workspace ────────────────────────────────────────────────────────────────

  /** `openedAt` is the contact's updatedAt when the form opened: main refuses the edit if it changed since. */
  async saveContact(contactId: string | null, draft: ContactDraft, openedAt?: number): Promise<ContactRow> {
    const row =
      contactId === null
        ? await this.api.contacts.create(draft)
        : await this.api.contacts.update(contactId, draft, openedAt);
    this.upsertRows([row]);
    return row;
  }

  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    const settings = withDefaults(await this.api.settings.update(patch));
    this.set({ settings });
    return settings;
  }

  /** Mutes or unmutes one contact's reminders; a refusal is shown as a notice. */
  async setMuted(contactId: string, muted: boolean): Promise<void> {
    try {
      this.upsertRows([await this.api.contacts.setMuted(contactId, muted)]);
    } catch (error) {
      this.reportError(error);
    }
  }

  // ── Templates and notifications ──────────────────────────────────────────────────────────────────

  setTemplates(templates: readonly Template[]): void {
    this.set({ templates });
  }

  /** Puts one saved template in place (the `templates:changed` event may come before or after). */
  putTemplate(template: Template): void {
    const current = this.state.templates ?? [];
    const index = current.findIndex((t) => t.id === template.id);
    const next =
      index < 0 ? [...current, template] : current.map((t) => (t.id === template.id ? template : t));
    this.set({ templates: next });
  }

  dropTemplate(templateId: string): void {
    this.set({ templates: (this.state.templates ?? []).filter((t) => t.id !== templateId) });
  }

  setNotificationCentre(centre: NotificationCentre): void {
    this.set({ notificationCentre: centre });
  }

  async markNotificationsRead(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    try {
      this.setNotificationCentre(await this.api.notifications.markRead([...ids]));
    } catch (error) {
      this.reportError(error);
    }
  }

  async simulateInbound(contactId: string): Promise<void> {
    try {
      const message = await this.api.demo.simulateInbound(contactId);
      this.receiveMessage(message);
    } catch (error) {
      this.reportError(error);
    }
  }

  async startRealWorkspace(): Promise<void> {
    try {
      const workspace = await this.api.workspace.startReal();
      this.set({ workspace, selectedId: null, conversation: null, listOnly: null, screen: 'conversation' });
      await this.load();
    } catch (error) {
      this.reportError(error);
    }
  }

  async dismissProblems(): Promise<void> {
    try {
      const workspace = await this.api.workspace.dismissProblems();
      this.set({ workspace });
    } catch (error) {
      this.reportError(error);
    }
  }

  // ── Notices ─────────────────────────────────────────────────────────────────────────────────────

  reportError(error: unknown): void {
    const toast = { id: ++this.toastSeq, message: errorMessage(error) };
    this.set({ toasts: [...this.state.toasts, toast].slice(-MAX_TOASTS) });
  }

  dismissToast(id: number): void {
    this.set({ toasts: this.state.toasts.filter((toast) => toast.id !== id) });
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
