import { z } from 'zod';
import { FieldKey } from './contact';
import { Id, Timestamp } from './primitives';

/**
 * The contacts CSV import as it crosses the bridge: the file goes in (base64, capped), a preview comes
 * back (what would be added, updated, skipped, and why), the owner may remap columns and ask again, then
 * applies the preview by its id. Nothing is written before apply; apply writes once; the import can be
 * undone right after.
 */

/** 5 MB: a spreadsheet of 50,000 customers; anything bigger is not a contact list. */
export const MAX_CONTACTS_CSV_BYTES = 5 * 1024 * 1024;
const MAX_BASE64 = Math.ceil(MAX_CONTACTS_CSV_BYTES / 3) * 4;
/** Rows listed in a preview besides the counts; the counts always cover the whole file. */
export const MAX_PREVIEW_ROWS = 500;

/** What a column of the file fills in. `custom` names the contact field it becomes. */
export const ColumnField = z.enum([
  'name',
  'phone',
  'optInDate',
  'optInSource',
  'optInStatus',
  'notes',
  'custom',
  'ignore',
]);
export type ColumnField = z.infer<typeof ColumnField>;

export const ColumnMapping = z.object({
  /** The column's position in the file, from 0. */
  column: z.number().int().min(0).max(200),
  field: ColumnField,
  /** For `custom`: the contact field's name (ticket_ID). */
  key: FieldKey.optional(),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** Two letters, as in "NL": how a number without a country code ("06 12345678") is read. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'Choose a country, for example NL.');

export const ContactsCsvRequest = z.object({
  fileName: z.string().min(1).max(260),
  bytesBase64: z
    .string()
    .min(1, 'The file is empty.')
    .max(MAX_BASE64, 'This file is bigger than 5 MB: split it, or save only the columns you need.')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file could not be read.'),
  /** The owner's choice of columns; absent: guessed from the header row. */
  mapping: z.array(ColumnMapping).max(200).optional(),
  /** Absent: the owner's country from the settings or the computer's region. */
  defaultCountry: CountryCode.optional(),
});
export type ContactsCsvRequest = z.infer<typeof ContactsCsvRequest>;

export const CsvRowKind = z.enum(['new', 'update', 'unchanged', 'duplicate', 'error']);
export type CsvRowKind = z.infer<typeof CsvRowKind>;

export const CsvPreviewRow = z.object({
  /** The line in the file where the row starts (the header is line 1). */
  line: z.number().int().positive(),
  kind: CsvRowKind,
  name: z.string(),
  phone: z.string(),
  /** Why a row is skipped, or what an update changes. */
  reason: z.string(),
});
export type CsvPreviewRow = z.infer<typeof CsvPreviewRow>;

export const ContactsCsvPreview = z.object({
  previewId: Id,
  fileName: z.string(),
  encoding: z.enum(['utf-8', 'utf-8 with BOM', 'windows-1252']),
  delimiter: z.enum([',', ';', '\t']),
  headers: z.array(z.string()),
  mapping: z.array(ColumnMapping),
  defaultCountry: z.string().nullable(),
  counts: z.object({
    new: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    duplicate: z.number().int(),
    error: z.number().int(),
  }),
  /** Errors and duplicates first, then the rest, up to MAX_PREVIEW_ROWS. */
  rows: z.array(CsvPreviewRow),
});
export type ContactsCsvPreview = z.infer<typeof ContactsCsvPreview>;

/** One applied import, undoable right after. */
export const ImportDone = z.object({
  importId: Id,
  at: Timestamp,
  added: z.number().int(),
  updated: z.number().int(),
});
export type ImportDone = z.infer<typeof ImportDone>;

export const ImportUndone = z.object({
  importId: Id,
  removed: z.number().int(),
  restored: z.number().int(),
});
export type ImportUndone = z.infer<typeof ImportUndone>;
