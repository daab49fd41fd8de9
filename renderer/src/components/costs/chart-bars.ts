import type { DayCosts } from '../../../../main/contract/month-costs';

/** One day's bar: what is surely charged, and on top of it what may be. */
export interface DayBar {
  date: string;
  x: number;
  width: number;
  /** The charged part, from the baseline up. */
  chargedY: number;
  chargedHeight: number;
  /** The "may be charged" part, stacked on top. */
  mayBeY: number;
  mayBeHeight: number;
  charged: number;
  mayBe: number;
}

export interface ChartSize {
  width: number;
  height: number;
  /** Space between bars, in the same units. */
  gap: number;
}

export const CHART_SIZE: ChartSize = { width: 620, height: 160, gap: 2 };

/**
 * What a day's bar stands for: the estimated spend when the owner has a rate card, else the number of
 * messages (never an amount made up without one).
 */
export function dayValues(day: DayCosts, priced: boolean): { charged: number; mayBe: number } {
  return priced
    ? { charged: day.estimate ?? 0, mayBe: day.mayBeEstimate ?? 0 }
    : { charged: day.charged, mayBe: day.mayBeCharged };
}

/** Bars for every day of the month, scaled so the tallest day fills the chart. Pure, so tests can check it. */
export function dayBars(days: readonly DayCosts[], priced: boolean, size: ChartSize = CHART_SIZE): DayBar[] {
  const values = days.map((day) => dayValues(day, priced));
  const highest = Math.max(0, ...values.map((v) => v.charged + v.mayBe));
  const slot = days.length === 0 ? 0 : size.width / days.length;
  // Share of the busiest day first, then pixels: 0.3 of 0.6 is exactly half the chart.
  const heightOf = (value: number) => (highest === 0 ? 0 : (value / highest) * size.height);
  return days.map((day, i) => {
    const { charged, mayBe } = values[i] ?? { charged: 0, mayBe: 0 };
    const chargedHeight = heightOf(charged);
    const mayBeHeight = heightOf(mayBe);
    return {
      date: day.date,
      x: i * slot + size.gap / 2,
      width: Math.max(0, slot - size.gap),
      chargedY: size.height - chargedHeight,
      chargedHeight,
      mayBeY: size.height - chargedHeight - mayBeHeight,
      mayBeHeight,
      charged,
      mayBe,
    };
  });
}
