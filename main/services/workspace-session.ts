import type { Contact, ContactRow, DataProblem, Message, WorkspaceKind } from '../contract/model';
import { rowOf } from '../domain/contact-row';
import { regionOfLocale } from '../domain/phone';
import { openWorkspaceStore } from '../store/open-workspace';
import { openOutbox } from '../store/outbox-file';
import { ProviderIds } from '../store/provider-ids';
import { openReminderLog } from '../store/reminder-log';
import { removeWorkspace, workspaceDir } from '../store/workspace-paths';
import type { WorkspaceStore } from '../store/workspace-store';
import type { OpenSessionDeps, SessionDeps } from './session-deps';
import { ConsentService } from './consent';
import { ContactsService } from './contacts';
import { CostsService } from './costs';
import { MonthCostsService } from './month-costs';
import { ConversationService } from './conversation';
import { DeliveryStatuses } from './delivery-status';
import { OutboxService } from './outbox';
import { seedDemoWorkspace } from './demo/seed-demo';
import { FollowUpService } from './follow-ups';
import { TemplatesService } from './templates';
import { TemplateSyncService } from './template-sync';
import { ReminderService } from './reminders';
import { SettingsService } from './settings';
import { WindowWatcher } from './window-watcher';
import { chatImportService, type ChatImportService } from './chat-import';
import { ownerDataServices, type OwnerData } from './owner-data';

export type { OpenSessionDeps, SessionDeps } from './session-deps';

/**
 * Everything that belongs to one open workspace: its store, its services, the watcher that notices
 * windows changing state, and the provider listeners. Switching workspaces closes one session and
 * opens another, so nothing of the demo can leak into the owner's real data.
 */
export class WorkspaceSession {
  readonly contacts: ContactsService;
  readonly conversation: ConversationService;
  readonly consent: ConsentService;
  readonly templates: TemplatesService;
  readonly followUps: FollowUpService;
  readonly reminders: ReminderService;
  readonly settings: SettingsService;
  readonly costs: CostsService;
  readonly monthCosts: MonthCostsService;
  readonly outbox: OutboxService;
  readonly statuses: DeliveryStatuses;
  readonly templateSync: TemplateSyncService;
  /** The contacts CSV import, the exports, and deleting a contact with all its data. */
  readonly data: OwnerData;
  readonly chatImport: ChatImportService;
  private readonly watcher: WindowWatcher;
  private readonly unsubscribe: (() => void)[] = [];
  private pendingRows = new Map<string, ContactRow>();
  private flushQueued = false;

  constructor(private readonly deps: SessionDeps) {
    const { store, clock, ids, log, provider } = deps;
    this.contacts = new ContactsService({
      store,
      clock,
      ids,
      defaultRegion: () => regionOfLocale(store.settings().locale ?? deps.systemLocale),
      changed: (row) => this.rowChanged(row),
      nextReminder: (contactId) => this.reminders.nextFor(contactId),
    });
    this.reminders = new ReminderService({
      store,
      log: deps.reminderLog,
      clock,
      scheduler: deps.scheduler,
      publisher: deps.publisher,
      notifier: deps.notifier,
      logger: log,
      systemLocale: deps.systemLocale,
      ...(deps.systemTimeZone ? { systemTimeZone: deps.systemTimeZone } : {}),
      rowsChanged: (contactIds) => this.refresh(contactIds),
    });
    this.reminders.start();
    this.consent = new ConsentService({
      store,
      clock,
      change: (contactId, change) => this.contacts.change(contactId, change),
    });
    const messageChanged = (message: Message, contact: Contact): void => {
      deps.publisher.publish('conversation:message', { message });
      const current = store.contact(contact.id) ?? contact;
      this.rowChanged(this.contacts.rowFor(current));
    };
    this.outbox = new OutboxService({
      store,
      outbox: deps.outbox,
      providerIds: deps.providerIds,
      provider,
      clock,
      scheduler: deps.scheduler,
      random: deps.random ?? Math.random,
      log,
      changed: messageChanged,
      settled: (message) => this.followUps.settled(message),
      ...(deps.sendingHoldChanged ? { holdChanged: deps.sendingHoldChanged } : {}),
    });
    this.statuses = new DeliveryStatuses({
      store,
      providerIds: deps.providerIds,
      outbox: deps.outbox,
      clock,
      changed: messageChanged,
      settled: (messageId) => this.outbox.confirmed(messageId),
    });
    this.conversation = new ConversationService({
      store,
      clock,
      ids,
      outbox: this.outbox,
      providerIds: deps.providerIds,
      log,
      contacts: this.contacts,
      messageChanged,
      inboundConsent: (contact, event, at) => this.consent.inbound(contact, event, at),
    });
    this.templates = new TemplatesService({
      store,
      clock,
      ids,
      publisher: deps.publisher,
      updateSettings: (patch) => this.settings.update(patch),
    });
    this.templateSync = new TemplateSyncService({
      store,
      clock,
      ids,
      source: () => deps.templateSource ?? null,
      changed: () => deps.publisher.publish('templates:changed', { templates: this.templates.list() }),
    });
    this.settings = new SettingsService({
      store,
      publisher: deps.publisher,
      changed: () => {
        this.reminders.settingsChanged();
        // The closing lead moves every "closing" boundary.
        this.clockChanged();
      },
    });
    this.costs = new CostsService({ store, clock, publisher: deps.publisher });
    this.monthCosts = new MonthCostsService({
      store,
      ...(deps.systemTimeZone ? { systemTimeZone: deps.systemTimeZone } : {}),
    });
    this.followUps = new FollowUpService({
      store,
      clock,
      ids,
      outbox: this.outbox,
      log,
      rowFor: (contact) => this.contacts.rowFor(contact),
      conversation: this.conversation,
    });
    this.data = ownerDataServices({
      ...deps,
      outbox: () => this.outbox,
      reminders: () => this.reminders,
      changed: (contact) => this.rowChanged(this.contacts.rowFor(contact)),
      forgotten: (contactId) => this.pendingRows.delete(contactId),
    });
    this.chatImport = chatImportService({
      ...deps,
      changed: (contact) => this.rowChanged(this.contacts.rowFor(contact)),
      forgetContact: (contactId) => this.data.forget.remove(contactId),
    });
    this.watcher = new WindowWatcher(
      deps.scheduler,
      () => clock.now(),
      (ids) => this.refresh(ids),
    );
    this.unsubscribe.push(
      provider.onInbound((inbound) =>
        this.conversation.receive(inbound).catch((error: unknown) => {
          log.error('Could not store an incoming message', { error: String(error) });
          throw error;
        }),
      ),
      provider.onStatus((update) =>
        this.statuses.apply(update).catch((error: unknown) => {
          // Rethrown: the webhook stays in the inbox journal and is applied again later.
          log.warn('Could not record a delivery status', { error: String(error) });
          throw error;
        }),
      ),
    );
    this.rewatchAll();
  }

  /**
   * Opens a workspace's files and the session on them. The demo is wiped and seeded afresh each time,
   * so it always shows every window state around the current time.
   */
  static async open(kind: WorkspaceKind, deps: OpenSessionDeps): Promise<WorkspaceSession> {
    const { dataRoot, clock, log, ids } = deps;
    const dir = workspaceDir(dataRoot, kind);
    if (kind === 'demo') await removeWorkspace(dataRoot, 'demo');
    const store = await openWorkspaceStore(dir, { now: () => clock.now(), log });
    if (kind === 'demo') await seedDemoWorkspace(store, clock.now(), ids);
    const reminderLog = await openReminderLog(dir, { now: () => clock.now(), log });
    const outbox = await openOutbox(dir, { now: () => clock.now(), log });
    const providerIds = await ProviderIds.open(dir, { now: () => clock.now() });
    const session = new WorkspaceSession({ ...deps, store, reminderLog, outbox, providerIds });
    // Template sends the last run left without the provider's answer: explained, never resent.
    await session.followUps.recover();
    // Sends waiting in the outbox: queued ones go out, ones under way at the stop become unconfirmed.
    await session.outbox.resume();
    return session;
  }

  get store(): WorkspaceStore {
    return this.deps.store;
  }

  /** Files of this workspace that could not be read as they were. */
  problems(): DataProblem[] {
    return [...this.deps.store.problems, ...this.reminders.problems, ...this.deps.outbox.problems];
  }

  /** The clock jumped (sleep, a time change, the preview host): every state may have moved. */
  clockChanged(): void {
    this.reminders.clockChanged();
    const rows = this.rewatchAll();
    this.deps.publisher.publish('contacts:changed', { rows });
  }

  async close(): Promise<void> {
    this.watcher.stop();
    for (const off of this.unsubscribe) off();
    await this.outbox.close();
    await this.deps.providerIds.idle();
    await this.reminders.close();
    await this.deps.store.close();
  }

  private rewatchAll(): ContactRow[] {
    const rows = this.contacts.list();
    this.watcher.trackAll(rows.map((row) => [row.contact.id, row.window.nextChangeAt]));
    return rows;
  }

  private refresh(contactIds: string[]): void {
    const { store, clock } = this.deps;
    const now = clock.now();
    for (const id of contactIds) {
      const contact = store.contact(id);
      if (contact) {
        const next = this.reminders.nextFor(id);
        this.rowChanged(rowOf(contact, store.activity(id), store.settings(), now, next));
      }
    }
  }

  /** Coalesces changes made in one turn of the event loop into one push. */
  private rowChanged(row: ContactRow): void {
    this.watcher.track(row.contact.id, row.window.nextChangeAt);
    this.reminders.contactChanged(row.contact.id);
    this.pendingRows.set(row.contact.id, row);
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      const rows = [...this.pendingRows.values()];
      this.pendingRows = new Map();
      this.deps.publisher.publish('contacts:changed', { rows });
    });
  }
}
