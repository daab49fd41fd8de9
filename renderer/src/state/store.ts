import type { CareWindowApi } from '../../../main/contract/ipc';
import type {
  ContactDraft,
  ContactRow,
  Message,
  NotificationCentre,
  Settings,
  Template,
} from '../../../main/contract/model';
import { formatPrefsOf } from '../format/zone';
import type { FilterCounts } from '../list/filter';
import { initialState, withDefaults, type AppState, type Screen, type StateCell } from './app-state';
import { ContactActions } from './contact-actions';
import { ConversationPages, type OpenAt } from './conversation-pages';
import { Drafts } from './drafts';
import { Loading } from './loading';
import { Ticker } from './ticker';
import { Toasts } from './toasts';
import { WorkspaceActions } from './workspace-actions';

/**
 * The renderer's state: rows by contact id, settings, workspace, the open conversation and the drafts.
 * It starts from `contacts.list` & co, then follows the main process's events. Components read it with
 * `useAppState(selector)` and change it only through the methods here, which call the API. Loading,
 * paging, drafts, toasts, contact and workspace actions each live in their own module; this class holds
 * the state and composes them.
 */
export class AppStore {
  readonly ticker = new Ticker();
  private state: AppState = initialState();
  private readonly listeners = new Set<() => void>();
  private readonly cell: StateCell = { get: () => this.state, set: (patch) => this.set(patch) };
  private readonly toasts = new Toasts(this.cell);
  private readonly pages: ConversationPages;
  private readonly drafts: Drafts;
  private readonly loading: Loading;
  private readonly contactActions: ContactActions;
  private readonly workspaceActions: WorkspaceActions;

  constructor(readonly api: CareWindowApi) {
    this.pages = new ConversationPages(this.cell, api.conversation);
    this.drafts = new Drafts(this.cell, api.conversation, (message) => this.receiveMessage(message));
    this.loading = new Loading({
      cell: this.cell,
      api,
      ticker: this.ticker,
      reopenConversation: (contactId) => void this.pages.open(contactId),
      reportError: (error) => this.reportError(error),
    });
    const reportError = (error: unknown): void => this.reportError(error);
    this.contactActions = new ContactActions(api.contacts, (rows) => this.upsertRows(rows), reportError);
    this.workspaceActions = new WorkspaceActions(this.cell, api.workspace, () => this.load(), reportError);
  }

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

  /** The rows in list order and the counts, kept change by change; `complete`: all rows are here. */
  sorted(): { sorted: readonly ContactRow[]; counts: FilterCounts; complete: boolean } {
    return this.loading.view();
  }

  /** Subscribes to the main process's events and loads the first screen. Returns the stop function. */
  start(): () => void {
    const api = this.api;
    const offs = [
      api.on('contacts:changed', ({ rows }) => this.upsertRows(rows)),
      api.on('contacts:removed', ({ contactIds }) => this.loading.removeRows(contactIds)),
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
      this.loading.stop();
      for (const off of offs) off();
    };
  }

  /** Loads (or reloads) everything the first screen needs. */
  load(): Promise<void> {
    return this.loading.load();
  }

  upsertRows(rows: readonly ContactRow[]): void {
    this.loading.upsertRows(rows);
  }

  // ── Conversation ────────────────────────────────────────────────────────────────────────────────

  selectContact(contactId: string | null): void {
    if (contactId === this.state.selectedId) {
      if (this.state.screen !== 'conversation') this.set({ screen: 'conversation' });
      return;
    }
    this.set({ selectedId: contactId, conversation: null, screen: 'conversation' });
    if (contactId !== null) {
      void this.loading.ensureRow(contactId);
      void this.pages.open(contactId);
    }
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

  loadEarlier(): Promise<void> {
    return this.pages.loadEarlier();
  }

  /** The page after the newest one held, when the log shows older history (after a jump). */
  loadLater(): Promise<void> {
    return this.pages.loadLater();
  }

  /** Opens a conversation centred on a message (search hit, quote) or a moment (a date), highlighted. */
  openConversationAt(contactId: string, target: OpenAt): Promise<void> {
    if (contactId !== this.state.selectedId || this.state.screen !== 'conversation') {
      this.set({ selectedId: contactId, screen: 'conversation' });
    }
    void this.loading.ensureRow(contactId);
    return this.pages.openAt(contactId, target);
  }

  /** Back to the newest messages of the open conversation. */
  jumpToLatest(): Promise<void> {
    const contactId = this.state.conversation?.contactId;
    return contactId === undefined ? Promise.resolve() : this.pages.open(contactId);
  }

  /** A new message or a status change pushed by the main process (or returned by a call). */
  receiveMessage(message: Message): void {
    // One change for both, so the screens never see the log updated without the draft put back.
    const patch = { ...this.pages.patchFor(message), ...this.drafts.patchFor(message) };
    if (Object.keys(patch).length > 0) this.set(patch);
  }

  setDraft(contactId: string, text: string): void {
    this.drafts.set(contactId, text);
  }

  /**
   * Sends the contact's draft. Rejects with an AppError when the main process refuses (the draft is
   * kept); clears the draft when the message was accepted.
   */
  async sendDraft(contactId: string, replyToId: string | null = null): Promise<Message> {
    const message = await this.drafts.send(contactId, replyToId);
    await this.showSent(message);
    return message;
  }

  /**
   * Shows a message the owner just sent: pushed messages past the newest one held wait while older
   * history is on screen (conversation-pages.ts), but what the owner sent is where they look next.
   */
  async showSent(message: Message): Promise<void> {
    this.receiveMessage(message);
    const current = this.state.conversation;
    if (current?.contactId === message.contactId && current.hasNewer) await this.jumpToLatest();
  }

  // ── Contacts, settings, workspace ────────────────────────────────────────────────────────────────

  /** `openedAt` is the contact's updatedAt when the form opened: main refuses the edit if it changed since. */
  saveContact(contactId: string | null, draft: ContactDraft, openedAt?: number): Promise<ContactRow> {
    return this.contactActions.save(contactId, draft, openedAt);
  }

  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    const settings = withDefaults(await this.api.settings.update(patch));
    this.set({ settings });
    return settings;
  }

  /** The owner has the conversation in front of them: its unread count goes (durably, in main). */
  markRead(contactId: string): Promise<void> {
    return this.contactActions.markRead(contactId);
  }

  /** Labels on and off several contacts in one write; false (with a notice) when refused. */
  applyLabels(contactIds: readonly string[], add: string[], remove: string[]): Promise<boolean> {
    return this.contactActions.applyLabels(contactIds, add, remove);
  }

  /** Mutes or unmutes one contact's reminders; a refusal is shown as a notice. */
  setMuted(contactId: string, muted: boolean): Promise<void> {
    return this.contactActions.setMuted(contactId, muted);
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

  /** An unconfirmed message: marked as sent, or sent once more; a failed file: sent again as a new one. */
  async settleUnconfirmed(message: Message, how: 'mark-sent' | 'send-again'): Promise<void> {
    try {
      const { conversation } = this.api;
      const changed =
        how === 'mark-sent'
          ? await conversation.markSent(message.contactId, message.id)
          : await conversation.sendAgain(message.contactId, message.id);
      this.receiveMessage(changed);
    } catch (error) {
      this.reportError(error);
    }
  }

  /** The demo's customer writes `text` (or a demo line); a refusal is the caller's to show, in its dialog. */
  async simulateInbound(contactId: string, text?: string): Promise<void> {
    const message = await this.api.demo.simulateInbound(contactId, text);
    this.receiveMessage(message);
  }

  startRealWorkspace(): Promise<void> {
    return this.workspaceActions.startReal();
  }

  /** Back to the demo from the owner's workspace; the owner's data stays in its own folder, untouched. */
  openDemo(): Promise<void> {
    return this.workspaceActions.openDemo();
  }

  dismissProblems(): Promise<void> {
    return this.workspaceActions.dismissProblems();
  }

  // ── Notices ─────────────────────────────────────────────────────────────────────────────────────

  reportError(error: unknown): void {
    this.toasts.report(error);
  }

  dismissToast(id: number): void {
    this.toasts.dismiss(id);
  }
}
