import type { Contact, ContactRow, DataProblem, Message, WorkspaceKind } from '../contract/model';
import { numberCountry } from '../domain/phone';
import type { WorkspaceStore } from '../store/workspace-store';
import type { OpenSessionDeps, SessionDeps } from './session-deps';
import { ConsentService } from './consent';
import { richSendServices, type RichSendServices } from './rich-send-services';
import { ContactsService } from './contacts';
import { CostsService } from './costs';
import { MonthCostsService } from './month-costs';
import { ConversationService } from './conversation';
import type { DeliveryStatuses } from './delivery-status';
import type { OutboxService } from './outbox';
import { sendingServicesFor } from './sending-services';
import { FollowUpService } from './follow-ups';
import { listenToTemplateStatus, type TemplateSubmissionService } from './template-submission';
import type { TemplatesService } from './templates';
import type { TemplateSyncService } from './template-sync';
import { templateServicesFor } from './template-services';
import { openSessionFiles } from './session-files';
import { listenToProvider } from './provider-listeners';
import { RowPush } from './row-push';
import { ReminderService } from './reminders';
import { SettingsService } from './settings';
import { WindowWatcher } from './window-watcher';
import { InboxService } from './inbox';
import { LabelsService } from './labels';
import { memoryUnreadCounts } from '../store/unread-file';
import { chatImportService, type ChatImportService } from './chat-import';
import { mediaServices, type MediaServices } from './media-services';
import { MessageSearch } from './message-search';
import { ownerDataServices, type OwnerData } from './owner-data';
import { answerFasterFor, type AnswerFaster } from './answer-faster';

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
  /** New templates submitted for approval, and their status from the platform. */
  readonly templateSubmission: TemplateSubmissionService;
  /** The contacts CSV import, the exports, and deleting a contact with all its data. */
  readonly data: OwnerData;
  readonly chatImport: ChatImportService;
  /** Inbound media downloads; Open, Save as and Open in maps. */
  readonly media: MediaServices;
  /** Unread counts and new-message notifications ("who is waiting for me"). */
  readonly inbox: InboxService;
  readonly labels: LabelsService;
  /** Quick replies, the greeting and away messages, scheduled follow-ups. */
  readonly answerFaster: AnswerFaster;
  readonly search: MessageSearch;
  /** Files added in the composer; media and reactions sent. */
  readonly sends: RichSendServices;
  private readonly watcher: WindowWatcher;
  private readonly unsubscribe: (() => void)[] = [];
  private readonly rowPush: RowPush;

  constructor(private readonly deps: SessionDeps) {
    const { store, clock, ids, log, provider } = deps;
    this.rowPush = new RowPush(deps.publisher);
    this.search = deps.search ?? new MessageSearch({ store, clock, scheduler: deps.scheduler, log });
    this.contacts = new ContactsService({
      store,
      clock,
      ids,
      defaultRegion: () => numberCountry(store.settings(), deps.systemLocale),
      changed: (row) => this.rowChanged(row),
      nextReminder: (contactId) => this.reminders.nextFor(contactId),
      unread: (contactId) => this.inbox.unreadOf(contactId),
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
    // The window rows the first screen is ordered by bring each contact with its summary: no lookups.
    this.reminders.start(this.contacts.windows());
    this.inbox = new InboxService({
      unread: deps.unread ?? memoryUnreadCounts(),
      settings: () => store.settings(),
      notifier: deps.notifier,
      publisher: deps.publisher,
      log,
      changed: (contactId) => this.refresh([contactId]),
      totalChanged: (total) => this.reminders.notifications.setUnreadMessages(total),
    });
    this.reminders.notifications.setUnreadMessages(this.inbox.total());
    this.labels = new LabelsService({ contacts: this.contacts, settings: () => store.settings() });
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
    this.media = mediaServices(deps, messageChanged);
    ({ outbox: this.outbox, statuses: this.statuses } = sendingServicesFor(deps, messageChanged, (message) =>
      this.followUps.settled(message),
    ));
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
      media: this.media.downloads,
      arrived: (message, contact) => this.inbox.received(message, contact),
    });
    this.sends = richSendServices(deps, this.contacts, this.outbox, messageChanged);
    ({
      templates: this.templates,
      templateSync: this.templateSync,
      templateSubmission: this.templateSubmission,
    } = templateServicesFor(deps, {
      reminders: this.reminders,
      updateSettings: (patch) => this.settings.update(patch),
      rowsChanged: () => this.rowsChanged(),
    }));
    this.settings = new SettingsService({
      store,
      publisher: deps.publisher,
      changed: (settings) => {
        deps.settingsSaved?.(settings);
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
    this.answerFaster = answerFasterFor(deps, this);
    this.data = ownerDataServices({
      ...deps,
      outbox: () => this.outbox,
      reminders: () => this.reminders,
      changed: (contact) => this.rowChanged(this.contacts.rowFor(contact)),
      forgotten: async (contactId) => {
        this.rowPush.forget(contactId);
        this.contacts.forget(contactId);
        await this.inbox.forget(contactId).catch((error: unknown) => {
          log.warn('Could not clear the unread count of a deleted contact', { error: String(error) });
        });
      },
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
    this.unsubscribe.push(...listenToProvider(provider, log, this));
    this.unsubscribe.push(listenToTemplateStatus(deps, this.templateSubmission));
    this.unsubscribe.push(deps.store.onActivityChanged?.((ids) => this.refresh(ids)) ?? (() => undefined));
    this.watchAll();
  }

  /** Opens a workspace's files (session-files.ts) and the session on them, then picks up where it stopped. */
  static async open(kind: WorkspaceKind, deps: OpenSessionDeps): Promise<WorkspaceSession> {
    const session = new WorkspaceSession({ ...deps, ...(await openSessionFiles(kind, deps)) });
    // Template sends the last run left without the provider's answer: explained, never resent.
    await session.followUps.recover();
    // Sends waiting in the outbox: queued ones go out, ones under way at the stop become unconfirmed.
    await session.outbox.resume();
    // Follow-ups scheduled for a moment that passed while the app was closed go now, once.
    session.answerFaster.scheduled.start();
    // Media the last run left to download (queued, under way, waiting for a retry) comes on in the background.
    session.media.downloads.resume();
    return session;
  }

  get store(): WorkspaceStore {
    return this.deps.store;
  }

  /** Files of this workspace that could not be read as they were. */
  problems(): DataProblem[] {
    const { store, outbox, answerFasterFiles } = this.deps;
    return [
      ...store.problems,
      ...this.reminders.problems,
      ...outbox.problems,
      ...answerFasterFiles.problems,
      ...(this.deps.unread?.problems ?? []),
      ...(this.deps.pendingDownloads?.problems ?? []),
    ];
  }

  /** The clock jumped (sleep, a time change, the preview host): every state may have moved. */
  clockChanged(): void {
    this.reminders.clockChanged();
    this.answerFaster.scheduled.clockChanged();
    const rows = this.rewatchAll();
    this.deps.publisher.publish('contacts:changed', { rows });
  }

  async close(): Promise<void> {
    this.watcher.stop();
    for (const off of this.unsubscribe) off();
    await this.answerFaster.close();
    await this.templateSubmission.close();
    await this.outbox.close();
    await this.media.downloads.close();
    await this.deps.providerIds.idle();
    await this.deps.unread?.idle();
    await this.reminders.close();
    await this.search.close();
    await this.deps.store.close();
  }

  /** Templates changed: "follow-up ready" is decided by the template one click would send. */
  private rowsChanged(): void {
    this.deps.publisher.publish('contacts:changed', { rows: this.rewatchAll() });
  }

  private rewatchAll(): ContactRow[] {
    this.watchAll();
    return this.contacts.list();
  }

  /** When each window next changes needs only the windows, which the first screen then reuses. */
  private watchAll(): void {
    const changes: [string, number][] = [];
    for (const { contact, window } of this.contacts.windows()) {
      // Most windows closed long ago and never change on their own again.
      if (window.nextChangeAt !== null) changes.push([contact.id, window.nextChangeAt]);
    }
    this.watcher.trackAll(changes);
  }

  private refresh(contactIds: string[]): void {
    for (const id of contactIds) {
      const contact = this.deps.store.contact(id);
      if (contact) this.rowChanged(this.contacts.rowFor(contact));
    }
  }

  /** Coalesces changes made in one turn of the event loop into one push. */
  private rowChanged(row: ContactRow): void {
    this.watcher.track(row.contact.id, row.window.nextChangeAt);
    this.reminders.contactChanged(row.contact.id);
    this.rowPush.push(row);
  }
}
