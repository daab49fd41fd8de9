import type { RemovalSummary } from '../contract/exports';
import type { ReminderLog } from '../store/reminder-log';
import type { WorkspaceStore } from '../store/workspace-store';
import type { Publisher } from './ports';
import { requireContact } from './require-contact';

export interface ForgetContactDeps {
  store: WorkspaceStore;
  publisher: Publisher;
  reminderLog: ReminderLog;
  /** Drops the contact's queued sends before anything else, so nothing more goes out to them. */
  forgetSends: (contactId: string) => Promise<void>;
  /** Lets the services that keep per-contact state in memory (reminder plans) drop it. */
  /** Clears what other services keep about the contact; awaited, so nothing about it is left once remove resolves. */
  forgotten: (contactId: string) => Promise<void>;
}

/**
 * Deleting a contact with all its data, on a customer's request. Everything goes: the outbox's queued
 * sends, the reminder records and notifications that name them, then the store's part (history, summary,
 * template and billing records, the contact record last: see WorkspaceStore.forgetContact). Every step
 * can run again, so a delete interrupted by a crash is finished by deleting once more.
 *
 * `contacts:removed` tells whoever keeps a copy (the renderer's list; a search index, when there is one)
 * to forget the contact too.
 */
export class ForgetContactService {
  constructor(private readonly deps: ForgetContactDeps) {}

  /** What deleting would remove, counted, for the confirmation the owner reads first. */
  async summary(contactId: string): Promise<RemovalSummary> {
    const { store } = this.deps;
    const contact = requireContact(store, contactId);
    const messages = await store.allMessages(contactId);
    return {
      contactId,
      name: contact.name,
      phone: contact.phone,
      messages: messages.length,
      // Messages carry no media yet; chat-export imports will bring photos, counted here once they do.
      photos: 0,
      optInEvents: contact.optInHistory.length,
      templateSends: messages.filter((m) => m.direction === 'outbound' && m.kind === 'template').length,
    };
  }

  async remove(contactId: string): Promise<void> {
    const { store, reminderLog } = this.deps;
    requireContact(store, contactId);
    await this.deps.forgetSends(contactId);
    reminderLog.forgetContact(contactId);
    await reminderLog.save();
    // Twice, for the same reason as contacts.json: the file each write replaces is kept as reminders.json.bak.
    await reminderLog.save();
    await store.forgetContact(contactId);
    await this.deps.forgotten(contactId);
    this.deps.publisher.publish('contacts:removed', { contactIds: [contactId] });
  }
}
