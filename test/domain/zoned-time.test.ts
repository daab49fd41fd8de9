import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../main/domain/durations';
import {
  addDays,
  cachedFormatter,
  calendarDaysBetween,
  epochAt,
  formatClock,
  isValidTimeZone,
  minutesUntil,
  offsetAt,
  wallClockAt,
  weekdayOf,
} from '../../main/domain/zoned-time';

const AMS = 'Europe/Amsterdam';

describe('wall-clock time in a zone', () => {
  it('reads the wall clock on both sides of daylight saving time', () => {
    expect(wallClockAt(Date.parse('2026-01-15T12:00:00Z'), AMS)).toMatchObject({
      year: 2026,
      month: 1,
      day: 15,
      hour: 13,
      minute: 0,
      weekday: 4,
    });
    expect(wallClockAt(Date.parse('2026-07-15T12:00:00Z'), AMS)).toMatchObject({ hour: 14 });
    expect(offsetAt(Date.parse('2026-01-15T12:00:00Z'), AMS)).toBe(HOUR);
    expect(offsetAt(Date.parse('2026-07-15T12:00:00Z'), AMS)).toBe(2 * HOUR);
    expect(offsetAt(Date.parse('2026-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * HOUR);
  });

  it('midnight is hour 0, and the weekday follows the local date, not UTC', () => {
    // 23:30 UTC on Saturday is 00:30 on Sunday in Amsterdam.
    const w = wallClockAt(Date.parse('2026-11-28T23:30:00Z'), AMS);
    expect(w).toMatchObject({ day: 29, hour: 0, minute: 30, weekday: 0 });
  });

  it('turns a wall-clock time into an instant, in summer and winter', () => {
    expect(epochAt({ year: 2026, month: 1, day: 15 }, 9, 0, AMS)).toBe(Date.parse('2026-01-15T08:00:00Z'));
    expect(epochAt({ year: 2026, month: 7, day: 15 }, 9, 0, AMS)).toBe(Date.parse('2026-07-15T07:00:00Z'));
    expect(epochAt({ year: 2026, month: 7, day: 15 }, 9, 0, 'America/New_York')).toBe(
      Date.parse('2026-07-15T13:00:00Z'),
    );
  });

  it('a time in the spring-forward gap moves forward by the gap (02:30 → 03:30)', () => {
    // Amsterdam 2026-03-29: 02:00 CET jumps to 03:00 CEST.
    expect(epochAt({ year: 2026, month: 3, day: 29 }, 2, 30, AMS)).toBe(Date.parse('2026-03-29T01:30:00Z'));
    expect(wallClockAt(Date.parse('2026-03-29T01:30:00Z'), AMS)).toMatchObject({ hour: 3, minute: 30 });
    // New York 2026-03-08: 02:00 EST jumps to 03:00 EDT.
    expect(epochAt({ year: 2026, month: 3, day: 8 }, 2, 30, 'America/New_York')).toBe(
      Date.parse('2026-03-08T07:30:00Z'),
    );
  });

  it('a time that happens twice in the fall-back overlap is the earlier one', () => {
    // Amsterdam 2026-10-25: 03:00 CEST goes back to 02:00 CET, so 02:30 happens at 00:30Z and 01:30Z.
    expect(epochAt({ year: 2026, month: 10, day: 25 }, 2, 30, AMS)).toBe(Date.parse('2026-10-25T00:30:00Z'));
    expect(wallClockAt(Date.parse('2026-10-25T01:30:00Z'), AMS)).toMatchObject({ hour: 2, minute: 30 });
  });

  it('round-trips every minute of a year, in zones with and without DST', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 24 * 60 }),
        fc.constantFrom(AMS, 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'),
        (minutes, zone) => {
          const t = start + minutes * MINUTE;
          const w = wallClockAt(t, zone);
          const back = epochAt(w, w.hour, w.minute, zone);
          // Equal, or (in a fall-back overlap) the earlier instant showing the same wall-clock time.
          expect(back <= t).toBe(true);
          expect(wallClockAt(back, zone)).toMatchObject({ day: w.day, hour: w.hour, minute: w.minute });
          expect(t - back).toBeLessThanOrEqual(HOUR);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('counts calendar days and weekdays without the local zone of the test machine', () => {
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2028, month: 3, day: 1 }, -1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(weekdayOf({ year: 2026, month: 11, day: 24 })).toBe(2);
  });

  it('rounds minutes left up and formats the closing time in the owner’s zone', () => {
    expect(minutesUntil(0, 14 * MINUTE + 1)).toBe(15);
    expect(minutesUntil(0, 15 * MINUTE)).toBe(15);
    expect(minutesUntil(10, 0)).toBe(0);
    expect(formatClock(Date.parse('2026-11-25T01:10:00Z'), AMS, 'nl-NL')).toBe('02:10');
  });
});

// Wednesday 26 November 2025, 14:00 in Amsterdam.
const T0 = Date.UTC(2025, 10, 26, 13, 0);

describe('the times shown to the owner (main and the renderer share these)', () => {
  it('formats a clock time in the zone, not the computer’s, and in the locale', () => {
    expect(formatClock(T0, AMS, 'en-GB')).toBe('14:00');
    expect(formatClock(T0, 'America/New_York', 'en-GB')).toBe('08:00');
    expect(formatClock(T0, AMS, 'en-US')).toMatch(/^02:00\sPM$/);
  });

  it('still gives a time for a locale this engine does not know', () => {
    expect(formatClock(T0, AMS, 'not a locale!')).toBe('14:00');
  });

  it.each([
    ['the same instant', T0, 0],
    ['00:30 in Amsterdam, still yesterday in UTC', Date.UTC(2025, 10, 25, 23, 30), 0],
    ['23:59 the evening before', Date.UTC(2025, 10, 25, 22, 59), -1],
    ['tomorrow morning', Date.UTC(2025, 10, 27, 6, 0), 1],
    ['across the clocks going back', Date.UTC(2025, 9, 25, 12, 0), -32],
    ['a year earlier', Date.UTC(2024, 10, 26, 13, 0), -365],
  ])('counts calendar days in the zone: %s', (_name, at, days) => {
    expect(calendarDaysBetween(T0, at, AMS)).toBe(days);
  });

  it('counts calendar days in the zone it is given', () => {
    // 03:00 UTC is the 27th in Amsterdam but still the 26th in New York.
    const at = Date.UTC(2025, 10, 27, 3, 0);
    expect(calendarDaysBetween(T0, at, AMS)).toBe(1);
    expect(calendarDaysBetween(T0, at, 'America/New_York')).toBe(0);
  });

  it('builds each formatter once per locale, zone and options', () => {
    const options: Intl.DateTimeFormatOptions = { weekday: 'short' };
    const first = cachedFormatter('en-GB', AMS, options);
    expect(cachedFormatter('en-GB', AMS, options)).toBe(first);
    expect(cachedFormatter('en-GB', 'UTC', options)).not.toBe(first);
    expect(cachedFormatter('en-GB', AMS, { weekday: 'short' })).not.toBe(first);
    expect(first.format(T0)).toBe('Wed');
  });

  it.each([
    ['Europe/Amsterdam', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('knows the time zone %s: %s', (zone, known) => {
    expect(isValidTimeZone(zone)).toBe(known);
  });
});
