import { z } from 'zod';

/**
 * How far a history's lines are out of time order, so its newest page can be read from the end of the file.
 * A message line is "in order" when its `at` is at least every earlier message's; then every message before
 * it in the file is no newer than it. Reading backwards, the first in-order message met bounds everything
 * still unread, and the page is complete once its oldest message is newer than that bound. Lines that are
 * not known to be in order (a late webhook, an import of older messages) lie in `late` ranges of byte
 * offsets; a range may cover in-order lines too (merged to stay small), which only makes reading longer.
 */
export const LogOrder = z.object({
  /** The newest `at` of any message in the history (null: no message yet). */
  maxAt: z.number().nullable(),
  /** [from, to) byte ranges holding every line that may be out of order. */
  late: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])).max(200),
});
export type LogOrder = z.infer<typeof LogOrder>;

export const EMPTY_ORDER: LogOrder = { maxAt: null, late: [] };
const MAX_RANGES = 64;

/** Adds message lines written in [from, to) (their `at`s in file order) to the order of the bytes before. */
export function withLines(order: LogOrder, from: number, to: number, ats: readonly number[]): LogOrder {
  let maxAt = order.maxAt;
  let late = false;
  for (const at of ats) {
    if (maxAt !== null && at < maxAt) late = true;
    if (maxAt === null || at > maxAt) maxAt = at;
  }
  return { maxAt, late: late ? merged([...order.late, [from, Math.max(to, from + 1)]]) : order.late };
}

/** The order of a whole history, from its messages' offsets and times in file order. */
export function orderOf(lines: readonly { offset: number; at: number }[]): LogOrder {
  let order = EMPTY_ORDER;
  for (const { offset, at } of lines) order = withLines(order, offset, offset + 1, [at]);
  return order;
}

/** Whether the line starting at `offset` may be out of order. */
export function isLate(order: LogOrder, offset: number): boolean {
  return order.late.some(([from, to]) => offset >= from && offset < to);
}

/** Adjacent ranges joined; past MAX_RANGES the two closest are joined (covering more is always safe). */
function merged(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = out.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  while (out.length > MAX_RANGES) {
    let best = 0;
    for (let i = 1; i < out.length - 1; i++) {
      const gap = (r: number) => (out[r + 1]?.[0] ?? Infinity) - (out[r]?.[1] ?? 0);
      if (gap(i) < gap(best)) best = i;
    }
    const [a, b] = [out[best], out[best + 1]];
    if (!a || !b) break;
    out.splice(best, 2, [a[0], b[1]]);
  }
  return out;
}
