import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../main/contract/errors';
import type { BusinessDay, ContactDraft } from '../../main/contract/model';
import { DAY, HOUR, MINUTE } from '../../main/domain/durations';
import { workspaceDir } from '../../main/store/workspace-paths';
import { FakeClock } from '../support/fake-clock';
import { useTempDirs } from '../support/temp-dir';
import { templateDraft } from '../support/templates';
import { startApp, T0, type Harness } from './harness';

const tempDir = useTempDirs();
const running: Harness[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.app.close()));
});

async function realApp(dir?: string, clock?: FakeClock): Promise<Harness> {
  const h = await startApp(dir ?? (await tempDir()), clock);
  running.push(h);
  if ((await h.app.handlers.workspace.info()).kind !== 'real') {
    await h.app.handlers.workspace.startReal();
    // Quiet hours (on by default) have their own tests below; these follow the plain timing.
    await h.app.handlers.settings.update({ timeZone: 'Europe/Amsterdam', quietHoursEnabled: false });
    await idle(h);
    h.notifier.clear();
  }
  await idle(h);
  return h;
}

async function stop(h: Harness): Promise<void> {
  await h.app.close();
  running.splice(running.indexOf(h), 1);
}

const idle = (h: Harness) => h.app.session().reminders.idle();

let phoneCounter = 0;
/** A customer (opted in) who writes `text` at `at`. Returns the contact id. */
async function customer(h: Harness, name: string, text: string, at = h.clock.now()): Promise<string> {
  phoneCounter++;
  const draft: ContactDraft = {
    name,
    phone: `+316${String(10_000_000 + phoneCounter).slice(-8)}`,
    notes: '',
    fields: {},
    optIn: { status: 'opted-in', at: null, source: 'in-store', proof: '' },
  };
  const row = await h.app.handlers.contacts.create(draft);
  await writes(h, row.contact.id, text, at);
  return row.contact.id;
}

async function writes(h: Harness, contactId: string, text: string, at = h.clock.now()): Promise<void> {
  const contact = await h.app.handlers.contacts.get(contactId);
  await h.app.simulator?.deliver({ from: contact.contact.phone, profileName: null, text, at });
  // The owner has seen it: the badge then counts windows closing soon only (unread messages add to it).
  await h.app.handlers.contacts.markRead(contactId);
  await idle(h);
}

/** Moves the fake clock as time passing would (each timer at its moment), then lets the app catch up. */
async function wait(h: Harness, ms: number): Promise<void> {
  h.clock.advance(ms);
  await idle(h);
}

const titles = (h: Harness) => h.notifier.shown.map((n) => n.title);

async function rejection(call: unknown): Promise<AppError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}

describe('reminders before a window closes', () => {
  it('warns 60 and 15 minutes before close with who, time left and the last words; never after', async () => {
    const h = await realApp();
    const id = await customer(h, 'Maria Jansen', 'Is the blue one back in stock?');
    expect((await h.app.handlers.contacts.get(id)).nextReminder).toEqual({
      dueAt: T0 + DAY - HOUR,
      leadMinutes: 60,
      shifted: false,
    });

    await wait(h, DAY - HOUR - 1);
    expect(h.notifier.shown).toEqual([]);
    expect(h.notifier.badge.count).toBe(0);
    await wait(h, 1);
    expect(h.notifier.shown).toEqual([
      expect.objectContaining({
        kind: 'reminder',
        at: T0 + DAY - HOUR,
        title: 'Maria Jansen — window closes in 60 min',
        body: "'Is the blue one back in stock?'",
        contactIds: [id],
        reminderIds: [`${id}:${T0}:60`],
        read: false,
      }),
    ]);
    expect(h.notifier.badge).toEqual({ count: 1, description: '1 window closes within 60 min' });
    expect((await h.app.handlers.contacts.get(id)).nextReminder?.leadMinutes).toBe(15);

    await wait(h, 45 * MINUTE);
    expect(titles(h)).toEqual([
      'Maria Jansen — window closes in 60 min',
      'Maria Jansen — window closes in 15 min',
    ]);
    await wait(h, 15 * MINUTE);
    expect(h.notifier.badge.count).toBe(0);
    await wait(h, 2 * DAY);
    expect(h.notifier.shown).toHaveLength(2);
    expect((await h.app.handlers.contacts.get(id)).nextReminder).toBeNull();

    const centre = await h.app.handlers.notifications.centre();
    expect(centre.unread).toBe(2);
    expect(centre.notifications.map((n) => n.title)[0]).toBe('Maria Jansen — window closes in 15 min');
    const after = await h.app.handlers.notifications.markRead(centre.notifications.map((n) => n.id));
    expect(after.unread).toBe(0);
    expect(h.publisher.of('notifications:changed').at(-1)?.unread).toBe(0);
  });

  it('reminds only while the customer waits for an answer, unless that setting is off', async () => {
    const h = await realApp();
    const id = await customer(h, 'Piet Bakker', 'Do you deliver?');
    await h.app.handlers.conversation.sendText(id, 'Yes, on Fridays.');
    await idle(h);
    expect((await h.app.handlers.contacts.get(id)).nextReminder).toBeNull();
    await wait(h, DAY - 30 * MINUTE);
    expect(h.notifier.shown).toEqual([]);

    // Off: every open window is reminded; the 60-minute one is already past and is not shown late.
    await h.app.handlers.settings.update({ remindOnlyWhenWaiting: false });
    expect((await h.app.handlers.contacts.get(id)).nextReminder?.leadMinutes).toBe(15);
    await wait(h, 30 * MINUTE);
    expect(titles(h)).toEqual(['Piet Bakker — window closes in 15 min']);
    // The last message was the owner's, so the body gives the closing time instead of a quote.
    expect(h.notifier.shown[0]?.body).toBe('Closes at 15:20.');
  });

  it('a muted contact is not reminded; unmuting brings back only reminders still ahead', async () => {
    const h = await realApp();
    const id = await customer(h, 'Sanne de Vries', 'Hello?');
    const muted = await h.app.handlers.contacts.setMuted(id, true);
    expect(muted.contact.muted).toBe(true);
    expect(muted.nextReminder).toBeNull();
    await wait(h, DAY - 30 * MINUTE);
    expect(h.notifier.shown).toEqual([]);
    // Muted means no reminders, but the window is still "Closing": the badge counts what the chip counts.
    expect(h.notifier.badge.count).toBe(1);
    const unmuted = await h.app.handlers.contacts.setMuted(id, false);
    expect(unmuted.nextReminder?.leadMinutes).toBe(15);
    await wait(h, HOUR);
    expect(titles(h)).toEqual(['Sanne de Vries — window closes in 15 min']);
  });

  it('windows closing within a few minutes of each other make one notification; a click opens them', async () => {
    const h = await realApp();
    const a = await customer(h, 'Anna', 'a');
    await wait(h, MINUTE);
    const b = await customer(h, 'Bram', 'b');
    await wait(h, 2 * MINUTE);
    const c = await customer(h, 'Cor', 'c');
    await wait(h, 10 * MINUTE);
    const d = await customer(h, 'Dirk', 'd');

    await wait(h, DAY - HOUR - 13 * MINUTE);
    expect(h.notifier.shown).toEqual([
      expect.objectContaining({
        kind: 'group',
        title: '3 windows close in the next 1 h 3 min',
        body: 'Anna (60 min), Bram (1 h 1 min) and Cor (1 h 3 min)',
        contactIds: [a, b, c],
      }),
    ]);
    // Only Anna's window is within the hour yet; Bram's and Cor's follow within 3 minutes.
    expect(h.notifier.badge.count).toBe(1);
    await wait(h, 13 * MINUTE);
    expect(h.notifier.shown.map((n) => [n.kind, n.contactIds])).toEqual([
      ['group', [a, b, c]],
      ['reminder', [d]],
    ]);
    expect(h.notifier.badge.count).toBe(4);

    const group = h.notifier.shown[0];
    expect(h.notifier.click(group?.id ?? '')).toBe(true);
    expect(h.publisher.of('app:navigate').at(-1)).toEqual({ contactIds: [a, b, c] });
    const centre = await h.app.handlers.notifications.centre();
    expect(centre.notifications.find((n) => n.id === group?.id)?.read).toBe(true);
    expect(centre.unread).toBe(1);
  });

  it('snoozing for 10 minutes shows it once more; "next lead" waits for the next lead time', async () => {
    const h = await realApp();
    const id = await customer(h, 'Maria', 'Hi');
    await wait(h, DAY - HOUR);
    const first = h.notifier.shown[0];
    expect(first?.kind).toBe('reminder');
    expect(await h.app.handlers.reminders.snooze(first?.id ?? '', '10-minutes')).toBeNull();
    expect((await h.app.handlers.contacts.get(id)).nextReminder).toEqual({
      dueAt: h.clock.now() + 10 * MINUTE,
      leadMinutes: 60,
      shifted: false,
    });
    expect((await h.app.handlers.notifications.centre()).unread).toBe(0);
    await wait(h, 10 * MINUTE);
    expect(titles(h)).toEqual(['Maria — window closes in 60 min', 'Maria — window closes in 50 min']);
    expect(h.notifier.shown[1]?.reminderIds).toEqual(first?.reminderIds);

    await h.app.handlers.reminders.snooze(h.notifier.shown[1]?.reminderIds[0] ?? '', 'next-lead');
    await wait(h, 34 * MINUTE);
    expect(h.notifier.shown).toHaveLength(2);
    await wait(h, MINUTE);
    expect(titles(h).at(-1)).toBe('Maria — window closes in 15 min');
    const unknown = await rejection(
      (async () => h.app.handlers.reminders.snooze('nobody:1:60', '10-minutes'))(),
    );
    expect(unknown.code).toBe('not-found');
  });

  it('a snooze that would end after the window closes silences the reminder', async () => {
    const h = await realApp();
    await customer(h, 'Maria', 'Hi');
    await h.app.handlers.settings.update({ reminderLeadMinutes: [5] });
    await wait(h, DAY - 5 * MINUTE);
    const [shown] = h.notifier.shown;
    await h.app.handlers.reminders.snooze(shown?.id ?? '', '10-minutes');
    await wait(h, HOUR);
    expect(h.notifier.shown).toHaveLength(1);
  });

  it('upcoming lists the next 24 hours in firing order', async () => {
    const h = await realApp();
    const a = await customer(h, 'Anna', 'a', T0 - 2 * HOUR);
    const b = await customer(h, 'Bram', 'b', T0 - 3 * HOUR);
    const upcoming = await h.app.handlers.reminders.upcoming();
    expect(upcoming.map((r) => [r.contactId, r.leadMinutes])).toEqual([
      [b, 60],
      [b, 15],
      [a, 60],
      [a, 15],
    ]);
    expect(upcoming[0]?.dueAt).toBe(T0 - 3 * HOUR + DAY - HOUR);
  });

  it('a lead time added when it is already past is not shown late; bad lead times are refused', async () => {
    const h = await realApp();
    await customer(h, 'Maria', 'Hi', T0 - DAY + 90 * MINUTE);
    await h.app.handlers.settings.update({ reminderLeadMinutes: [120, 60, 15] });
    expect((await h.app.handlers.settings.get()).reminderLeadMinutes).toEqual([120, 60, 15]);
    await wait(h, 31 * MINUTE);
    expect(titles(h)).toEqual(['Maria — window closes in 60 min']);

    const error = await rejection(h.app.handlers.settings.update({ reminderLeadMinutes: [60, 60] }));
    expect(error.code).toBe('invalid-input');
    expect(error.fields?.reminderLeadMinutes).toMatch(/listed twice/);
    const allQuiet = Array.from({ length: 7 }, (): BusinessDay | null => null);
    const quiet = await rejection(
      h.app.handlers.settings.update({ quietHoursEnabled: true, businessHours: allQuiet }),
    );
    expect(quiet.fields?.businessHours).toMatch(/whole week/);
  });

  it('never in quiet hours: a window closing at 02:10 is reminded at 21:59', async () => {
    const h = await realApp();
    const hours = Array.from({ length: 7 }, (): BusinessDay => ({ start: '09:00', end: '22:00' }));
    await h.app.handlers.settings.update({ quietHoursEnabled: true, businessHours: hours });
    // Wednesday 25 November, 02:10 in Amsterdam.
    await wait(h, Date.parse('2026-11-25T01:10:00Z') - T0);
    const id = await customer(h, 'Night Owl', 'Still open?');
    const due = Date.parse('2026-11-25T20:59:00Z');
    expect((await h.app.handlers.contacts.get(id)).nextReminder).toEqual({
      dueAt: due,
      leadMinutes: 60,
      shifted: true,
    });
    await wait(h, DAY);
    expect(h.notifier.shown).toEqual([
      expect.objectContaining({
        at: due,
        title: 'Night Owl — window closes in 4 h 11 min',
        body: "Closes at 02:10, during your quiet hours. · 'Still open?'",
      }),
    ]);
  });

  it('says so when the OS does not show notifications, and keeps them in the centre', async () => {
    const h = await realApp();
    h.notifier.setSupported(false, 'Notifications are off for CareWindow.');
    await idle(h);
    expect(h.publisher.of('notifications:changed').at(-1)?.desktop).toEqual({
      supported: false,
      reason: 'Notifications are off for CareWindow.',
    });
    await customer(h, 'Maria', 'Hi');
    await wait(h, DAY - HOUR);
    expect(h.notifier.shown).toEqual([]);
    const centre = await h.app.handlers.notifications.centre();
    expect(centre.notifications.map((n) => n.title)).toEqual(['Maria — window closes in 60 min']);
    expect(centre.desktop.supported).toBe(false);
  });
});

describe('never lost, never doubled', () => {
  /** Anna's window closes at T0 + 1h30, Bram's at T0 + 4h. */
  async function twoCustomers(h: Harness) {
    const anna = await customer(h, 'Anna', 'Is it ready?', T0 - 22 * HOUR - 30 * MINUTE);
    const bram = await customer(h, 'Bram', 'Can I pick it up?', T0 - 20 * HOUR);
    return { anna, bram };
  }

  it('a restart shows nothing twice, and what fell due while closed becomes one digest', async () => {
    const dir = await tempDir();
    const first = await realApp(dir);
    const { anna, bram } = await twoCustomers(first);
    await wait(first, 31 * MINUTE);
    expect(titles(first)).toEqual(['Anna — window closes in 60 min']);
    await stop(first);

    // Back 3 hours later: Anna's 15-minute reminder and Bram's 60-minute one fell due meanwhile.
    const second = await realApp(dir, new FakeClock(T0 + 3 * HOUR + 31 * MINUTE));
    expect(second.notifier.shown).toEqual([
      expect.objectContaining({
        kind: 'digest',
        // This workspace has no template, so no follow-up can go: the digest says what the list says.
        title: 'While you were away: 1 window closed; 1 window is still open and closing soon',
        body: 'Anna and Bram',
        contactIds: [anna, bram],
        reminderIds: expect.arrayContaining([`${anna}:${T0 - 22 * HOUR - 30 * MINUTE}:15`]) as unknown,
      }),
    ]);
    expect(second.notifier.shown[0]?.reminderIds).toHaveLength(2);
    // Bram's 15-minute reminder still comes, live.
    await wait(second, DAY);
    expect(titles(second).slice(1)).toEqual(['Bram — window closes in 15 min']);
    const centre = await second.app.handlers.notifications.centre();
    expect(centre.notifications.map((n) => n.kind)).toEqual(['reminder', 'digest', 'reminder']);
  });

  it('a quick restart right after a reminder does not show it again', async () => {
    const dir = await tempDir();
    const first = await realApp(dir);
    await twoCustomers(first);
    await wait(first, 30 * MINUTE);
    expect(first.notifier.shown).toHaveLength(1);
    await stop(first);
    const second = await realApp(dir, new FakeClock(T0 + 30 * MINUTE + 10_000));
    await wait(second, MINUTE);
    expect(second.notifier.shown).toEqual([]);
  });

  it('after sleep, stale reminders become one digest, not a burst', async () => {
    const h = await realApp();
    // A template that fills for everyone: a follow-up can go, so the digest counts both.
    await h.app.handlers.templates.save(templateDraft({ body: 'Any news?', mapping: {} }));
    await twoCustomers(h);
    // The computer sleeps for 5 hours: node-schedule's timers fire late, then powerMonitor reports resume.
    h.clock.jump(5 * HOUR);
    h.app.clockChanged();
    await idle(h);
    expect(h.notifier.shown.map((n) => [n.kind, n.title])).toEqual([
      ['digest', 'While you were away: 2 windows closed, 2 can get a follow-up'],
    ]);
    expect(h.notifier.shown[0]?.reminderIds).toHaveLength(4);
    await wait(h, DAY);
    expect(h.notifier.shown).toHaveLength(1);
  });

  it('a damaged reminder log is set aside; reminders already due are summarised, never shown', async () => {
    const dir = await tempDir();
    const first = await realApp(dir);
    const { anna } = await twoCustomers(first);
    await wait(first, 31 * MINUTE);
    await stop(first);
    await writeFile(
      path.join(workspaceDir(dir, 'real'), 'reminders.json'),
      '{"schemaVersion": 1, "handled": {',
    );

    // One minute after Anna's 15-minute reminder fell due: it is not shown late, nor is the 60-minute one again.
    const second = await realApp(dir, new FakeClock(T0 + HOUR + 16 * MINUTE));
    expect(second.notifier.shown.map((n) => n.kind)).toEqual(['digest']);
    expect(second.notifier.shown[0]?.contactIds).toEqual([anna]);
    expect(second.notifier.shown[0]?.title).toBe(
      'While you were away: 1 window is still open and closing soon',
    );
    const info = await second.app.handlers.workspace.info();
    expect(info.problems.map((p) => p.file)).toEqual([expect.stringMatching(/reminders\.json$/)]);
    await wait(second, 3 * HOUR);
    expect(titles(second).slice(1)).toEqual([
      'Bram — window closes in 60 min',
      'Bram — window closes in 15 min',
    ]);
  });

  it('a new workspace (or the demo) never starts with a digest', async () => {
    const h = await startApp(await tempDir());
    running.push(h);
    await h.app.session().reminders.idle();
    expect(h.notifier.shown).toEqual([]);
    // The demo has windows closing soon: its badge counts them.
    expect(h.notifier.badge.count).toBeGreaterThan(0);
  });
});
