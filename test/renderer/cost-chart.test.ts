import { describe, expect, it } from 'vitest';
import type { DayCosts } from '../../main/contract/month-costs';
import { dayBars } from '../../renderer/src/components/costs/chart-bars';

const day = (date: string, over: Partial<DayCosts> = {}): DayCosts => ({
  date,
  charged: 0,
  mayBeCharged: 0,
  estimate: null,
  mayBeEstimate: null,
  ...over,
});

const SIZE = { width: 300, height: 100, gap: 2 };

describe('the bars of the Costs chart', () => {
  it('scales each day to the busiest, side by side, with "may be charged" stacked on top', () => {
    const bars = dayBars(
      [
        day('2026-10-01', { charged: 4 }),
        day('2026-10-02'),
        day('2026-10-03', { charged: 1, mayBeCharged: 1 }),
      ],
      false,
      SIZE,
    );
    expect(bars.map((b) => [b.date, b.x, b.width, b.chargedHeight, b.mayBeHeight])).toEqual([
      ['2026-10-01', 1, 98, 100, 0],
      ['2026-10-02', 101, 98, 0, 0],
      ['2026-10-03', 201, 98, 25, 25],
    ]);
    // Bars stand on the baseline; the "may be" part sits right above the charged part.
    expect(bars[2]).toMatchObject({ chargedY: 75, mayBeY: 50 });
  });

  it('draws amounts, not counts, when there is a rate card', () => {
    const bars = dayBars(
      [
        day('2026-10-01', { charged: 10, estimate: 0.3 }),
        day('2026-10-02', { charged: 1, estimate: 0.6, mayBeCharged: 1, mayBeEstimate: 0 }),
      ],
      true,
      SIZE,
    );
    expect(bars.map((b) => [b.charged, b.chargedHeight])).toEqual([
      [0.3, 50],
      [0.6, 100],
    ]);
  });

  it('draws nothing for a month without charges', () => {
    const bars = dayBars([day('2026-10-01'), day('2026-10-02')], true, SIZE);
    expect(bars.every((b) => b.chargedHeight === 0 && b.mayBeHeight === 0)).toBe(true);
  });
});
