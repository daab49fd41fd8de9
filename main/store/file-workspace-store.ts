// Longer than 300 lines because it is the whole WorkspaceStore interface in one class: each method
// validates and hands over to the part that owns the file (contact-book, activity-summaries, message-history).
import type { Low } from 'lowdb';
import { CostTerms } from '../contract/costs';
import { AppError } from '../contract/errors';
import { Contact, Message, Settings, Template, type Activity, type DataProblem } from '../contract/model';
import { activityOf, withMessage } from '../domain/activity';
import type { SentMessage } from '../domain/pricing/billed-send';
import type { ActivitySummaries } from './activity-summaries';
import type { ContactBook } from './contact-book';
import type { MessageHistory } from './message-history';
import { StatusEvent } from './message-log';
import { Listeners } from './listeners';
import { KeyedQueues, SerialQueue } from './serial-queue';
import { InFlightSend, TemplateUse } from './templates-file';
import { addImported, knownIds, removeImported, type ImportParts } from './imported-history';
import { validated } from './validated';
import type { SettingsFile } from './workspace-files';
import type {
  HistoryPageData,
  HistoryQuery,
  MessageChange,
  StoredMessagesChange,
  WorkspaceStore,
} from './workspace-store';
import type { WorkspaceLibrary, WorkspaceParts } from './workspace-parts';

/**
 * The WorkspaceStore on a workspace folder's files, once open-workspace.ts has opened (and, where needed,
 * recovered) them: every write validated, one operation per contact at a time, nothing after close.
 */
export class FileWorkspaceStore implements WorkspaceStore {
  private closed = false;
  /** One queue per contact: its history file and its summary change together, one operation at a time. */
  private readonly perContact: KeyedQueues;
  private readonly settingsQueue = new SerialQueue();
  private currentSettings: Settings;
  private readonly book: ContactBook;
  private readonly settingsLow: Low<SettingsFile>;
  private readonly messages: MessageHistory;
  private readonly summaries: ActivitySummaries;
  private readonly messagesChanged = new Listeners<StoredMessagesChange>();

  constructor(
    readonly dir: string,
    readonly problems: DataProblem[],
    parts: WorkspaceParts,
    private readonly library: WorkspaceLibrary,
  ) {
    this.book = parts.book;
    this.settingsLow = parts.settingsLow;
    this.messages = parts.messages;
    this.summaries = parts.summaries;
    this.perContact = parts.perContact;
    this.currentSettings = parts.settingsLow.data.settings;
  }

  onActivityChanged(listener: (contactIds: string[]) => void): () => void {
    return this.summaries.onChanged(listener);
  }

  onMessagesChanged(listener: (change: StoredMessagesChange) => void): () => void {
    return this.messagesChanged.add(listener);
  }

  contacts(): readonly Contact[] {
    return this.book.all();
  }

  contact(id: string): Contact | undefined {
    return this.book.get(id);
  }

  contactByPhone(e164: string): Contact | undefined {
    return this.book.getByPhone(e164);
  }

  async saveContact(contact: Contact): Promise<void> {
    this.assertOpen();
    await this.book.save(validated(Contact, contact, 'this contact'));
  }

  async saveContacts(save: readonly Contact[], remove: readonly string[]): Promise<void> {
    this.assertOpen();
    const valid = save.map((c) => validated(Contact, c, `the contact ${c.name}`));
    await this.book.saveAndRemove(valid, remove);
  }

  /**
   * The order makes an interruption safe: everything else goes first and the contact record last, so a
   * crash midway leaves the contact in the list (the owner sees it and deletes it again), never a hidden
   * remnant. The history file goes before the record, so contact recovery (which rebuilds contacts from
   * histories without one) finds no orphan to bring the contact back from.
   */
  async forgetContact(contactId: string): Promise<void> {
    this.assertOpen();
    await this.perContact.run(contactId, async () => {
      await this.messages.remove(contactId);
      await this.summaries.forget(contactId);
      await this.library.ledger.forget(contactId);
      await this.library.sends.forget(contactId);
      await this.book.forget(contactId);
    });
    this.messagesChanged.tell({ kind: 'forgotten', contactId });
  }

  settings(): Settings {
    return { ...this.currentSettings };
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.assertOpen();
    const valid = validated(Settings, settings, 'the settings');
    return this.settingsQueue.run(async () => {
      const previous = this.settingsLow.data;
      this.settingsLow.data = { schemaVersion: previous.schemaVersion, settings: valid };
      try {
        await this.settingsLow.write();
      } catch (err) {
        this.settingsLow.data = previous;
        throw err;
      }
      this.currentSettings = valid;
    });
  }

  activity(contactId: string): Activity {
    return this.summaries.get(contactId);
  }

  activityRevision(): number {
    return this.summaries.revision;
  }

  async appendMessage(message: Message): Promise<Activity> {
    this.assertOpen();
    const valid = validated(Message, message, 'this message');
    const activity = await this.perContact.run(valid.contactId, async () => {
      await this.summaries.ensure(valid.contactId);
      const owner = this.book.get(valid.contactId);
      const size = await this.messages.append(valid, owner ? { phone: owner.phone, name: owner.name } : {});
      await this.library.sends.recordStored(valid, {
        phone: owner?.phone ?? null,
        lastInboundAt: this.summaries.get(valid.contactId).lastInboundAt,
        templates: this.library.shelf.all(),
      });
      const next = withMessage(this.summaries.get(valid.contactId), valid);
      this.summaries.set(valid.contactId, next, size, [valid.at]);
      return next;
    });
    this.messagesChanged.tell({ kind: 'added', messages: [valid] });
    return activity;
  }

  async updateMessage(
    contactId: string,
    messageId: string,
    change: MessageChange,
  ): Promise<{ message: Message; activity: Activity }> {
    this.assertOpen();
    const event = validated(StatusEvent, { t: 's', id: messageId, ...change }, 'this status change');
    return this.perContact.run(contactId, async () => {
      await this.summaries.ensure(contactId);
      // Read back from the end only until the message is found: a status is almost always for a recent one.
      const before = await this.messages.current(contactId, messageId);
      if (!before) {
        throw new AppError({
          code: 'not-found',
          message: 'That message is no longer in this conversation, so its status could not be updated.',
        });
      }
      const { message, size } = await this.messages.appendStatus(contactId, event, before);
      if (message.direction === 'outbound') await this.library.sends.recordStatus(before, message);
      // Only a failed outbound message counts differently in the summary (it never kept a window alive).
      const failedChanged = (before.status === 'failed') !== (message.status === 'failed');
      const current = this.summaries.get(contactId);
      const activity =
        message.direction === 'outbound' && failedChanged
          ? activityOf((await this.messages.conversation(contactId)).inLogOrder())
          : current;
      this.summaries.set(contactId, activity, size);
      return { message, activity };
    });
  }

  async history(contactId: string, query: HistoryQuery): Promise<HistoryPageData> {
    this.assertOpen();
    return this.perContact.run(contactId, async () => {
      await this.summaries.ensure(contactId);
      return this.messages.page(contactId, query);
    });
  }

  async allMessages(contactId: string): Promise<Message[]> {
    this.assertOpen();
    return this.perContact.run(contactId, async () => {
      const conversation = await this.messages.conversation(contactId);
      return conversation.page({ limit: conversation.length }).messages;
    });
  }

  async findMessage(contactId: string, messageId: string): Promise<Message | undefined> {
    this.assertOpen();
    return this.perContact.run(contactId, async () => {
      await this.summaries.ensure(contactId);
      return this.messages.current(contactId, messageId);
    });
  }

  knownMessageIds(contactId: string, ids: readonly string[]): Promise<Set<string>> {
    this.assertOpen();
    return this.perContact.run(contactId, () => knownIds(this.messages, contactId, ids));
  }

  async importMessages(
    contactId: string,
    messages: readonly Message[],
  ): Promise<{ added: Message[]; activity: Activity }> {
    this.assertOpen();
    const valid = messages.map((m) => validated(Message, m, 'an imported message'));
    const result = await this.perContact.run(contactId, () =>
      addImported(this.importParts(), contactId, valid),
    );
    this.messagesChanged.tell({ kind: 'added', messages: result.added });
    return result;
  }

  async removeMessages(contactId: string, ids: ReadonlySet<string>): Promise<Activity> {
    this.assertOpen();
    const activity = await this.perContact.run(contactId, () =>
      removeImported(this.importParts(), contactId, ids),
    );
    this.messagesChanged.tell({ kind: 'removed', contactId, ids: [...ids] });
    return activity;
  }

  private importParts(): ImportParts {
    return { messages: this.messages, summaries: this.summaries, book: this.book };
  }

  templates(): readonly Template[] {
    return this.library.shelf.all();
  }

  template(id: string): Template | undefined {
    return this.library.shelf.get(id);
  }

  async saveTemplate(template: Template): Promise<void> {
    this.assertOpen();
    await this.library.shelf.save(validated(Template, template, 'this template'));
  }

  async removeTemplate(id: string): Promise<void> {
    this.assertOpen();
    await this.library.shelf.remove(id);
  }

  inFlightSends(): readonly InFlightSend[] {
    return this.library.ledger.inFlight();
  }

  async beginSend(send: InFlightSend): Promise<void> {
    this.assertOpen();
    await this.library.ledger.begin(validated(InFlightSend, send, 'the record of this send'));
  }

  async finishSend(messageId: string, used: { contactId: string; use: TemplateUse } | null): Promise<void> {
    this.assertOpen();
    const use = used ? validated(TemplateUse, used.use, 'the record of this template') : null;
    await this.library.ledger.finish(messageId, used && use ? { contactId: used.contactId, use } : null);
  }

  lastTemplateUse(contactId: string): TemplateUse | undefined {
    return this.library.ledger.lastTemplate(contactId);
  }

  sendsBetween(from: number, to: number): Promise<SentMessage[]> {
    return this.library.sends.between(from, to);
  }

  costTerms(): CostTerms {
    return this.library.costs.get();
  }

  async saveCostTerms(terms: CostTerms): Promise<void> {
    this.assertOpen();
    await this.library.costs.save(validated(CostTerms, terms, 'your rate card'));
  }

  async flush(): Promise<void> {
    await this.perContact.idle();
    await this.summaries.flush();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([
      this.perContact.idle(),
      this.book.close(),
      this.settingsQueue.idle(),
      this.library.shelf.idle(),
      this.library.ledger.idle(),
      this.library.costs.idle(),
      this.library.sends.idle(),
    ]);
    await this.summaries.close();
  }

  private assertOpen(): void {
    if (this.closed) {
      throw new AppError({
        code: 'internal',
        message: 'This workspace was closed; open it again to continue.',
      });
    }
  }
}
