/**
 * Which of a header's three date numbers is the day, the month and the year. Phones print the date in
 * the phone's locale, so one file uses one order; it is decided from the whole file, never line by line:
 *   - a first number of four digits is a year (2024-12-31): year-first;
 *   - a first number above 12 can only be a day (31/12/24): day-first; a second one, a month-first;
 *   - when no number says (every day of the chat is ≤ 12), exports are in time order, so the reading in
 *     which the messages go back in time less often wins;
 *   - only when both readings are equally plausible is it 'ambiguous': the owner is asked, with both.
 * Pure.
 */

import type { DateOrder } from '../../contract/chat-import';

export type { DateOrder };

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
}

export interface DateOrderDecision {
  order: DateOrder;
  /** True when the file alone cannot tell day-first from month-first: the owner should choose. */
  ambiguous: boolean;
  /** The orders the owner can choose between when ambiguous (the chosen one first). */
  readings: DateOrder[];
}

type Triple = readonly [string, string, string];

/** The date a triple means in one order; null when it is no date in that order (month 13, 31 April). */
export function readDate(triple: Triple, order: DateOrder): LocalDateTime | null {
  const [a, b, c] = triple;
  const yearFirst = a.length === 4;
  // A four-digit first number is a year whatever the file's order is.
  const effective: DateOrder = yearFirst ? 'YMD' : order === 'YMD' ? 'DMY' : order;
  const [y, m, d] = effective === 'YMD' ? [a, b, c] : effective === 'DMY' ? [c, b, a] : ([c, a, b] as const);
  const year = y.length <= 2 ? 2000 + Number(y) : Number(y);
  const month = Number(m);
  const day = Number(d);
  if (y.length === 3 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return { year, month, day };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Collects the evidence line by line (linear), then decides. */
export class DateOrderEvidence {
  private firstOver12 = 0;
  private secondOver12 = 0;
  private yearFirst = 0;
  private total = 0;
  private readonly backwards = { DMY: 0, MDY: 0 };
  private readonly previous: { DMY: number | null; MDY: number | null } = { DMY: null, MDY: null };

  /** `minuteOfDay` orders messages of one day, so a same-day chat still shows which reading runs forward. */
  add(triple: Triple, minuteOfDay: number): void {
    this.total++;
    const [a, b] = triple;
    if (a.length === 4) {
      this.yearFirst++;
      return;
    }
    if (Number(a) > 12) this.firstOver12++;
    if (Number(b) > 12) this.secondOver12++;
    for (const order of ['DMY', 'MDY'] as const) {
      const date = readDate(triple, order);
      if (date === null) continue;
      const key = ((date.year * 13 + date.month) * 32 + date.day) * 1440 + minuteOfDay;
      const before = this.previous[order];
      if (before !== null && key < before) this.backwards[order]++;
      this.previous[order] = key;
    }
  }

  decide(preferred: DateOrder): DateOrderDecision {
    if (this.total === 0 || this.yearFirst === this.total) {
      return { order: this.total === 0 ? preferred : 'YMD', ambiguous: false, readings: [] };
    }
    if (this.firstOver12 > 0 || this.secondOver12 > 0) {
      // Both happen only in a damaged or hand-edited file: the order more lines agree with wins, and the
      // lines that are no date in it are reported by the parser.
      const order = this.firstOver12 >= this.secondOver12 ? 'DMY' : 'MDY';
      return { order, ambiguous: false, readings: [] };
    }
    if (this.backwards.DMY !== this.backwards.MDY) {
      return {
        order: this.backwards.DMY < this.backwards.MDY ? 'DMY' : 'MDY',
        ambiguous: false,
        readings: [],
      };
    }
    const first = preferred === 'MDY' ? 'MDY' : 'DMY';
    return { order: first, ambiguous: true, readings: [first, first === 'DMY' ? 'MDY' : 'DMY'] };
  }
}

/** The order a locale prints dates in, as a default when a file cannot tell: en-US month-first, else day-first. */
export function dateOrderOfLocale(locale: string): DateOrder {
  return /^en[-_](US|PH)\b/i.test(locale) ? 'MDY' : 'DMY';
}
