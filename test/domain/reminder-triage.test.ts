import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../main/contract/model';
import { HOUR, MINUTE, SECOND } from '../../main/domain/durations';
import {
  cameLate,
  GROUP_SPAN,
  joinsGroup,
  onePerContact,
  STALE_AFTER,
  triage,
  type DueReminder,
} from '../../main/domain/reminders/triage';

const NOW = Date.UTC(2026, 2, 10, 14, 0);

/** A reminder `lead` minutes before a window closing at `expiresAt`, due at `at` (its snoozed time, if any). */
function due(contactId: string, at: number, expiresAt = at + 15 * MINUTE, lead = 15): DueReminder {
  const reminder: Reminder = {
    id: `${contactId}:${expiresAt - 24 * HOUR}:${lead}`,
    contactId,
    leadMinutes: lead,
    windowOpenedAt: expiresAt - 24 * HOUR,
    expiresAt,
    dueAt: expiresAt - lead * MINUTE,
    shifted: false,
  };
  return { contactId, reminder, at };
}

describe('triage of due reminders', () => {
  it.each([
    // what, due at, window closes, away, quiet now → where it goes
    ['on time', NOW, NOW + 15 * MINUTE, false, false, 'live'],
    ['just inside the stale limit', NOW - STALE_AFTER, NOW + 13 * MINUTE, false, false, 'live'],
    ['a moment past the stale limit', NOW - STALE_AFTER - 1, NOW + 13 * MINUTE, false, false, 'missed'],
    ['window already closed', NOW - SECOND, NOW, false, false, 'missed'],
    ['on time, but the app was away', NOW, NOW + 15 * MINUTE, true, false, 'missed'],
    ['on time in quiet hours (a snooze)', NOW, NOW + 15 * MINUTE, false, true, 'silenced'],
    ['stale in quiet hours', NOW - HOUR, NOW + 15 * MINUTE, false, true, 'missed'],
    ['away in quiet hours', NOW, NOW + 15 * MINUTE, true, true, 'missed'],
  ] as const)('%s → %s', (_what, at, expiresAt, away, quietNow, where) => {
    const d = due('anna', at, expiresAt);
    const sorted = triage([d], NOW, { away, quietNow });
    expect(sorted).toEqual({
      live: where === 'live' ? [d] : [],
      missed: where === 'missed' ? [d] : [],
      silenced: where === 'silenced' ? [d] : [],
    });
  });

  it('keeps every reminder exactly once, in the order given', () => {
    const list = [due('a', NOW), due('b', NOW - HOUR), due('c', NOW - SECOND), due('d', NOW - 3 * MINUTE)];
    const { live, missed, silenced } = triage(list, NOW, { away: false, quietNow: false });
    expect(live.map((d) => d.contactId)).toEqual(['a', 'c']);
    expect(missed.map((d) => d.contactId)).toEqual(['b', 'd']);
    expect(silenced).toEqual([]);
  });
});

describe('which reminders join a notification being shown now', () => {
  it.each([
    ['due now (already counted as due)', NOW, NOW + HOUR, false],
    ['due in a minute', NOW + MINUTE, NOW + HOUR, true],
    ['due at the end of the group span', NOW + GROUP_SPAN, NOW + HOUR, true],
    ['due just after the group span', NOW + GROUP_SPAN + 1, NOW + HOUR, false],
    ['its window closes now', NOW + MINUTE, NOW, false],
  ] as const)('%s: %s', (_what, at, expiresAt, joins) => {
    expect(joinsGroup(due('anna', at, expiresAt), NOW)).toBe(joins);
  });
});

describe('a wake-up that came late', () => {
  it.each([
    [MINUTE, false],
    [MINUTE + STALE_AFTER, false],
    [MINUTE + STALE_AFTER + 1, true],
    [8 * HOUR, true],
  ])('%i ms after the last one (heartbeat 1 min): %s', (gap, late) => {
    expect(cameLate(NOW + gap, NOW, MINUTE)).toBe(late);
  });
});

describe('one line per contact', () => {
  it('keeps each contact’s earliest reminder and puts the soonest closing window first', () => {
    const annaLater = due('anna', NOW + 2 * MINUTE, NOW + 60 * MINUTE, 58);
    const annaFirst = due('anna', NOW, NOW + 60 * MINUTE, 60);
    const bram = due('bram', NOW + MINUTE, NOW + 16 * MINUTE);
    expect(onePerContact([annaLater, bram, annaFirst])).toEqual([bram, annaFirst]);
  });
});
