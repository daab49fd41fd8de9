import { describe, expect, it } from 'vitest';
import type { CareWindow } from '../../main/contract/model';
import { DAY, HOUR, MINUTE, SECOND } from '../../main/domain/durations';
import { dateInputValue, dayHeading, startOfDayInZone, compactMoment } from '../../renderer/src/format/dates';
import { formatAgo, formatRemaining } from '../../renderer/src/format/durations';
import {
  closedPanelLead,
  countdownText,
  templateBlocker,
  windowEndLine,
} from '../../renderer/src/format/window-text';
import { T0 } from './moments';

const AMS = 'Europe/Amsterdam';

function win(partial: Partial<CareWindow>): CareWindow {
  return {
    state: 'open',
    openedAt: null,
    expiresAt: null,
    nextChangeAt: null,
    followUp: 'not-needed',
    followUpSentAt: null,
    ...partial,
  };
}

describe('formatRemaining', () => {
  it.each([
    [3 * HOUR + 12 * MINUTE, '3 h 12 min'],
    [3 * HOUR + 12 * MINUTE + 59 * SECOND, '3 h 12 min'],
    [2 * HOUR - 1, '1 h 59 min'],
    [2 * HOUR, '2 h'],
    [24 * HOUR, '24 h'],
    [HOUR, '1 h'],
    [HOUR - 1, '59 min'],
    [8 * MINUTE + 30 * SECOND, '8 min'],
    [5 * MINUTE, '5 min'],
    [5 * MINUTE - 1, '4 min 59 s'],
    [4 * MINUTE + 12 * SECOND, '4 min 12 s'],
    [MINUTE, '1 min 0 s'],
    [59 * SECOND, '59 s'],
    [59 * SECOND + 999, '59 s'],
    [999, '0 s'],
    [0, '0 s'],
    [-5 * SECOND, '0 s'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text);
  });
});

describe('formatAgo', () => {
  it.each([
    [0, 'just now'],
    [59 * SECOND, 'just now'],
    [MINUTE, '1 min ago'],
    [59 * MINUTE + 59 * SECOND, '59 min ago'],
    [HOUR, '1 h ago'],
    [2 * HOUR + 59 * MINUTE, '2 h ago'],
    [DAY - 1, '23 h ago'],
    [DAY, '1 day ago'],
    [3 * DAY + HOUR, '3 days ago'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatAgo(ms)).toBe(text);
  });
});

describe('countdownText (the "Window states" table)', () => {
  const cases: Array<[string, CareWindow, string]> = [
    ['open', win({ state: 'open', expiresAt: T0 + 3 * HOUR + 12 * MINUTE + 30 * SECOND }), '3 h 12 min left'],
    ['open, rounds down', win({ state: 'open', expiresAt: T0 + 2 * HOUR - SECOND }), '1 h 59 min left'],
    ['closing', win({ state: 'closing', expiresAt: T0 + 8 * MINUTE + 10 * SECOND }), 'closes in 8 min'],
    ['closing, exactly 5 min', win({ state: 'closing', expiresAt: T0 + 5 * MINUTE }), 'closes in 5 min'],
    [
      'closing, under 5 min',
      win({ state: 'closing', expiresAt: T0 + 4 * MINUTE + 12 * SECOND }),
      'closes in 4 min 12 s',
    ],
    ['closing, 59 s', win({ state: 'closing', expiresAt: T0 + 59 * SECOND }), 'closes in 59 s'],
    ['closing, at 0', win({ state: 'closing', expiresAt: T0 }), 'closes in 0 s'],
    [
      'closed, follow-up ready',
      win({ state: 'closed', expiresAt: T0 - 2 * HOUR - 5 * MINUTE, followUp: 'ready' }),
      'closed 2 h ago · follow-up ready',
    ],
    [
      'closed, no opt-in',
      win({ state: 'closed', expiresAt: T0 - HOUR, followUp: 'no-opt-in' }),
      'closed · no opt-in',
    ],
    [
      'closed, opted out',
      win({ state: 'closed', expiresAt: T0 - HOUR, followUp: 'opted-out' }),
      'closed · opted out',
    ],
    [
      'awaiting reply, today',
      win({
        state: 'awaiting-reply',
        expiresAt: T0 - 5 * HOUR,
        followUp: 'sent',
        followUpSentAt: Date.UTC(2025, 10, 26, 9, 2),
      }),
      'template sent 10:02',
    ],
    [
      'awaiting reply, yesterday',
      win({
        state: 'awaiting-reply',
        expiresAt: T0 - DAY,
        followUp: 'sent',
        followUpSentAt: Date.UTC(2025, 10, 25, 9, 2),
      }),
      'template sent yesterday 10:02',
    ],
    ['never wrote', win({ state: 'none', followUp: 'ready' }), 'never wrote'],
  ];
  it.each(cases)('%s', (_name, window, text) => {
    expect(countdownText(window, T0, 'en-GB', AMS)).toBe(text);
  });
});

describe('exact times in the owner’s locale and zone', () => {
  it.each([
    [T0 - HOUR, 'Today'],
    // 00:30 today in Amsterdam is still today there, although it is yesterday in UTC.
    [Date.UTC(2025, 10, 25, 23, 30), 'Today'],
    [Date.UTC(2025, 10, 25, 22, 59), 'Yesterday'],
    [Date.UTC(2025, 10, 24, 15, 0), 'Mon 24 Nov'],
    [Date.UTC(2024, 10, 26, 15, 0), 'Tue, 26 Nov 2024'],
  ])('day heading for %i is %s', (at, text) => {
    expect(dayHeading(at, T0, 'en-GB', AMS)).toBe(text);
  });

  it('says when the window closes or closed', () => {
    const closesToday = win({ state: 'closing', expiresAt: Date.UTC(2025, 10, 26, 15, 5) });
    expect(windowEndLine(closesToday, T0, 'en-GB', AMS, null)).toBe('Window closes today at 16:05');
    expect(windowEndLine(closesToday, T0, 'en-GB', AMS, AMS)).toBe(
      'Window closes today at 16:05 (Europe/Amsterdam)',
    );
    const closedYesterday = win({ state: 'closed', expiresAt: Date.UTC(2025, 10, 25, 8, 12) });
    expect(windowEndLine(closedYesterday, T0, 'en-GB', AMS, null)).toBe('Window closed yesterday at 09:12');
    const closesThursday = win({ state: 'open', expiresAt: Date.UTC(2025, 10, 27, 9, 0) });
    expect(windowEndLine(closesThursday, T0 - DAY, 'en-GB', AMS, null)).toBe(
      'Window closes Thu 27 Nov at 10:00',
    );
    expect(windowEndLine(win({ state: 'none' }), T0, 'en-GB', AMS, null)).toBeNull();
  });

  it('follows the locale', () => {
    expect(compactMoment(Date.UTC(2025, 10, 20, 9, 0), T0, 'nl-NL', AMS)).toBe('do 20 nov');
  });

  it('turns an opt-in date into the start of that day in the owner’s zone and back', () => {
    const at = startOfDayInZone('2025-11-26', AMS);
    expect(at).toBe(Date.UTC(2025, 10, 25, 23, 0));
    expect(dateInputValue(at ?? 0, AMS)).toBe('2025-11-26');
    // Summer time: Amsterdam is UTC+2.
    expect(startOfDayInZone('2025-07-01', AMS)).toBe(Date.UTC(2025, 5, 30, 22, 0));
    // The day the clocks go forward still starts at local midnight.
    expect(startOfDayInZone('2025-03-30', AMS)).toBe(Date.UTC(2025, 2, 29, 23, 0));
    expect(startOfDayInZone('2025-11-26', 'America/New_York')).toBe(Date.UTC(2025, 10, 26, 5, 0));
    expect(startOfDayInZone('not a date', AMS)).toBeNull();
    expect(startOfDayInZone('2025-02-30', AMS)).toBeNull();
    expect(startOfDayInZone('2025-13-01', AMS)).toBeNull();
  });

  it('starts a day whose midnight does not exist at the first minute it has', () => {
    // Santiago's clocks jump from 00:00 to 01:00 on 7 September 2025.
    expect(startOfDayInZone('2025-09-07', 'America/Santiago')).toBe(Date.UTC(2025, 8, 7, 4, 0));
  });
});

describe('the calm panel that replaces the composer', () => {
  it.each([
    [
      'closed, ready',
      win({ state: 'closed', expiresAt: T0 - 3 * HOUR, followUp: 'ready' }),
      'The 24-hour window closed 3 h ago. You can send one approved template to continue.',
      null,
    ],
    [
      'closed, no opt-in',
      win({ state: 'closed', expiresAt: T0 - 3 * HOUR, followUp: 'no-opt-in' }),
      'The 24-hour window closed 3 h ago.',
      'no-opt-in',
    ],
    [
      'awaiting reply',
      win({
        state: 'awaiting-reply',
        expiresAt: T0 - 5 * HOUR,
        followUp: 'sent',
        followUpSentAt: Date.UTC(2025, 10, 26, 9, 2),
      }),
      'Follow-up sent at 10:02. You can write again when the customer replies.',
      null,
    ],
    [
      'never wrote',
      win({ state: 'none', followUp: 'opted-out' }),
      'This customer has not written yet. Only an approved template can start the conversation.',
      'opted-out',
    ],
  ])('%s', (_name, window, lead, blocker) => {
    expect(closedPanelLead(window, T0, 'en-GB', AMS)).toBe(lead);
    expect(templateBlocker(window)).toBe(blocker);
  });

  it('is not shown while the window is open', () => {
    expect(closedPanelLead(win({ state: 'open', expiresAt: T0 + HOUR }), T0, 'en-GB', AMS)).toBeNull();
  });
});
