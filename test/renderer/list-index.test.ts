import { describe, expect, it } from 'vitest';
import { compareRows, sortRows } from '../../main/contract/contact-order';
import type { ContactRow } from '../../main/contract/model';
import { contactPage, countRows, firstScreen, topRows } from '../../main/services/contact-pages';
import { countByFilter } from '../../renderer/src/list/filter';
import { ListIndex } from '../../renderer/src/list/list-index';
import { HOUR, MINUTE, T0 } from './moments';
import { makeRow } from './rows';

const STATES = ['open', 'closing', 'closed', 'awaiting-reply', 'none'] as const;

/** n rows in every state, named so that ties are broken by name. */
function many(n: number): ContactRow[] {
  return Array.from({ length: n }, (_, i) => {
    const state = STATES[i % STATES.length] ?? 'none';
    return makeRow({
      id: `c${String(i).padStart(5, '0')}`,
      name: `Customer ${String((i * 7919) % n).padStart(5, '0')}`,
      state,
      expiresAt:
        state === 'open' || state === 'closing' ? T0 + (i % 97) * MINUTE + HOUR : T0 - (i % 89) * MINUTE,
    });
  });
}

function counting(): { compare: (a: ContactRow, b: ContactRow) => number; calls: () => number } {
  let calls = 0;
  return {
    compare: (a, b) => {
      calls += 1;
      return compareRows(a, b);
    },
    calls: () => calls,
  };
}

const ids = (rows: readonly ContactRow[]) => rows.map((row) => row.contact.id);

describe('the contact list index', () => {
  const rows = many(10_000);

  it('moves one changed row with a binary search, not a re-sort of 10,000 rows', () => {
    const { compare, calls } = counting();
    const index = ListIndex.complete(rows, compare);
    const before = calls();
    const changed = makeRow({
      id: 'c00042',
      name: 'Customer 00042',
      state: 'closing',
      expiresAt: T0 + MINUTE,
    });
    const next = index.withRows([changed]);
    // Out and in: two binary searches over 10,000 rows (~2 × 14 comparisons), where a sort takes ~120,000.
    expect(calls() - before).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(10_000)) + 2);
    expect(ids(next.sorted)).toEqual(ids(sortRows(next.rows.values())));
    expect(next.sorted[0]).toBe(changed);
    // Every other row is the very same object, in the same relative order.
    const untouched = next.sorted.filter((row) => row !== changed);
    expect(untouched).toEqual(index.sorted.filter((row) => row.contact.id !== 'c00042'));
    expect(next.counts).toEqual(countByFilter(next.rows.values()));
  });

  it('takes a removed row out and keeps the counts', () => {
    const index = ListIndex.complete(rows);
    const next = index.withoutRows(['c00001', 'c00002']);
    expect(next.sorted).toHaveLength(9_998);
    expect(next.counts).toEqual(countByFilter(next.rows.values()));
    expect(index.withoutRows(['unknown'])).toBe(index);
  });

  it('streams: the first screen and counts first, chunks merged in order, counts right throughout', () => {
    const first = firstScreen(rows, 60);
    expect(ids(first.rows)).toEqual(ids(sortRows(rows).slice(0, 60)));
    let index = ListIndex.firstScreen(first.rows, first.counts);
    expect(index.complete).toBe(false);
    expect(index.counts).toEqual(countByFilter(rows));
    expect(index.sorted).toHaveLength(60);

    // Between chunks a customer writes: a row not here yet arrives by a push. It is listed at once and
    // counted by the next chunk (main's count still holds it as it was).
    const wrote = makeRow({ id: 'c09998', name: 'Customer late', state: 'open', expiresAt: T0 + 23 * HOUR });
    const live = rows.map((row) => (row.contact.id === 'c09998' ? wrote : row));
    index = index.withRows([wrote]);
    expect(index.rows.get('c09998')).toBe(wrote);
    expect(index.counts).toEqual(countByFilter(rows));

    let after: string | null = null;
    for (;;) {
      const page = contactPage(live, { after, limit: 2_000 });
      index = index.withChunk(page.rows, page.counts, page.next === null);
      expect(index.counts).toEqual(countByFilter(live));
      if (page.next === null) break;
      after = page.next;
    }
    expect(index.complete).toBe(true);
    expect(index.sorted).toHaveLength(10_000);
    expect(ids(index.sorted)).toEqual(ids(sortRows(live)));
  });

  it('cuts the first screen without sorting everything, and pages in id order without gaps', () => {
    expect(ids(topRows(rows, 25))).toEqual(ids(sortRows(rows).slice(0, 25)));
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = contactPage(rows, { after, limit: 3_333 });
      seen.push(...ids(page.rows));
      after = page.next;
    } while (after !== null);
    expect(seen).toEqual([...ids(rows)].sort());
    expect(countRows(rows)).toEqual(countByFilter(rows));
  });

  it('sends a first screen whose size does not grow with the number of contacts', () => {
    const small = JSON.stringify(firstScreen(many(1_000), 60)).length;
    const big = JSON.stringify(firstScreen(rows, 60)).length;
    expect(big).toBeLessThan(small * 1.1);
    expect(big).toBeLessThan(JSON.stringify(rows).length / 100);
  });
});
