import type { ListCounts } from '../../../main/contract/contact-pages';
import { compareRows } from '../../../main/contract/contact-order';
import type { ContactRow } from '../../../main/contract/model';
import { countByFilter, type FilterCounts } from './filter';

export type Compare = (a: ContactRow, b: ContactRow) => number;

/**
 * The contact list as the renderer holds it while it streams in and changes: rows by id, the rows in
 * list order, and the filter counts. Every change returns a new index (the screens compare by identity)
 * and costs what it changes: a changed row is taken out and binary-inserted, never a re-sort of all rows.
 *
 * Counts while streaming: `counted` rows are counted one by one (exactly, as they change); main's count
 * of every other contact (`base`) comes with each chunk. A row that first arrives by a push between two
 * chunks is listed at once but counted by the next chunk, as main's count still holds its old state.
 */
export class ListIndex {
  private constructor(
    readonly rows: ReadonlyMap<string, ContactRow>,
    readonly sorted: readonly ContactRow[],
    readonly complete: boolean,
    /** Counts of the rows counted one by one. */
    private readonly counted: FilterCounts,
    /** Main's count of the contacts not counted one by one (not here yet, or arrived by a push). */
    private readonly base: FilterCounts,
    /** Rows here whose state is still in `base`. */
    private readonly uncounted: ReadonlySet<string>,
    private readonly compare: Compare,
    readonly counts: FilterCounts = sum(counted, base),
  ) {}

  static empty(compare: Compare = compareRows): ListIndex {
    return ListIndex.complete([], compare);
  }

  /** Every row at once (a canned or small list). */
  static complete(rows: readonly ContactRow[], compare: Compare = compareRows): ListIndex {
    const byId = new Map(rows.map((row) => [row.contact.id, row]));
    const sorted = [...byId.values()].sort(compare);
    return new ListIndex(byId, sorted, true, countByFilter(sorted), zero(), new Set(), compare);
  }

  /** The first screen: its rows, and main's counts of every contact. */
  static firstScreen(rows: readonly ContactRow[], counts: ListCounts, compare: Compare = compareRows) {
    const byId = new Map(rows.map((row) => [row.contact.id, row]));
    const sorted = [...byId.values()].sort(compare);
    const counted = countByFilter(sorted);
    const complete = counts.all <= byId.size;
    const base = complete ? zero() : minus(fromMain(counts), counted);
    return new ListIndex(byId, sorted, complete, counted, base, new Set(), compare);
  }

  /** A chunk of the rest arrived: its rows go in, and main's counts replace the estimate. */
  withChunk(rows: readonly ContactRow[], counts: ListCounts, last: boolean): ListIndex {
    const next = this.apply(rows, [], true);
    const counted = countByFilter(next.rows.values());
    const base = last ? zero() : minus(fromMain(counts), counted);
    return new ListIndex(next.rows, next.sorted, last, counted, base, new Set(), this.compare);
  }

  /** Rows added or changed (a push, or a call's answer). */
  withRows(rows: readonly ContactRow[]): ListIndex {
    if (rows.length === 0) return this;
    return this.apply(rows, [], this.complete);
  }

  withoutRows(contactIds: readonly string[]): ListIndex {
    if (!contactIds.some((id) => this.rows.has(id))) return this;
    return this.apply([], contactIds, this.complete);
  }

  private apply(changed: readonly ContactRow[], removed: readonly string[], countNew: boolean): ListIndex {
    const rows = new Map(this.rows);
    const counted = { ...this.counted };
    const uncounted = new Set(this.uncounted);
    const gone: ContactRow[] = [];
    const added: ContactRow[] = [];
    const take = (id: string) => {
      const old = rows.get(id);
      if (old === undefined) return;
      gone.push(old);
      rows.delete(id);
      if (!uncounted.delete(id)) addCounts(counted, old, -1);
    };
    for (const id of removed) take(id);
    for (const row of changed) {
      const id = row.contact.id;
      const known = rows.has(id);
      const wasUncounted = uncounted.has(id);
      take(id);
      rows.set(id, row);
      added.push(row);
      if ((known && !wasUncounted) || countNew) addCounts(counted, row, 1);
      else uncounted.add(id);
    }
    const sorted = reorder(this.sorted, gone, dedupeLast(added), this.compare);
    return new ListIndex(rows, sorted, this.complete, counted, this.base, uncounted, this.compare);
  }
}

/** Few changes: binary search out, binary insert in. Many (a chunk): filter once and merge. */
function reorder(
  sorted: readonly ContactRow[],
  gone: readonly ContactRow[],
  added: readonly ContactRow[],
  compare: Compare,
): ContactRow[] {
  if (gone.length + added.length > 64) {
    const drop = new Set(gone);
    const kept = drop.size === 0 ? sorted : sorted.filter((row) => !drop.has(row));
    return merge(kept, [...added].sort(compare), compare);
  }
  const next = [...sorted];
  for (const row of gone) {
    const at = position(next, row, compare);
    const index = next[at] === row ? at : next.indexOf(row);
    if (index >= 0) next.splice(index, 1);
  }
  for (const row of added) next.splice(position(next, row, compare), 0, row);
  return next;
}

/** The first index whose row does not come before `row`. */
function position(sorted: readonly ContactRow[], row: ContactRow, compare: Compare): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const probe = sorted[mid];
    if (probe !== undefined && compare(probe, row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function merge(a: readonly ContactRow[], b: readonly ContactRow[], compare: Compare): ContactRow[] {
  const out: ContactRow[] = new Array<ContactRow>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as ContactRow;
    const y = b[j] as ContactRow;
    if (compare(y, x) < 0) {
      out[k++] = y;
      j++;
    } else {
      out[k++] = x;
      i++;
    }
  }
  while (i < a.length) out[k++] = a[i++] as ContactRow;
  while (j < b.length) out[k++] = b[j++] as ContactRow;
  return out;
}

/** A batch may carry two versions of one contact: the later one wins, once. */
function dedupeLast(rows: readonly ContactRow[]): ContactRow[] {
  const last = new Map<string, ContactRow>();
  for (const row of rows) last.set(row.contact.id, row);
  return last.size === rows.length ? [...rows] : [...last.values()];
}

function zero(): FilterCounts {
  return countByFilter([]);
}

function fromMain(counts: ListCounts): FilterCounts {
  return { ...zero(), ...counts };
}

function addCounts(into: FilterCounts, row: ContactRow, sign: 1 | -1): void {
  const one = countByFilter([row]);
  for (const key of Object.keys(one) as (keyof FilterCounts)[]) into[key] += sign * one[key];
}

function minus(a: FilterCounts, b: FilterCounts): FilterCounts {
  const out = { ...a };
  for (const key of Object.keys(out) as (keyof FilterCounts)[]) out[key] = Math.max(0, a[key] - b[key]);
  return out;
}

function sum(a: FilterCounts, b: FilterCounts): FilterCounts {
  const out = { ...a };
  for (const key of Object.keys(out) as (keyof FilterCounts)[]) out[key] = a[key] + b[key];
  return out;
}
