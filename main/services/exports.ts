import { AppError } from '../contract/errors';
import type { ConversationFormat, ExportFile } from '../contract/exports';
import type { AppNotification, Reminder } from '../contract/model';
import { contactsCsv } from '../domain/contacts-csv/write-csv';
import { contactDataJson, conversationsJson } from '../domain/export/contact-data';
import { conversationsHtml, type ConversationExport } from '../domain/export/conversation-html';
import type { WorkspaceStore } from '../store/workspace-store';
import type { Clock } from './ports';
import { requireContact } from './require-contact';

export interface ExportsDeps {
  store: WorkspaceStore;
  clock: Clock;
  /** The locale and time zone the owner reads times in (settings, else the computer's). */
  locale: () => string;
  timeZone: () => string;
  /** The reminder service's plans and notification centre, for "everything about this contact". */
  remindersOf: (contactId: string) => { upcoming: Reminder[]; notifications: AppNotification[] };
}

/**
 * Takes the owner's data out: the contact list as CSV, conversations as HTML or JSON, everything about one
 * contact as JSON. Reads through the store; the documents are built by pure functions in domain/.
 * The text goes to the renderer, which offers it as a download.
 */
export class ExportService {
  constructor(private readonly deps: ExportsDeps) {}

  contactsCsv(): ExportFile {
    return {
      fileName: `contacts-${this.day()}.csv`,
      mimeType: 'text/csv',
      text: contactsCsv(this.deps.store.contacts()),
    };
  }

  async conversation(contactId: string, format: ConversationFormat): Promise<ExportFile> {
    const contact = requireContact(this.deps.store, contactId);
    const conversation = { contact, messages: await this.deps.store.allMessages(contactId) };
    return this.file(
      [conversation],
      format,
      `conversation-${slug(contact.name)}`,
      `Conversation with ${contact.name}`,
    );
  }

  async allConversations(format: ConversationFormat): Promise<ExportFile> {
    const conversations: ConversationExport[] = [];
    const byName = [...this.deps.store.contacts()].sort((a, b) => a.name.localeCompare(b.name));
    for (const contact of byName) {
      // One history at a time: a workspace's whole history is never held twice in memory.
      conversations.push({ contact, messages: await this.deps.store.allMessages(contact.id) });
    }
    return this.file(conversations, format, 'all-conversations', 'All conversations');
  }

  /** Everything CareWindow keeps about one customer, for their right of access. */
  async contactData(contactId: string): Promise<ExportFile> {
    const { store, clock } = this.deps;
    const contact = requireContact(store, contactId);
    const reminders = this.deps.remindersOf(contactId);
    return {
      fileName: `contact-data-${slug(contact.name)}-${this.day()}.json`,
      mimeType: 'application/json',
      text: contactDataJson({
        contact,
        messages: await store.allMessages(contactId),
        lastTemplate: store.lastTemplateUse(contactId) ?? null,
        upcomingReminders: reminders.upcoming,
        notifications: reminders.notifications,
        exportedAt: clock.now(),
      }),
    };
  }

  private file(
    conversations: readonly ConversationExport[],
    format: ConversationFormat,
    stem: string,
    title: string,
  ): ExportFile {
    const exportedAt = this.deps.clock.now();
    if (conversations.length === 0) {
      throw new AppError({ code: 'not-found', message: 'There are no conversations to export yet.' });
    }
    return format === 'html'
      ? {
          fileName: `${stem}-${this.day()}.html`,
          mimeType: 'text/html',
          text: conversationsHtml(conversations, {
            title,
            exportedAt,
            locale: this.deps.locale(),
            timeZone: this.deps.timeZone(),
          }),
        }
      : {
          fileName: `${stem}-${this.day()}.json`,
          mimeType: 'application/json',
          text: conversationsJson(conversations, exportedAt),
        };
  }

  private day(): string {
    return new Date(this.deps.clock.now()).toISOString().slice(0, 10);
  }
}

/** "Maria Jansen" → "maria-jansen": a file name any system accepts. */
function slug(name: string): string {
  const cleaned = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return cleaned === '' ? 'contact' : cleaned;
}
