import { z } from 'zod';
import { ContactsCsvPreview, ContactsCsvRequest, ImportDone, ImportUndone } from './contacts-csv';
import { ChatExportRequest, ChatImportDone, ChatImportPreview, ChatImportUndone } from './chat-import';
import { ConversationFormat, ExportFile, RemovalSummary } from './exports';
import { ContactPage, ContactPageQuery, FirstScreen, FirstScreenQuery } from './contact-pages';
import { ContactDraft, ContactRow, LabelChange, Id, Timestamp } from './model';
import { call } from './call';

/** The contact list and what goes in and out of it whole: CSV and chat-export imports, the exports. */
export const contactCalls = {
  contacts: {
    list: call(z.tuple([]), z.array(ContactRow)),
    /** The first screen: the counts and the first rows in list order, a payload that does not grow. */
    firstScreen: call(z.tuple([FirstScreenQuery]), FirstScreen),
    /** The rest of the list in chunks, in id order, streamed after the first paint. */
    page: call(z.tuple([ContactPageQuery]), ContactPage),
    get: call(z.tuple([Id]), ContactRow),
    create: call(z.tuple([ContactDraft]), ContactRow),
    /** The third argument is the contact's updatedAt when the form was opened: a stale edit is refused. */
    update: call(z.tuple([Id, ContactDraft, Timestamp.optional()]), ContactRow),
    /** Mute or unmute reminders for one contact. */
    setMuted: call(z.tuple([Id, z.boolean()]), ContactRow),
    /** The owner confirms a customer's START: templates may be sent again. */
    confirmOptIn: call(z.tuple([Id]), ContactRow),
    /** What deleting a contact would remove, for the confirmation. */
    removalSummary: call(z.tuple([Id]), RemovalSummary),
    /** Deletes a contact with all its data (a customer's right to be forgotten); `contacts:removed` follows. */
    remove: call(z.tuple([Id]), z.null()),
    /** The owner opened the conversation: its unread count goes to 0 (durably). */
    markRead: call(z.tuple([Id]), ContactRow),
    /** Puts labels on and takes them off several contacts in one write; returns the rows that changed. */
    applyLabels: call(z.tuple([LabelChange]), z.array(ContactRow)),
  },
  imports: {
    /** Reads a contacts CSV and says what importing it would do; writes nothing. */
    previewContactsCsv: call(z.tuple([ContactsCsvRequest]), ContactsCsvPreview),
    /** Applies a preview whole, in one write, or refuses with nothing written. */
    applyContactsCsv: call(z.tuple([Id]), ImportDone),
    /** Puts back what the last import changed, while nothing it touched has changed since. */
    undoContactsCsv: call(z.tuple([Id]), ImportUndone),
    /** Reads a WhatsApp chat export (.txt or .zip, at most 50 MB) and says what importing it would do. */
    previewChatExport: call(z.tuple([ChatExportRequest]), ChatImportPreview),
    /** Applies a chat-export preview whole (contact, media, messages), or refuses with nothing written. */
    applyChatExport: call(z.tuple([Id]), ChatImportDone),
    /** Removes exactly what one chat-export import added (this session's imports). */
    undoChatExport: call(z.tuple([Id]), ChatImportUndone),
  },
  exports: {
    /** Every contact as CSV (UTF-8 with BOM, so Excel opens it). */
    contactsCsv: call(z.tuple([]), ExportFile),
    conversation: call(z.tuple([Id, ConversationFormat]), ExportFile),
    allConversations: call(z.tuple([ConversationFormat]), ExportFile),
    /** Everything kept about one contact, as JSON (a customer's right of access). */
    contactData: call(z.tuple([Id]), ExportFile),
  },
} as const;
