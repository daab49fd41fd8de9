import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../main/domain/durations';
import { backupsToKeep, type DatedBackup } from '../../main/domain/backup-retention';
import {
  automaticBackupDue,
  CATCH_UP_AGE,
  NIGHTLY_MIN_AGE,
  nextQuietTime,
} from '../../main/domain/backup-schedule';
import { localDateAt } from '../../main/domain/zoned-time';

const AMS = 'Europe/Amsterdam';
const SYDNEY = 'Australia/Sydney';

/** Backups named by the owner's wall-clock time, e.g. "2026-01-25T03:00+01:00". */
const backups = (...times: string[]): DatedBackup[] =>
  times.map((t) => ({ id: t, createdAt: Date.parse(t) }));
const kept = (list: DatedBackup[], now: string, zone = AMS) =>
  [...backupsToKeep(list, Date.parse(now), zone)].sort();

describe('which backups are kept: the newest of each of the last 7 days and of the last 4 weeks', () => {
  it.each([
    {
      name: 'across a month end: the 7 newest days, plus the newest of the week before',
      list: [25, 26, 27, 28, 29, 30, 31]
        .map((d) => `2026-01-${d}T03:00+01:00`)
        .concat(['01', '02', '03'].map((d) => `2026-02-${d}T03:00+01:00`)),
      now: '2026-02-03T12:00+01:00',
      zone: AMS,
      // Tue 3 Feb; weeks start Mon 2 Feb, Mon 26 Jan, Mon 19 Jan (Sun 25 Jan is its newest).
      removed: ['2026-01-26T03:00+01:00', '2026-01-27T03:00+01:00'],
    },
    {
      name: 'across a year end, two a day: only the later one of each day',
      list: [
        '2026-12-28',
        '2026-12-29',
        '2026-12-30',
        '2026-12-31',
        '2027-01-01',
        '2027-01-02',
        '2027-01-03',
        '2027-01-04',
        '2027-01-05',
      ].flatMap((d) => [`${d}T03:00+01:00`, `${d}T15:00+01:00`]),
      now: '2027-01-05T18:00+01:00',
      zone: AMS,
      removed: [
        ...[
          '2026-12-28',
          '2026-12-29',
          '2026-12-30',
          '2026-12-31',
          '2027-01-01',
          '2027-01-02',
          '2027-01-03',
          '2027-01-04',
          '2027-01-05',
        ].map((d) => `${d}T03:00+01:00`),
        '2026-12-28T15:00+01:00',
        '2026-12-29T15:00+01:00',
      ],
    },
    {
      name: 'spring forward: 23:30 and 00:30 the night the clocks change are two days, not one',
      list: ['23', '24', '25', '26', '27', '28', '29']
        .map((d) => `2026-03-${d}T00:30+01:00`)
        .concat('2026-03-28T23:30+01:00', '2026-03-30T00:30+02:00', '2026-03-31T00:30+02:00'),
      now: '2026-03-31T12:00+02:00',
      zone: AMS,
      // Days kept: 31, 30, 29, 28 (its 23:30), 27, 26, 25; weeks: Mon 30 Mar, Mon 23 Mar (newest Sun 29).
      removed: ['2026-03-23T00:30+01:00', '2026-03-24T00:30+01:00', '2026-03-28T00:30+01:00'],
    },
    {
      name: 'fall back: the two 02:30s of the longest night are the same day',
      list: ['2026-10-20T03:00+02:00', '2026-10-25T02:30+02:00', '2026-10-25T02:30+01:00'],
      now: '2026-10-25T12:00+01:00',
      zone: AMS,
      removed: ['2026-10-25T02:30+02:00'],
    },
    {
      name: 'a day is the owner’s day, not UTC’s: Sydney’s 08:00 and 20:00 are one day there',
      // 2026-06-10T08:00+10:00 is 9 June in UTC.
      list: ['2026-06-10T08:00+10:00', '2026-06-10T20:00+10:00', '2026-06-09T20:00+10:00'],
      now: '2026-06-10T21:00+10:00',
      zone: SYDNEY,
      removed: ['2026-06-10T08:00+10:00'],
    },
    {
      name: 'an owner away for a month still has the last backups (counted over days that have one)',
      list: ['2026-04-01T03:00+02:00', '2026-04-02T03:00+02:00', '2026-04-03T03:00+02:00'],
      now: '2026-05-15T12:00+02:00',
      zone: AMS,
      removed: [],
    },
  ])('$name', ({ list, now, zone, removed }) => {
    const all = backups(...list);
    const expected = all
      .map((b) => b.id)
      .filter((id) => !removed.includes(id))
      .sort();
    expect(kept(all, now, zone)).toEqual(expected);
  });

  it('keeps 7 daily and 4 weekly over two months of nightly backups, and nothing else', () => {
    // Thu 1 Jan … Sun 1 Mar 2026, every night at 03:00.
    const start = Date.parse('2026-01-01T03:00+01:00');
    const all = Array.from({ length: 60 }, (_, i) => ({
      id: new Date(start + i * DAY).toISOString().slice(0, 10),
      createdAt: start + i * DAY,
    }));
    const keep = [...backupsToKeep(all, start + 60 * DAY, AMS)].sort();
    // Daily: Mon 23 Feb … Sun 1 Mar; weekly: the Sundays ending the four newest weeks (1 Mar is one of them).
    const daily = [
      '2026-02-23',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
    ];
    const weekly = ['2026-02-08', '2026-02-15', '2026-02-22'];
    expect(keep).toEqual([...weekly, ...daily].sort());
  });

  it('never removes the newest backup, nor one dated after now (the clock was set back)', () => {
    const all = backups('2026-05-01T03:00+02:00', '2027-05-01T03:00+02:00');
    expect(kept(all, '2026-05-02T12:00+02:00')).toEqual(all.map((b) => b.id).sort());
    expect(kept([], '2026-05-02T12:00+02:00')).toEqual([]);
  });
});

describe('when the automatic backup runs', () => {
  it.each([
    ['an ordinary afternoon: tonight at 03:00', '2026-06-10T15:00+02:00', '2026-06-11T03:00+02:00'],
    ['just before the quiet time: a minute later', '2026-06-10T02:59+02:00', '2026-06-10T03:00+02:00'],
    ['exactly at it: the next night', '2026-06-10T03:00+02:00', '2026-06-11T03:00+02:00'],
    [
      'the night the clocks go forward (03:00 exists, as CEST)',
      '2026-03-28T15:00+01:00',
      '2026-03-29T03:00+02:00',
    ],
    ['the night the clocks go back', '2026-10-24T15:00+02:00', '2026-10-25T03:00+01:00'],
    ['across a year end', '2026-12-31T22:00+01:00', '2027-01-01T03:00+01:00'],
  ])('%s', (_name, now, expected) => {
    const at = nextQuietTime(Date.parse(now), AMS);
    expect(new Date(at).toISOString()).toBe(new Date(expected).toISOString());
    expect(localDateAt(at, AMS)).toEqual(localDateAt(Date.parse(expected), AMS));
  });

  it('catches up at start after a day, skips the night after a recent "Back up now"', () => {
    const now = Date.parse('2026-06-10T12:00Z');
    expect(automaticBackupDue(null, now, CATCH_UP_AGE)).toBe(true);
    expect(automaticBackupDue(now - DAY, now, CATCH_UP_AGE)).toBe(true);
    expect(automaticBackupDue(now - DAY + 1, now, CATCH_UP_AGE)).toBe(false);
    expect(automaticBackupDue(now - HOUR, now, NIGHTLY_MIN_AGE)).toBe(false);
    expect(automaticBackupDue(now - 7 * HOUR, now, NIGHTLY_MIN_AGE)).toBe(true);
    // A backup "from the future" does not count as recent.
    expect(automaticBackupDue(now + HOUR, now, CATCH_UP_AGE)).toBe(true);
  });
});
