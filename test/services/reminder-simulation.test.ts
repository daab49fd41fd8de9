import { afterEach, describe, expect, it } from 'vitest';
import type { AppNotification, BusinessDay, Settings } from '../../main/contract/model';
import { DAY, HOUR } from '../../main/domain/durations';
import { calendarFor, planReminders } from '../../main/domain/reminders/plan';
import type { BusinessCalendar } from '../../main/domain/reminders/quiet-hours';
import { GROUP_SPAN } from '../../main/domain/reminders/triage';
import { FakeClock } from '../support/fake-clock';
import { useTempDirs } from '../support/temp-dir';
import { startApp, T0, type Harness } from './harness';

/**
 * 24 simulated hours of random traffic for 500 contacts, checked against an independent account of
 * which reminders were due: every due reminder shown exactly once, at its time (or up to GROUP_SPAN
 * early, grouped), never after its window closed, never in quiet hours; with a restart in the middle,
 * nothing twice and what fell due while the app was closed in exactly one digest.
 */

const tempDir = useTempDirs();
const running: Harness[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.app.close()));
});

const CONTACTS = 500;
const EVENTS = 1500;
const OPEN: BusinessDay = { start: '08:00', end: '22:00' };
const HOURS: (BusinessDay | null)[] = [{ start: '10:00', end: '16:00' }, OPEN, OPEN, OPEN, OPEN, OPEN, OPEN];

/** A small seeded PRNG (mulberry32): the same traffic on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Said {
  at: number;
  inbound: boolean;
}

/** What the test knows independently: every message of every contact, and when the app first saw it. */
class Traffic {
  readonly messages = new Map<string, Said[]>();
  /** When the app was told about each contact's first message (the initial ones arrive at T0, dated earlier). */
  readonly learnedAt = new Map<string, number>();

  add(contactId: string, said: Said, learnedAt: number): void {
    const list = this.messages.get(contactId) ?? [];
    list.push(said);
    this.messages.set(contactId, list);
    if (!this.learnedAt.has(contactId)) this.learnedAt.set(contactId, learnedAt);
  }

  /** The contact's activity as of `t` (messages at or before it). */
  activityAt(contactId: string, t: number) {
    let lastInboundAt: number | null = null;
    let lastOutboundAt: number | null = null;
    for (const m of this.messages.get(contactId) ?? []) {
      if (m.at > t) continue;
      if (m.inbound) lastInboundAt = Math.max(lastInboundAt ?? m.at, m.at);
      else lastOutboundAt = Math.max(lastOutboundAt ?? m.at, m.at);
    }
    return { lastInboundAt, lastOutboundAt };
  }
}

interface Expectation {
  id: string;
  contactId: string;
  dueAt: number;
  expiresAt: number;
}

function plannedAt(
  traffic: Traffic,
  contactId: string,
  t: number,
  rules: Settings,
  calendar: BusinessCalendar,
) {
  return planReminders({ id: contactId, muted: false }, traffic.activityAt(contactId, t), rules, calendar);
}

/** Every reminder that was due: planned before its time, and still planned when its time came. */
function dueReminders(
  traffic: Traffic,
  rules: Settings,
  calendar: BusinessCalendar,
  until: number,
): Map<string, Expectation> {
  const due = new Map<string, Expectation>();
  for (const [contactId, messages] of traffic.messages) {
    const learned = traffic.learnedAt.get(contactId) ?? T0;
    for (const m of messages) {
      // Each message may start a plan; a reminder counts if the plan at its due time still has it.
      for (const r of plannedAt(traffic, contactId, Math.max(m.at, learned), rules, calendar)) {
        if (r.dueAt > until || due.has(r.id)) continue;
        const knownSince = Math.max(r.windowOpenedAt, learned);
        if (r.dueAt <= knownSince) continue;
        const stillPlanned = plannedAt(traffic, contactId, r.dueAt, rules, calendar).some(
          (p) => p.id === r.id && p.dueAt === r.dueAt,
        );
        if (stillPlanned) due.set(r.id, { id: r.id, contactId, dueAt: r.dueAt, expiresAt: r.expiresAt });
      }
    }
  }
  return due;
}

async function realApp(dir: string, clock?: FakeClock): Promise<Harness> {
  const h = await startApp(dir, clock);
  running.push(h);
  if ((await h.app.handlers.workspace.info()).kind !== 'real') {
    await h.app.handlers.workspace.startReal();
    await h.app.handlers.settings.update({
      timeZone: 'Europe/Amsterdam',
      quietHoursEnabled: true,
      businessHours: HOURS,
    });
    await h.app.session().reminders.idle();
    h.notifier.clear();
  }
  return h;
}

/** Runs random traffic from the clock's current time up to `end`. */
async function traffic(
  h: Harness,
  log: Traffic,
  phones: string[],
  ids: Map<string, string>,
  rnd: () => number,
  end: number,
  count: number,
): Promise<void> {
  const start = h.clock.now();
  const times = Array.from({ length: count }, () => start + Math.floor(rnd() * (end - start)))
    .filter((t) => t > start)
    .sort((a, b) => a - b);
  for (const t of times) {
    h.clock.advance(t - h.clock.now());
    const phone = phones[Math.floor(rnd() * phones.length)] ?? '';
    const contactId = ids.get(phone) ?? '';
    const now = h.clock.now();
    const row = await h.app.handlers.contacts.get(contactId);
    const open = row.window.state === 'open' || row.window.state === 'closing';
    if (rnd() < 0.3 && open) {
      await h.app.handlers.conversation.sendText(contactId, 'Thanks, we are on it.');
      log.add(contactId, { at: now, inbound: false }, now);
    } else {
      await h.app.simulator?.deliver({ from: phone, profileName: null, text: `Question at ${now}`, at: now });
      log.add(contactId, { at: now, inbound: true }, now);
    }
  }
  h.clock.advance(end - h.clock.now());
  await h.app.session().reminders.idle();
}

/** 500 customers whose last message came some time in the day before T0. */
async function customers(h: Harness, log: Traffic, rnd: () => number) {
  const phones: string[] = [];
  const ids = new Map<string, string>();
  for (let i = 0; i < CONTACTS; i++) {
    const phone = `+3162${String(i).padStart(7, '0')}`;
    const at = T0 - Math.floor(rnd() * 23 * HOUR);
    await h.app.simulator?.deliver({ from: phone, profileName: `Customer ${i}`, text: 'Hello', at });
    const contact = h.app.session().store.contactByPhone(phone);
    if (!contact) throw new Error('the contact was not created');
    phones.push(phone);
    ids.set(phone, contact.id);
    log.add(contact.id, { at, inbound: true }, h.clock.now());
  }
  return { phones, ids };
}

function liveIds(shown: readonly AppNotification[]): Map<string, AppNotification[]> {
  const byId = new Map<string, AppNotification[]>();
  for (const n of shown) {
    if (n.kind === 'digest') continue;
    for (const id of n.reminderIds) byId.set(id, [...(byId.get(id) ?? []), n]);
  }
  return byId;
}

function checkLive(
  shown: readonly AppNotification[],
  log: Traffic,
  rules: Settings,
  calendar: BusinessCalendar,
): void {
  for (const n of shown.filter((x) => x.kind !== 'digest')) {
    expect(calendar.isQuiet(n.at), `notification at ${new Date(n.at).toISOString()} in quiet hours`).toBe(
      false,
    );
    for (const id of n.reminderIds) {
      const contactId = id.slice(0, id.indexOf(':'));
      const planned = plannedAt(log, contactId, n.at, rules, calendar).find((r) => r.id === id);
      expect(planned, `${id} shown at ${n.at} while not planned`).toBeDefined();
      if (!planned) continue;
      expect(n.at).toBeLessThan(planned.expiresAt);
      expect(n.at).toBeGreaterThanOrEqual(planned.dueAt - GROUP_SPAN);
      expect(n.at).toBeLessThanOrEqual(planned.dueAt);
    }
  }
}

describe('24 simulated hours, 500 contacts, random traffic', () => {
  it('every due reminder is shown exactly once, on time, never after its window closed or in quiet hours', async () => {
    const h = await realApp(await tempDir());
    const rnd = random(20261124);
    const log = new Traffic();
    const { phones, ids } = await customers(h, log, rnd);
    await traffic(h, log, phones, ids, rnd, T0 + DAY, EVENTS);

    const rules = await h.app.handlers.settings.get();
    const calendar = calendarFor(rules);
    const due = dueReminders(log, rules, calendar, T0 + DAY);
    const shown = h.notifier.shown;
    const byId = liveIds(shown);

    expect(due.size).toBeGreaterThan(200);
    expect(shown.some((n) => n.kind === 'group')).toBe(true);
    expect(shown.filter((n) => n.kind === 'digest')).toEqual([]);
    for (const expected of due.values()) {
      expect(byId.get(expected.id)?.length ?? 0, `${expected.id} due at ${expected.dueAt}`).toBe(1);
    }
    for (const [id, notes] of byId) {
      expect(notes, `${id} shown more than once`).toHaveLength(1);
      // Shown but not due: only a reminder pulled forward into a group that the customer's reply
      // (or a new message) made moot before its own time.
      if (!due.has(id)) expect(notes[0]?.kind).toBe('group');
    }
    checkLive(shown, log, rules, calendar);
  }, 120_000);

  it('a restart in the middle repeats nothing and puts what fell due meanwhile in one digest', async () => {
    const dir = await tempDir();
    const rnd = random(7);
    const log = new Traffic();
    const first = await realApp(dir);
    const { phones, ids } = await customers(first, log, rnd);
    // Closed from 19:20 to 21:20 in Amsterdam: business hours, so reminders fall due meanwhile.
    const closedAt = T0 + 4 * HOUR;
    await traffic(first, log, phones, ids, rnd, closedAt, EVENTS / 6);
    await first.app.close();
    running.splice(running.indexOf(first), 1);

    const restartAt = closedAt + 2 * HOUR;
    const second = await realApp(dir, new FakeClock(restartAt));
    await second.app.session().reminders.idle();
    const digests = second.notifier.shown.filter((n) => n.kind === 'digest');
    expect(digests).toHaveLength(1);
    await traffic(second, log, phones, ids, rnd, T0 + DAY, (EVENTS * 5) / 6);

    const rules = await second.app.handlers.settings.get();
    const calendar = calendarFor(rules);
    const due = dueReminders(log, rules, calendar, T0 + DAY);
    const shown = [...first.notifier.shown, ...second.notifier.shown];
    const byId = liveIds(shown);
    const digested = new Set(digests.flatMap((d) => d.reminderIds));
    expect(shown.filter((n) => n.kind === 'digest')).toHaveLength(1);

    let missed = 0;
    for (const expected of due.values()) {
      const live = byId.get(expected.id)?.length ?? 0;
      if (expected.dueAt > closedAt && expected.dueAt <= restartAt && live === 0) {
        missed++;
        expect(digested.has(expected.id), `${expected.id} fell due while closed`).toBe(true);
      } else {
        expect(live, `${expected.id} due at ${expected.dueAt}`).toBe(1);
        expect(digested.has(expected.id)).toBe(false);
      }
    }
    expect(missed).toBeGreaterThan(10);
    for (const [id, notes] of byId) expect(notes, `${id} shown more than once`).toHaveLength(1);
    checkLive(shown, log, rules, calendar);
    // Nothing shown live for a reminder due while the app was closed.
    for (const n of second.notifier.shown.filter((x) => x.kind !== 'digest')) {
      expect(n.at).toBeGreaterThanOrEqual(restartAt);
    }
  }, 120_000);
});
