import type { ContactPage, ContactPageQuery, FirstScreen, ListCounts } from '../contract/contact-pages';
import { compareRows } from '../contract/contact-order';
import type { ContactRow } from '../contract/model';

/**
 * The contact list cut for the first screen and the chunks after it (contract: contact-pages.ts). Pure
 * functions of the rows main holds; the handler passes `contacts.list()`.
 */

/** The list shows one line of the last message: a long text is cut, the rest is not needed there. */
const SNIPPET = 160;

export function firstScreen(rows: readonly ContactRow[], limit: number): FirstScreen {
  return { rows: topRows(rows, limit).map(slim), counts: countRows(rows) };
}

export function contactPage(rows: readonly ContactRow[], query: ContactPageQuery): ContactPage {
  const byId = [...rows].sort((a, b) => codeUnitOrder(a.contact.id, b.contact.id));
  const { after, limit } = query;
  let start = 0;
  if (after !== null) {
    let hi = byId.length;
    while (start < hi) {
      const mid = (start + hi) >>> 1;
      if ((byId[mid]?.contact.id ?? '') <= after) start = mid + 1;
      else hi = mid;
    }
  }
  const chunk = byId.slice(start, start + limit);
  const last = chunk[chunk.length - 1];
  const more = start + limit < byId.length;
  return {
    rows: chunk.map(slim),
    next: more && last !== undefined ? last.contact.id : null,
    counts: countRows(rows),
  };
}

export function countRows(rows: Iterable<ContactRow>): ListCounts {
  const counts: ListCounts = {
    all: 0,
    none: 0,
    open: 0,
    closing: 0,
    closed: 0,
    'awaiting-reply': 0,
    waiting: 0,
  };
  for (const row of rows) {
    counts.all += 1;
    counts[row.window.state] += 1;
    if (row.waiting) counts.waiting += 1;
  }
  return counts;
}

/**
 * The first `limit` rows in list order without sorting them all: a sorted window of `limit` rows that
 * each row is binary-inserted into (n log limit comparisons instead of n log n).
 */
export function topRows(rows: readonly ContactRow[], limit: number): ContactRow[] {
  const top: ContactRow[] = [];
  for (const row of rows) {
    const worst = top[top.length - 1];
    if (top.length >= limit && worst !== undefined && compareRows(row, worst) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const probe = top[mid];
      if (probe !== undefined && compareRows(probe, row) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, row);
    if (top.length > limit) top.pop();
  }
  return top;
}

function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function slim(row: ContactRow): ContactRow {
  const last = row.activity.lastMessage;
  if (last === null || last.text.length <= SNIPPET) return row;
  return {
    ...row,
    activity: { ...row.activity, lastMessage: { ...last, text: `${last.text.slice(0, SNIPPET)}…` } },
  };
}
