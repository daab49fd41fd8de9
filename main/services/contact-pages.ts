import type { ContactPage, ContactPageQuery, FirstScreen, ListCounts } from '../contract/contact-pages';
import { compareRows } from '../contract/contact-order';
import type { ContactRow } from '../contract/model';

/**
 * The contact list cut for the first screen and the chunks after it (contract: contact-pages.ts). Pure
 * functions of rows, which the contacts service hands over without their follow-up readiness, with a way to
 * complete the few the answer needs.
 */

/** The list shows one line of the last message: a long text is cut, the rest is not needed there. */
const SNIPPET = 160;

/**
 * The first `limit` rows in list order and the counts. `complete` turns a row built without its follow-up
 * readiness into the whole row: the counts need no completed row, and the order only a few (topRowsCompleting).
 */
export function firstScreen(
  rows: readonly ContactRow[],
  limit: number,
  complete: (row: ContactRow) => ContactRow = (row) => row,
): FirstScreen {
  return { rows: topRowsCompleting(rows, limit, complete).map(slim), counts: countRows(rows) };
}

/**
 * One chunk in id order; only the chunk's rows are completed (see firstScreen). `byId`: the same rows
 * already in id order, when the caller keeps them (window-rows.ts), so each chunk does not sort them all.
 */
export function contactPage(
  rows: readonly ContactRow[],
  query: ContactPageQuery,
  complete: (row: ContactRow) => ContactRow = (row) => row,
  byId: readonly ContactRow[] = inIdOrder(rows),
): ContactPage {
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
    rows: chunk.map((row) => slim(complete(row))),
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

/**
 * `topRows` of the completed rows, completing as few as it can. Completing decides the follow-up readiness,
 * which can only turn a window's `ready` into `blocked`, and which the order uses only among closed windows
 * (ready ones first): open windows, closed ones that were never ready, those awaiting a reply and those
 * without a window are in order as they are. So the closed windows that may be ready are completed in their
 * order, in growing batches, until enough turned out ready; at 10,000 contacts the first screen completes
 * about as many rows as it shows, instead of all of them. `complete` must give the same row each time.
 */
export function topRowsCompleting(
  rows: readonly ContactRow[],
  limit: number,
  complete: (row: ContactRow) => ContactRow,
): ContactRow[] {
  const open: ContactRow[] = [];
  const mayBeReady: ContactRow[] = [];
  const settled: ContactRow[] = [];
  for (const row of rows) {
    const { state, followUp } = row.window;
    if (state === 'open' || state === 'closing') open.push(row);
    else if (state === 'closed' && followUp === 'ready') mayBeReady.push(row);
    else settled.push(row);
  }
  const top = topRows(open, limit).map(complete);
  const need = limit - top.length;
  if (need <= 0) return top;
  const ready: ContactRow[] = [];
  for (let taken = 0, batch = need; ready.length < need && taken < mayBeReady.length; batch *= 2) {
    // The next batch in order: the first taken+batch rows, less the ones already looked at.
    const next = topRows(mayBeReady, taken + batch).slice(taken);
    taken += next.length;
    for (const row of next) {
      const full = complete(row);
      if (full.window.followUp === 'ready') ready.push(full);
      else settled.push(full);
      if (ready.length === need) return [...top, ...ready];
    }
  }
  // Fewer ready than places: the blocked ones and everything after closed windows follow, in order.
  return [...top, ...ready, ...topRows(settled, need - ready.length).map(complete)];
}

/** The rows by contact id, in code-unit order (a stable cursor for the chunks). */
export function inIdOrder(rows: readonly ContactRow[]): ContactRow[] {
  return [...rows].sort((a, b) => codeUnitOrder(a.contact.id, b.contact.id));
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
