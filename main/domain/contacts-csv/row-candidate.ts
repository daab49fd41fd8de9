import type { ColumnMapping } from '../../contract/contacts-csv';
import {
  MAX_FIELD_VALUE_LENGTH,
  MAX_NAME_LENGTH,
  type OptIn,
  type OptInSource,
} from '../../contract/contact';
import { cleanLine, cleanText } from '../clean-text';
import { normalizePhone } from '../phone';
import { parseCsvDate } from './csv-date';
import { headerWord } from './columns';
import { unescapeFormula } from './write-csv';

/** What one row says about a contact; absent parts were not in the file (an update leaves them as they are). */
export interface RowCandidate {
  readonly phone: string;
  readonly name: string | null;
  readonly notes: string | null;
  readonly fields: Readonly<Record<string, string>>;
  /** Null: the file says nothing about consent. */
  readonly optIn: OptIn | null;
}

export type RowReading = { ok: true; candidate: RowCandidate } | { ok: false; reason: string };

const YES = [
  'yes',
  'y',
  'ja',
  'j',
  'oui',
  'si',
  'true',
  '1',
  'x',
  'optedin',
  'optin',
  'subscribed',
  'aangemeld',
  'angemeldet',
  'inscrit',
  'suscrito',
];
const OUT = [
  'optedout',
  'optout',
  'stop',
  'unsubscribed',
  'afgemeld',
  'abgemeldet',
  'desinscrit',
  'baja',
  'dadodebaja',
];
const NO = ['', 'no', 'n', 'nee', 'nein', 'non', 'false', '0', 'none'];

const SOURCE_WORDS: [OptInSource, readonly string[]][] = [
  [
    'in-store',
    [
      'instore',
      'store',
      'shop',
      'inshop',
      'inperson',
      'winkel',
      'kassa',
      'laden',
      'geschaft',
      'magasin',
      'boutique',
      'tienda',
    ],
  ],
  ['website', ['website', 'web', 'online', 'site', 'webshop', 'siteweb', 'sitioweb', 'internet']],
  ['whatsapp', ['whatsapp', 'wa']],
  ['other', ['other', 'anders', 'andere', 'autre', 'otro']],
];

/**
 * Reads one row through the owner's mapping: the phone in E.164 (a local number in `defaultCountry`),
 * the name, notes, custom fields and the consent the file records. Opt-in from a file is recorded with
 * the file as its proof ("imported from customers.csv"), so the owner can later show where it came from.
 */
export function readRow(
  cells: readonly string[],
  mapping: readonly ColumnMapping[],
  context: { defaultCountry: string | null; fileName: string; now: number },
): RowReading {
  const cell = (field: ColumnMapping['field']): string | null => {
    const column = mapping.find((m) => m.field === field)?.column;
    return column === undefined ? null : unescapeFormula(cleanLine(cells[column] ?? '').trim());
  };
  const phoneText = cell('phone') ?? '';
  if (phoneText === '') return { ok: false, reason: 'No phone number in this row.' };
  const phone = normalizePhone(phoneText, context.defaultCountry);
  if (!phone.ok) return { ok: false, reason: `“${phoneText}”: ${phone.reason}` };

  const name = cell('name');
  if (name !== null && name.length > MAX_NAME_LENGTH) {
    return { ok: false, reason: `The name is longer than ${MAX_NAME_LENGTH} characters.` };
  }
  const fields: Record<string, string> = {};
  for (const m of mapping) {
    if (m.field !== 'custom' || m.key === undefined) continue;
    const value = unescapeFormula(cleanLine(cells[m.column] ?? '').trim());
    if (value.length > MAX_FIELD_VALUE_LENGTH) {
      return { ok: false, reason: `“${m.key}” is longer than ${MAX_FIELD_VALUE_LENGTH} characters.` };
    }
    if (value !== '') fields[m.key] = value;
  }
  const optIn = readOptIn(cell('optInStatus'), cell('optInDate'), cell('optInSource'), context);
  if (typeof optIn === 'string') return { ok: false, reason: optIn };
  // Notes keep their line breaks (a quoted cell may hold several lines); every other cell is one line.
  const notesColumn = mapping.find((m) => m.field === 'notes')?.column;
  const notes =
    notesColumn === undefined ? null : unescapeFormula(cleanText(cells[notesColumn] ?? '').trim());
  return {
    ok: true,
    candidate: {
      phone: phone.e164,
      name: name === '' ? null : name,
      notes: notes === '' ? null : notes,
      fields,
      optIn,
    },
  };
}

/** The consent a row records, null when it records none, or why it cannot be read. */
function readOptIn(
  statusText: string | null,
  dateText: string | null,
  sourceText: string | null,
  context: { fileName: string; now: number },
): OptIn | null | string {
  let status: OptIn['status'] | null = null;
  if (statusText !== null) {
    const word = headerWord(statusText);
    if (YES.includes(word)) status = 'opted-in';
    else if (OUT.includes(word)) status = 'opted-out';
    else if (!NO.includes(word)) return `“${statusText}” is not an opt-in answer: use yes, no or opted out.`;
  }
  let at: number | null = null;
  if (dateText !== null && dateText !== '') {
    at = parseCsvDate(dateText);
    if (at === null) return `“${dateText}” is not a date: write it as 2024-03-15 or 15-03-2024.`;
    if (at > context.now) return `The opt-in date ${dateText} is in the future.`;
    status ??= 'opted-in';
  }
  if (status === null) return null;
  const said = sourceText === null || sourceText === '' ? '' : ` (source: ${sourceText})`;
  return {
    status,
    at: at ?? context.now,
    source: sourceOf(sourceText),
    proof: `Imported from ${context.fileName}${said}${at === null ? ', no date in the file' : ''}`.slice(
      0,
      500,
    ),
  };
}

function sourceOf(text: string | null): OptInSource {
  const word = headerWord(text ?? '');
  return SOURCE_WORDS.find(([, words]) => words.includes(word))?.[0] ?? 'imported';
}
