import { AppError } from '../contract/errors';
import type { ContactRow, Settings } from '../contract/model';
import { rowOf } from '../domain/contact-row';
import { regionOfLocale } from '../domain/phone';
import { validateSettings } from '../domain/settings';
import type { ReminderLog } from '../store/reminder-log';
import type { WorkspaceStore } from '../store/workspace-store';
import { ConsentService } from './consent';
import { ContactsService } from './contacts';
import { ConversationService } from './conversation';
import { FollowUpService } from './follow-ups';
import { TemplatesService } from './templates';
import type { IdFactory } from './ids';
import type { Notifier } from './notifier';
import type { Clock, Logger, MessagingProvider, Publisher, Scheduler } from './ports';
import { ReminderService } from './reminders';
import { WindowWatcher } from './window-watcher';

export interface SessionDeps {
  store: WorkspaceStore;
  clock: Clock;
  scheduler: Scheduler;
  publisher: Publisher;
  provider: MessagingProvider;
  log: Logger;
  ids: IdFactory;
  systemLocale: string;
  /** This workspace's reminders.json, opened with the store. */
  reminderLog: ReminderLog;
  notifier: Notifier;
  /** The computer's time zone; defaults to what Intl reports (tests pin it). */
  systemTimeZone?: string;
}

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
    this.conversation = new ConversationService({
      store,
      clock,
      ids,
      provider,
      log,
      contacts: this.contacts,
      messageChanged: (message, contact) => {
        deps.publisher.publish('conversation:message', { message });
        const current = store.contact(contact.id) ?? contact;
        this.rowChanged(this.contacts.rowFor(current));
      },
      inboundConsent: (contact, text, at) => this.consent.inbound(contact, text, at),
    });
    this.templates = new TemplatesService({
      store,
      clock,
      ids,
      publisher: deps.publisher,
      updateSettings: (patch) => this.updateSettings(patch),
    });
    this.followUps = new FollowUpService({
      store,
      clock,
      ids,
      provider,
      log,
      rowFor: (contact) => this.contacts.rowFor(contact),
      conversation: this.conversation,
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
        this.conversation.applyStatus(update).catch((error: unknown) => {
          log.warn('Could not record a delivery status', { error: String(error) });
        }),
      ),
    );
    this.rewatchAll();
  }

  get store(): WorkspaceStore {
    return this.deps.store;
  }

  settings(): Settings {
    return this.deps.store.settings();
  }

  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    const merged: Settings = { ...this.deps.store.settings(), ...patch };
    const result = validateSettings(merged);
    if (!result.ok) {
      throw new AppError({
        code: 'invalid-input',
        message: Object.values(result.errors).join(' '),
        fields: result.errors,
      });
    }
    await this.deps.store.saveSettings(result.settings);
    this.deps.publisher.publish('settings:changed', result.settings);
    this.reminders.settingsChanged();
    // The closing lead moves every "closing" boundary.
    this.clockChanged();
    return result.settings;
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
