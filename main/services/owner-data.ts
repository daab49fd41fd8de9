import type { Contact } from '../contract/model';
import { numberCountry } from '../domain/phone';
import type { ProviderIds } from '../store/provider-ids';
import type { ReminderLog } from '../store/reminder-log';
import type { WorkspaceStore } from '../store/workspace-store';
import { ContactsCsvImport } from './contacts-csv-import';
import { ExportService } from './exports';
import { ForgetContactService } from './forget-contact';
import type { IdFactory } from './ids';
import type { OutboxService } from './outbox';
import type { Clock, Publisher } from './ports';
import type { ReminderService } from './reminders';

export interface OwnerDataDeps {
  store: WorkspaceStore;
  clock: Clock;
  ids: IdFactory;
  publisher: Publisher;
  reminderLog: ReminderLog;
  providerIds: ProviderIds;
  systemLocale: string;
  systemTimeZone?: string;
  outbox: () => OutboxService;
  reminders: () => ReminderService;
  /** A contact was added or changed: push its row and watch its window. */
  changed: (contact: Contact) => void;
  /** A contact was deleted: drop whatever the session still holds for it. */
  forgotten: (contactId: string) => Promise<void>;
}

export interface OwnerData {
  readonly contactsCsv: ContactsCsvImport;
  readonly exports: ExportService;
  readonly forget: ForgetContactService;
}

/**
 * The owner's data in and out of a workspace: the contacts CSV import, the exports, and deleting a contact
 * with everything about them. Built here so the session only wires them in.
 */
export function ownerDataServices(deps: OwnerDataDeps): OwnerData {
  const { store, clock, ids, publisher } = deps;
  const locale = () => store.settings().locale ?? deps.systemLocale;
  const timeZone = () =>
    store.settings().timeZone ?? deps.systemTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const contactsCsv = new ContactsCsvImport({
    store,
    clock,
    ids,
    publisher,
    defaultRegion: () => numberCountry(store.settings(), deps.systemLocale),
    changed: deps.changed,
  });
  const exports = new ExportService({
    store,
    clock,
    locale,
    timeZone,
    remindersOf: (contactId) => ({
      upcoming: deps
        .reminders()
        .upcoming()
        .filter((r) => r.contactId === contactId),
      notifications: deps
        .reminders()
        .centre()
        .notifications.filter((n) => n.contactIds.includes(contactId)),
    }),
  });
  const forget = new ForgetContactService({
    store,
    publisher,
    reminderLog: deps.reminderLog,
    forgetSends: async (contactId) => {
      await deps.outbox().forgetContact(contactId);
      await deps.providerIds.forgetContact(contactId);
    },
    forgotten: async (contactId) => {
      await deps.forgotten(contactId);
      // Drops the contact's planned reminders (it is no longer in the store).
      deps.reminders().contactChanged(contactId);
    },
  });
  return { contactsCsv, exports, forget };
}
