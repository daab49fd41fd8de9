import Papa from 'papaparse';
import type { Contact } from '../../contract/contact';

/** Excel reads a UTF-8 file as the computer's code page unless it starts with a byte order mark. */
const BOM = '\uFEFF';
const FIXED = ['Name', 'Phone', 'Opt-in status', 'Opt-in date', 'Opt-in source', 'Opt-in proof', 'Notes'];

/**
 * Every contact as CSV for a spreadsheet: the fixed columns, then one column per custom field used by
 * any contact. Reads back through the import (the headers are words the import knows). A cell that a
 * spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe, except the E.164 phone,
 * which always starts with + and is only ever a number.
 */
export function contactsCsv(contacts: readonly Contact[]): string {
  const keys = [...new Set(contacts.flatMap((c) => Object.keys(c.fields)))].sort((a, b) =>
    a.localeCompare(b),
  );
  const rows = contacts.map((c) => [
    safe(c.name),
    c.phone,
    c.optIn.status,
    c.optIn.at === null ? '' : new Date(c.optIn.at).toISOString(),
    c.optIn.source ?? '',
    safe(c.optIn.proof),
    safe(c.notes),
    ...keys.map((key) => safe(c.fields[key] ?? '')),
  ]);
  return BOM + Papa.unparse({ fields: [...FIXED, ...keys], data: rows }, { newline: '\r\n' });
}

function safe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Undoes `safe` on import: "'=SUM" was written by a spreadsheet export, and means "=SUM". */
export function unescapeFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
