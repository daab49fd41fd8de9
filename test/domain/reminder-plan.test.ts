import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BUSINESS_HOURS,
  DEFAULT_SETTINGS,
  type BusinessDay,
  type Settings,
} from '../../main/contract/model';
import { rowOf } from '../../main/domain/contact-row';
import { DAY, HOUR, MINUTE } from '../../main/domain/durations';
import {
  calendarFor,
  contactIdOfReminder,
  isRemindable,
  leadTimes,
  planReminders,
  reminderId,
  type ReminderRules,
} from '../../main/domain/reminders/plan';
import { BusinessCalendar, hasBusinessTime } from '../../main/domain/reminders/quiet-hours';
import {
  digestWords,
  durationText,
  groupWords,
  namesText,
  reminderWords,
} from '../../main/domain/reminders/text';
import { wallClockAt } from '../../main/domain/zoned-time';

const AMS = 'Europe/Amsterdam';
const contact = { id: 'maria', muted: false };

/** Open 09:00–22:00 every day. */
const LATE_SHOP: (BusinessDay | null)[] = Array.from({ length: 7 }, () => ({ start: '09:00', end: '22:00' }));

function rules(patch: Partial<ReminderRules> = {}): ReminderRules {
  return {
    reminderLeadMinutes: [60, 15],
    remindOnlyWhenWaiting: true,
    businessHours: DEFAULT_BUSINESS_HOURS,
    quietHoursEnabled: false,
    timeZone: AMS,
    ...patch,
  };
}

function plan(lastInboundAt: number, r: ReminderRules = rules(), lastOutboundAt: number | null = null) {
  return planReminders(contact, { lastInboundAt, lastOutboundAt }, r, calendarFor(r));
}

/** "HH:MM" of an instant in Amsterdam. */
const local = (t: number) => {
  const w = wallClockAt(t, AMS);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
};

const INBOUND = Date.parse('2026-11-24T14:20:00Z');

describe('the reminder plan', () => {
  it('plans one reminder per lead time before the window closes, with stable ids', () => {
    const reminders = plan(INBOUND);
    expect(reminders).toEqual([
      {
        id: `maria:${INBOUND}:60`,
        contactId: 'maria',
        leadMinutes: 60,
        windowOpenedAt: INBOUND,
        expiresAt: INBOUND + DAY,
        dueAt: INBOUND + DAY - HOUR,
        shifted: false,
      },
      expect.objectContaining({ id: `maria:${INBOUND}:15`, dueAt: INBOUND + DAY - 15 * MINUTE }),
    ]);
    expect(plan(INBOUND)).toEqual(reminders);
    expect(reminderId('a:b', 5, 60)).toBe('a:b:5:60');
    expect(contactIdOfReminder('a:b:5:60')).toBe('a:b');
    expect(contactIdOfReminder('nonsense')).toBeNull();
  });

  it('a new inbound message starts a new window: new ids, the old ones are gone', () => {
    const first = plan(INBOUND).map((r) => r.id);
    const second = plan(INBOUND + 3 * HOUR).map((r) => r.id);
    expect(second.some((id) => first.includes(id))).toBe(false);
  });

  it('overlapping windows of different contacts are planned independently', () => {
    const r = rules();
    const a = planReminders(
      { id: 'a', muted: false },
      { lastInboundAt: INBOUND, lastOutboundAt: null },
      r,
      calendarFor(r),
    );
    const b = planReminders(
      { id: 'b', muted: false },
      { lastInboundAt: INBOUND + 2 * MINUTE, lastOutboundAt: null },
      r,
      calendarFor(r),
    );
    expect(a.map((x) => x.dueAt)).toEqual(b.map((x) => x.dueAt - 2 * MINUTE));
    expect(new Set([...a, ...b].map((x) => x.id)).size).toBe(4);
  });

  it('nothing for a muted contact or a customer who never wrote', () => {
    const r = rules();
    expect(
      planReminders(
        { id: 'm', muted: true },
        { lastInboundAt: INBOUND, lastOutboundAt: null },
        r,
        calendarFor(r),
      ),
    ).toEqual([]);
    expect(planReminders(contact, { lastInboundAt: null, lastOutboundAt: null }, r, calendarFor(r))).toEqual(
      [],
    );
  });

  it('"only when the customer is waiting": an answer after their last message means no reminder', () => {
    expect(plan(INBOUND, rules(), INBOUND + MINUTE)).toEqual([]);
    // An answer to an earlier message does not count.
    expect(plan(INBOUND, rules(), INBOUND - MINUTE)).toHaveLength(2);
    // Off: every open window is reminded.
    expect(plan(INBOUND, rules({ remindOnlyWhenWaiting: false }), INBOUND + MINUTE)).toHaveLength(2);
    expect(
      isRemindable(
        { muted: false },
        { lastInboundAt: 1, lastOutboundAt: 1 },
        { remindOnlyWhenWaiting: true },
      ),
    ).toBe(false);
  });

  it('lead times: largest first, duplicates once, a lead of the whole window fires as it opens', () => {
    expect(leadTimes({ reminderLeadMinutes: [15, 60, 15, 0, -5, 2000] })).toEqual([60, 15]);
    const full = plan(INBOUND, rules({ reminderLeadMinutes: [1440] }));
    expect(full.map((r) => r.dueAt)).toEqual([INBOUND]);
    expect(plan(INBOUND, rules({ reminderLeadMinutes: [] }))).toEqual([]);
  });

  it('a contact is planned one reminder per lead time, and its row shows the one the service names', () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, timeZone: AMS };
    const activity = {
      lastInboundAt: INBOUND,
      lastOutboundAt: null,
      lastFollowUpAt: null,
      lastMessage: null,
      messageCount: 1,
    };
    const full = {
      id: 'maria',
      name: 'Maria',
      phone: '+31612345678',
      notes: '',
      fields: {},
      optIn: { status: 'opted-in' as const, at: null, source: null, proof: '' },
      optInHistory: [],
      optInRequestedAt: null,
      muted: false,
      createdAt: INBOUND,
      updatedAt: INBOUND,
    };
    // The plan the reminder service keeps per contact: the 60-minute warning, then the 15-minute one.
    const plan = planReminders(full, activity, settings, calendarFor(settings));
    expect(plan.map((r) => [r.dueAt, r.leadMinutes, r.shifted])).toEqual([
      [INBOUND + DAY - HOUR, 60, false],
      [INBOUND + DAY - 15 * MINUTE, 15, false],
    ]);
    // The row shows what the reminder service says is next (it knows snoozes), and nothing without it.
    const snoozed = { dueAt: 1, leadMinutes: 60, shifted: false };
    expect(rowOf(full, activity, settings, INBOUND, snoozed).nextReminder).toBe(snoozed);
    expect(rowOf(full, activity, settings, INBOUND).nextReminder).toBeNull();
  });
});

describe('quiet hours', () => {
  const quiet = (patch: Partial<ReminderRules> = {}) =>
    rules({ quietHoursEnabled: true, businessHours: LATE_SHOP, ...patch });

  it('a window closing at 02:10 is reminded at 21:59, the last minute of business hours', () => {
    // Closes Thursday 26 Nov 02:10 in Amsterdam (01:10Z): both leads fall in quiet hours.
    const inbound = Date.parse('2026-11-25T01:10:00Z');
    const reminders = plan(inbound, quiet());
    expect(reminders).toHaveLength(1);
    const [only] = reminders;
    expect(only).toMatchObject({ leadMinutes: 60, shifted: true });
    expect(local(only?.dueAt ?? 0)).toBe('21:59');
    expect(only?.dueAt).toBe(Date.parse('2026-11-25T20:59:00Z'));
  });

  it('a window still open when business starts (with 10 minutes to spare) is reminded at opening time', () => {
    // Closes 09:30: the 60-minute reminder (08:30) moves to 09:00, the 15-minute one (09:15) stays.
    const inbound = Date.parse('2026-11-25T08:30:00Z');
    const reminders = plan(inbound, quiet());
    expect(reminders.map((r) => [local(r.dueAt), r.leadMinutes, r.shifted])).toEqual([
      ['09:00', 60, true],
      ['09:15', 15, false],
    ]);
  });

  it('a window closing just after opening time is reminded the evening before instead', () => {
    // Closes 09:05: 09:00 would leave 5 minutes, so both move to 21:59 the day before and fire once.
    const inbound = Date.parse('2026-11-25T08:05:00Z');
    const reminders = plan(inbound, quiet());
    expect(reminders.map((r) => [local(r.dueAt), r.leadMinutes, r.shifted])).toEqual([['21:59', 60, true]]);
  });

  it('never moves a reminder to before the window opened: a window entirely in quiet hours gets none', () => {
    // Sunday closed; Saturday closes at 17:00 (defaults). Opened Sunday 01:00, closes Monday 01:00.
    const inbound = Date.parse('2026-11-29T00:00:00Z');
    expect(plan(inbound, quiet({ businessHours: DEFAULT_BUSINESS_HOURS }))).toEqual([]);
  });

  it('quiet hours spanning midnight: a shop open 18:00–02:00 is not quiet at 01:00 but is at 03:00', () => {
    const bar: (BusinessDay | null)[] = Array.from({ length: 7 }, () => ({ start: '18:00', end: '02:00' }));
    const calendar = new BusinessCalendar({ businessHours: bar, quietHoursEnabled: true }, AMS);
    expect(calendar.isQuiet(Date.parse('2026-11-25T00:00:00Z'))).toBe(false); // 01:00
    expect(calendar.isQuiet(Date.parse('2026-11-25T02:00:00Z'))).toBe(true); // 03:00
    expect(calendar.isQuiet(Date.parse('2026-11-25T16:59:00Z'))).toBe(true); // 17:59
    expect(calendar.isQuiet(Date.parse('2026-11-25T17:00:00Z'))).toBe(false); // 18:00
    // A 60-minute reminder due at 02:30 moves back to 01:59.
    const reminders = plan(
      Date.parse('2026-11-25T02:30:00Z'),
      quiet({ businessHours: bar, reminderLeadMinutes: [60] }),
    );
    expect(reminders.map((r) => local(r.dueAt))).toEqual(['01:59']);
  });

  it('is computed in the owner’s zone on both sides of the spring-forward night', () => {
    // Closes Sunday 29 March 03:10 CEST (01:10Z). 01:10 CET is quiet: moved to Saturday 21:59 CET (20:59Z).
    const inbound = Date.parse('2026-03-28T01:10:00Z');
    const [reminder] = plan(inbound, quiet({ reminderLeadMinutes: [60] }));
    expect(reminder?.dueAt).toBe(Date.parse('2026-03-28T20:59:00Z'));
    // The window itself is exact elapsed time: 24 h, although the wall clock moved 25 h.
    expect(reminder?.expiresAt).toBe(inbound + DAY);
  });

  it('is computed in the owner’s zone on the fall-back morning', () => {
    // Sunday 25 October: business starts 09:00 CET = 08:00Z (the day before it was 07:00Z).
    const inbound = Date.parse('2026-10-24T08:30:00Z'); // closes 09:30 CET
    const reminders = plan(inbound, quiet());
    expect(reminders.map((r) => r.dueAt)).toEqual([
      Date.parse('2026-10-25T08:00:00Z'),
      Date.parse('2026-10-25T08:15:00Z'),
    ]);
    expect(reminders.map((r) => local(r.dueAt))).toEqual(['09:00', '09:15']);
  });

  it('follows the zone in settings, not the computer’s', () => {
    const inbound = Date.parse('2026-11-25T01:10:00Z');
    const [ny] = plan(inbound, quiet({ timeZone: 'America/New_York' }));
    // 01:10Z is 20:10 in New York: inside business hours there, not moved.
    expect(ny?.shifted).toBe(false);
  });

  it('business hours ending at a time the DST change skips end at the first valid moment after it', () => {
    const saturdayLate: (BusinessDay | null)[] = [
      null,
      null,
      null,
      null,
      null,
      null,
      { start: '20:00', end: '02:30' },
    ];
    const calendar = new BusinessCalendar({ businessHours: saturdayLate, quietHoursEnabled: true }, AMS);
    const [period] = calendar.periodsBetween(
      Date.parse('2026-03-28T12:00:00Z'),
      Date.parse('2026-03-29T12:00:00Z'),
    );
    // 20:00 CET Saturday to 02:30 Sunday, which does not exist: 03:30 CEST (01:30Z).
    expect(period).toEqual([Date.parse('2026-03-28T19:00:00Z'), Date.parse('2026-03-29T01:30:00Z')]);
  });

  it('is off unless enabled, and a week without business time is recognised', () => {
    const calendar = new BusinessCalendar({ businessHours: LATE_SHOP, quietHoursEnabled: false }, AMS);
    expect(calendar.isQuiet(Date.parse('2026-11-25T02:00:00Z'))).toBe(false);
    expect(hasBusinessTime([null, null, null, null, null, null, null])).toBe(false);
    expect(hasBusinessTime(DEFAULT_BUSINESS_HOURS)).toBe(true);
  });

  it('property: every reminder is inside its window, outside quiet hours, in order, with unique ids', () => {
    const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }));
    const time = clock.map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const day = fc.option(
      fc
        .tuple(time, time)
        .filter(([s, e]) => s !== e)
        .map(([start, end]) => ({ start, end })),
      { nil: null },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') }),
        fc.uniqueArray(fc.integer({ min: 1, max: 1440 }), { maxLength: 6 }),
        fc.array(day, { minLength: 7, maxLength: 7 }),
        fc.constantFrom(AMS, 'America/New_York', 'Australia/Sydney', 'UTC'),
        (inbound, leads, hours, zone) => {
          const r = rules({
            reminderLeadMinutes: leads,
            businessHours: hours,
            quietHoursEnabled: true,
            timeZone: zone,
          });
          const calendar = calendarFor(r);
          const reminders = planReminders(
            contact,
            { lastInboundAt: inbound, lastOutboundAt: null },
            r,
            calendar,
          );
          let previous = -Infinity;
          for (const reminder of reminders) {
            expect(reminder.dueAt).toBeGreaterThanOrEqual(inbound);
            expect(reminder.dueAt).toBeLessThan(inbound + DAY);
            expect(calendar.isQuiet(reminder.dueAt)).toBe(false);
            expect(reminder.dueAt).toBeGreaterThan(previous);
            expect(reminder.shifted).toBe(reminder.dueAt !== inbound + DAY - reminder.leadMinutes * MINUTE);
            previous = reminder.dueAt;
          }
          expect(new Set(reminders.map((x) => x.id)).size).toBe(reminders.length);
          expect(
            planReminders(contact, { lastInboundAt: inbound, lastOutboundAt: null }, r, calendar),
          ).toEqual(reminders);
          // Without quiet hours, every lead that fits the window is planned, unmoved.
          const plain = planReminders(
            contact,
            { lastInboundAt: inbound, lastOutboundAt: null },
            { ...r, quietHoursEnabled: false },
            calendarFor({ ...r, quietHoursEnabled: false }),
          );
          expect(plain).toHaveLength(new Set(leads).size);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('notification words', () => {
  it('says who, how long is left, and what the customer last wrote', () => {
    expect(
      reminderWords({
        name: 'Maria Jansen',
        expiresAt: 15 * MINUTE,
        now: 0,
        lastCustomerText: 'Is the blue one back in stock?',
        closesAt: '15:35',
        shifted: false,
      }),
    ).toEqual({
      title: 'Maria Jansen — window closes in 15 min',
      body: "'Is the blue one back in stock?'",
    });
    expect(
      reminderWords({
        name: 'Piet',
        expiresAt: 4 * HOUR + 11 * MINUTE,
        now: 0,
        lastCustomerText: null,
        closesAt: '02:10',
        shifted: true,
      }),
    ).toEqual({
      title: 'Piet — window closes in 4 h 11 min',
      body: 'Closes at 02:10, during your quiet hours.',
    });
    expect(durationText(60)).toBe('60 min');
    expect(durationText(120)).toBe('2 h');
    expect(durationText(0)).toBe('1 min');
  });

  it('groups and digests read as one sentence', () => {
    const windows = [
      { name: 'C', expiresAt: 18 * MINUTE },
      { name: 'A', expiresAt: 15 * MINUTE },
      { name: 'B', expiresAt: 16 * MINUTE },
    ];
    expect(groupWords({ windows, now: 0 })).toEqual({
      title: '3 windows close in the next 18 min',
      body: 'A (15 min), B (16 min) and C (18 min)',
    });
    expect(namesText(['A', 'B', 'C', 'D', 'E'])).toBe('A, B and 3 more');
    expect(digestWords({ closed: 4, followUps: 2, stillOpen: 0, names: ['A'] }).title).toBe(
      'While you were away: 4 windows closed, 2 can get a follow-up',
    );
    expect(digestWords({ closed: 1, followUps: 0, stillOpen: 2, names: [] }).title).toBe(
      'While you were away: 1 window closed; 2 windows are still open and closing soon',
    );
  });
});
