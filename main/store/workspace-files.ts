import { z } from 'zod';
import { DEFAULT_SETTINGS, Settings } from '../contract/model';
import { upgradedOptOutKeywords } from '../domain/consent-keywords';
import { ContactRows } from './contact-rows';
import type { JsonFileKind } from './json-file-kind';

export const ContactsFile = z.object({
  schemaVersion: z.number().int().positive(),
  /**
   * Which lines of contacts.journal.jsonl are already in this file: those of an older generation (see
   * contact-book.ts). Absent in files from before the journal: generation 0.
   */
  generation: z.number().int().nonnegative().optional(),
  // Checked row by row with a fast path for the rows CareWindow wrote itself (see contact-rows.ts).
  contacts: ContactRows,
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
  // Not "your history is untouched": without contacts no conversation can be opened. The workspace says
  // what it brought back from the histories (see contact-recovery.ts).
  emptyRecovery: 'CareWindow started with an empty contact list.',
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
  // 2: the default opt-out words grew from four to the languages a European shop meets. Versioned (not
  // checked on every read) so that an owner who later picks exactly the old four words keeps them.
  version: 2,
  migrations: { 1: withUpgradedOptOutKeywords },
  schema: SettingsFile,
  defaults: () => ({ schemaVersion: 2, settings: { ...DEFAULT_SETTINGS } }),
  describe: (data) => `closing warning ${data.settings.closingLeadMinutes} minutes before`,
  emptyRecovery: 'CareWindow went back to the default settings. Your contacts and messages are untouched.',
  backup: true,
};

const isWordList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((word) => typeof word === 'string');

/** Version 1 → 2: a list still equal to the old default becomes the new one; an edited list stays. */
function withUpgradedOptOutKeywords(file: Record<string, unknown>): Record<string, unknown> {
  const settings = file.settings;
  if (typeof settings !== 'object' || settings === null) return file;
  const saved = (settings as Record<string, unknown>).optOutKeywords;
  if (!isWordList(saved)) return file;
  return { ...file, settings: { ...settings, optOutKeywords: [...upgradedOptOutKeywords(saved)] } };
}
