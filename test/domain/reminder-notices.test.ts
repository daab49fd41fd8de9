import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../main/contract/model';
import { HOUR, MINUTE } from '../../main/domain/durations';
import { digestNotice, liveNotice, type CustomerFacts } from '../../main/domain/reminders/notices';
import { badgeWords } from '../../main/domain/reminders/text';
import type { DueReminder } from '../../main/domain/reminders/triage';

// 14:00 in Amsterdam (winter time, UTC+1).
const NOW = Date.UTC(2026, 0, 10, 13, 0);
const ZONE = 'Europe/Amsterdam';

function due(contactId: string, expiresAt: number, lead: number, shifted = false): DueReminder {
  const dueAt = expiresAt - lead * MINUTE;
  const reminder: Reminder = {
    id: `${contactId}:${expiresAt - 24 * HOUR}:${lead}`,
    contactId,
    leadMinutes: lead,
    windowOpenedAt: expiresAt - 24 * HOUR,
    expiresAt,
    dueAt,
    shifted,
  };
  return { contactId, reminder, at: dueAt };
}

const people: Record<string, CustomerFacts> = {
  anna: { name: 'Anna de Vries', lastCustomerText: 'Is the blue one\n back in stock?' },
  bram: { name: 'Bram Smit', lastCustomerText: null },
  gone: { name: null, lastCustomerText: null },
};
const facts = (id: string): CustomerFacts => people[id] ?? { name: null, lastCustomerText: null };
const args = { now: NOW, zone: ZONE, locale: 'nl-NL', facts };

describe('the notification for reminders shown now', () => {
  it('about one customer: who, the time left, and their last words', () => {
    expect(liveNotice([due('anna', NOW + 15 * MINUTE, 15)], args)).toEqual({
      kind: 'reminder',
      title: 'Anna de Vries — window closes in 15 min',
      body: "'Is the blue one back in stock?'",
      contactIds: ['anna'],
      reminderIds: [`anna:${NOW + 15 * MINUTE - 24 * HOUR}:15`],
    });
  });

  it('when the owner wrote last, the closing time in the owner’s zone', () => {
    const notice = liveNotice([due('bram', NOW + 60 * MINUTE, 60)], args);
    expect(notice).toMatchObject({ title: 'Bram Smit — window closes in 60 min', body: 'Closes at 15:00.' });
  });

  it('moved out of quiet hours: says so, or "closes in 4 h" reads like a mistake', () => {
    const planned = due('bram', NOW + 4 * HOUR, 60, true);
    // Moved from 17:00 (in quiet hours) to now.
    const shifted = { ...planned, reminder: { ...planned.reminder, dueAt: NOW }, at: NOW };
    expect(liveNotice([shifted], args)?.body).toBe('Closes at 18:00, during your quiet hours.');
    // Shown again after a snooze, it is no longer at the moved time: plain words.
    const snoozed = { ...shifted, at: NOW + 10 * MINUTE };
    expect(liveNotice([snoozed], { ...args, now: NOW + 10 * MINUTE })?.body).toBe('Closes at 18:00.');
  });

  it('a contact that is gone meanwhile is "A customer"', () => {
    expect(liveNotice([due('gone', NOW + 15 * MINUTE, 15)], args)?.title).toBe(
      'A customer — window closes in 15 min',
    );
  });

  it('several customers: one group notification, soonest closing first, every reminder listed', () => {
    const list = [
      due('bram', NOW + 18 * MINUTE, 15),
      due('anna', NOW + 15 * MINUTE, 15),
      due('anna', NOW + 15 * MINUTE, 14),
    ];
    expect(liveNotice(list, args)).toEqual({
      kind: 'group',
      title: '2 windows close in the next 18 min',
      body: 'Anna de Vries (15 min) and Bram Smit (18 min)',
      contactIds: ['anna', 'bram'],
      reminderIds: list.map((d) => d.reminder.id),
    });
  });

  it('nothing live: no notification', () => {
    expect(liveNotice([], args)).toBeNull();
  });
});

describe('the digest after time away', () => {
  it('counts closed windows, follow-ups ready and windows still open; names them in order', () => {
    const notice = digestNotice(
      [
        { contactId: 'anna', name: 'Anna', expiresAt: NOW - HOUR, followUpReady: true },
        { contactId: 'bram', name: 'Bram', expiresAt: NOW, followUpReady: false },
        { contactId: 'cor', name: 'Cor', expiresAt: NOW + 10 * MINUTE, followUpReady: false },
        { contactId: 'dirk', name: 'Dirk', expiresAt: null, followUpReady: false },
      ],
      ['anna:1:15'],
      NOW,
    );
    expect(notice).toEqual({
      kind: 'digest',
      title:
        'While you were away: 2 windows closed, 1 can get a follow-up; 1 window is still open and closing soon',
      body: 'Anna, Bram and Cor',
      contactIds: ['anna', 'bram', 'cor'],
      reminderIds: ['anna:1:15'],
    });
  });

  it('nothing left to mention: no digest', () => {
    const emptied = [{ contactId: 'dirk', name: 'Dirk', expiresAt: null, followUpReady: false }];
    expect(digestNotice(emptied, ['dirk:1:15'], NOW)).toBeNull();
    expect(digestNotice([], [], NOW)).toBeNull();
  });
});

describe('the badge description', () => {
  it.each([
    [0, 60, 'No windows closing soon'],
    [1, 60, '1 window closes within 60 min'],
    [3, 90, '3 windows close within 1 h 30 min'],
  ])('%i windows, lead %i min: %s', (count, lead, words) => {
    expect(badgeWords(count, lead)).toBe(words);
  });
});
