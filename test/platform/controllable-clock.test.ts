import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../main/domain/durations';
import { ControllableClock } from '../../main/platform/preview/controllable-clock';

const START = Date.parse('2026-11-24T14:20:00Z');

describe('the preview host’s clock', () => {
  it('advance runs scheduled work in order, each at its own moment, like a long wait', () => {
    const clock = new ControllableClock(START);
    const seen: [string, number][] = [];
    clock.at(START + 30 * MINUTE, () => {
      seen.push(['a', clock.now()]);
      clock.at(clock.now() + 10 * MINUTE, () => seen.push(['c', clock.now()]));
    });
    clock.at(START + 50 * MINUTE, () => seen.push(['b', clock.now()]));
    clock.advance(HOUR);
    const round = (t: number) => Math.round((t - START) / MINUTE);
    expect(seen.map(([name, at]) => [name, round(at)])).toEqual([
      ['a', 30],
      ['c', 40],
      ['b', 50],
    ]);
    expect(round(clock.now())).toBe(60);
    clock.dispose();
  });

  it('jump runs everything due at once at the new time, late, like waking from sleep', () => {
    const clock = new ControllableClock(START);
    const seen: number[] = [];
    clock.at(START + 30 * MINUTE, () => seen.push(clock.now()));
    clock.at(START + 50 * MINUTE, () => seen.push(clock.now()));
    clock.jump(HOUR);
    expect(seen.map((t) => Math.round((t - START) / MINUTE))).toEqual([60, 60]);
    clock.dispose();
  });
});
