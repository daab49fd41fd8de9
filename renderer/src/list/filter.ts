import type { ContactRow, WindowState } from '../../../main/contract/model';

/** The filter chips above the list, in their order. `waiting`: the customer wrote last, no answer yet. */
export type FilterKey = 'all' | 'waiting' | WindowState;

export const FILTERS: ReadonlyArray<{ key: FilterKey; label: string }> = [
  { key: 'all', label: 'All' },
  { key: 'waiting', label: 'Waiting for you' },
  { key: 'closing', label: 'Closing' },
  { key: 'open', label: 'Open' },
  { key: 'closed', label: 'Closed' },
  { key: 'awaiting-reply', label: 'Followed up' },
  { key: 'none', label: 'No window' },
];

export type FilterCounts = Record<FilterKey, number>;

export function countByFilter(rows: Iterable<ContactRow>): FilterCounts {
  const counts: FilterCounts = {
    all: 0,
    waiting: 0,
    closing: 0,
    open: 0,
    closed: 0,
    'awaiting-reply': 0,
    none: 0,
  };
  for (const row of rows) {
    counts.all += 1;
    if (row.waiting) counts.waiting += 1;
    counts[row.window.state] += 1;
  }
  return counts;
}

/** Just the digits, for searching: "+31 6 1234 5678" → "31612345678". */
function phoneDigits(text: string): string {
  return text.replace(/\D/g, '');
}

/** Lower case without accents, so "jose" finds "José". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

export interface Query {
  /** Folded words that must all appear in the name. */
  words: string[];
  /** Digits to find in the phone number, when the query looks like a number; leading 0s dropped. */
  digits: string | null;
}

export function parseQuery(raw: string): Query {
  const trimmed = raw.trim();
  const looksLikeNumber = /^[+\d\s().-]+$/.test(trimmed) && /\d/.test(trimmed);
  // "0612…" is how a local number starts; the saved E.164 number has the country code instead.
  const digits = looksLikeNumber ? phoneDigits(trimmed).replace(/^0+(?=\d)/, '') : null;
  return { words: foldText(trimmed).split(/\s+/).filter(Boolean), digits };
}

const foldedNames = new WeakMap<ContactRow['contact'], string>();

function foldedName(contact: ContactRow['contact']): string {
  let folded = foldedNames.get(contact);
  if (folded === undefined) {
    folded = foldText(contact.name);
    foldedNames.set(contact, folded);
  }
  return folded;
}

export function matchesQuery(row: ContactRow, query: Query): boolean {
  if (query.words.length === 0) return true;
  if (query.digits !== null && phoneDigits(row.contact.phone).includes(query.digits)) return true;
  const name = foldedName(row.contact);
  return query.words.every((word) => name.includes(word));
}

export function matchesFilter(row: ContactRow, filter: FilterKey): boolean {
  return filter === 'all' || (filter === 'waiting' ? row.waiting : row.window.state === filter);
}

/** Whether the contact carries the label (null: any contact). */
export function hasLabel(row: ContactRow, labelId: string | null): boolean {
  return labelId === null || (row.contact.labels?.includes(labelId) ?? false);
}

/** The rows a filter chip, the label filter and the search box leave, in the order given. */
export function visibleRows(
  sorted: readonly ContactRow[],
  filter: FilterKey,
  rawQuery: string,
  labelId: string | null = null,
): ContactRow[] {
  const query = parseQuery(rawQuery);
  return sorted.filter(
    (row) => matchesFilter(row, filter) && hasLabel(row, labelId) && matchesQuery(row, query),
  );
}
