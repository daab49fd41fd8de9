import { z } from 'zod';
import { Contact, DEFAULT_SETTINGS, Settings } from '../contract/model';
import type { JsonFileKind } from './json-file-kind';

export const ContactsFile = z.object({
  schemaVersion: z.number().int().positive(),
  contacts: z.array(Contact),
});
export type ContactsFile = z.infer<typeof ContactsFile>;

export const CONTACTS_FILE: JsonFileKind<ContactsFile> = {
  fileName: 'contacts.json',
  label: 'Your contact list',
  version: 1,
  migrations: {},
  schema: ContactsFile,
  defaults: () => ({ schemaVersion: 1, contacts: [] }),
  describe: (data) => (data.contacts.length === 1 ? '1 contact' : `${data.contacts.length} contacts`),
  emptyRecovery: 'CareWindow started with an empty contact list. Your message history is untouched.',
  backup: true,
};

export const SettingsFile = z.object({
  schemaVersion: z.number().int().positive(),
  settings: Settings,
});
export type SettingsFile = z.infer<typeof SettingsFile>;

export const SETTINGS_FILE: JsonFileKind<SettingsFile> = {
  fileName: 'settings.json',
  label: 'Your settings',
  version: 1,
  migrations: {},
  schema: SettingsFile,
  defaults: () => ({ schemaVersion: 1, settings: { ...DEFAULT_SETTINGS } }),
  describe: (data) => `closing warning ${data.settings.closingLeadMinutes} minutes before`,
  emptyRecovery: 'CareWindow went back to the default settings. Your contacts and messages are untouched.',
  backup: true,
};
