import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_NOTIFICATIONS, openReminderLog } from '../../main/store/reminder-log';
import { breakableFs, exists, T0, useTempDirs } from './store-test-kit';

const tempDir = useTempDirs();
const now = () => T0;

const note = (i: number) => ({
  id: `reminder:${i}`,
  at: T0 + i,
  kind: 'reminder' as const,
  title: `Customer ${i} — window closes in 15 min`,
  body: '',
  contactIds: [`c${i}`],
  reminderIds: [`c${i}:${T0}:15`],
  read: false,
});

describe('the reminder log (reminders.json)', () => {
  it('starts new, and reads back what was saved', async () => {
    const dir = await tempDir();
    const first = await openReminderLog(dir, { now });
    expect(first.state).toBe('new');
    expect(await exists(path.join(dir, 'reminders.json'))).toBe(false);
    first.markAwake(T0);
    first.recordOutcome('c1:1:15', { at: T0, how: 'shown', expiresAt: T0 + 1000 });
    first.snooze('c1:1:60', T0 + 600_000);
    first.addNotifications([note(1)]);
    await first.save();
    await first.close();

    const second = await openReminderLog(dir, { now });
    expect(second.state).toBe('ok');
    expect(second.problems).toEqual([]);
    expect(second.data).toEqual(first.data);
  });

  it('keeps only the newest notifications', async () => {
    const dir = await tempDir();
    const log = await openReminderLog(dir, { now });
    log.markAwake(T0);
    for (let i = 0; i < MAX_NOTIFICATIONS + 20; i++) log.addNotifications([note(i)]);
    await log.save();
    const again = await openReminderLog(dir, { now });
    expect(again.data.notifications).toHaveLength(MAX_NOTIFICATIONS);
    expect(again.data.notifications[0]?.id).toBe('reminder:20');
  });

  it('a damaged log is moved to corrupt/, reported, and started again empty (no backup to repeat from)', async () => {
    const dir = await tempDir();
    const log = await openReminderLog(dir, { now });
    log.markAwake(T0);
    await log.save();
    await log.save();
    expect(await exists(path.join(dir, 'reminders.json.bak'))).toBe(false);
    await writeFile(path.join(dir, 'reminders.json'), '{"schemaVersion":1,"awakeAt":12,"handled":{"x":');

    const rebuilt = await openReminderLog(dir, { now });
    expect(rebuilt.state).toBe('rebuilt');
    expect(rebuilt.data.handled).toEqual({});
    expect(rebuilt.problems).toHaveLength(1);
    expect(rebuilt.problems[0]?.message).toMatch(/record of reminders already shown .* damaged/);
    expect(rebuilt.problems[0]?.recovery).toMatch(/summarised once instead of being shown again/);
    expect(await readdir(path.join(dir, 'corrupt'))).toEqual([
      expect.stringMatching(/^reminders\..*\.json$/),
    ]);
    rebuilt.markAwake(T0);
    await rebuilt.save();
    expect((await openReminderLog(dir, { now })).state).toBe('ok');
  });

  it('a failed write rejects (the service logs it) and the next one succeeds', async () => {
    const dir = await tempDir();
    const { fs, failing } = breakableFs('ENOSPC');
    const log = await openReminderLog(dir, { now, fs });
    log.markAwake(T0);
    failing.on = true;
    await expect(log.save()).rejects.toThrow();
    failing.on = false;
    await log.save();
    await log.close();
    expect((await openReminderLog(dir, { now })).state).toBe('ok');
  });

  it('named operations: an outcome ends a snooze, silencing keeps an earlier outcome, old records are forgotten', async () => {
    const dir = await tempDir();
    const log = await openReminderLog(dir, { now });
    log.snooze('a:1:15', T0 + 600_000);
    log.recordOutcome('a:1:15', { at: T0, how: 'shown', expiresAt: T0 + 900_000 });
    expect(log.data.snoozed).toEqual({});
    expect(log.data.handled['a:1:15']).toEqual({ at: T0, how: 'shown', expiresAt: T0 + 900_000 });

    log.snooze('a:1:15', T0 + 600_000);
    log.silence('a:1:15', T0 + 1, T0 + 900_000);
    expect(log.data.snoozed).toEqual({});
    expect(log.data.handled['a:1:15']?.how).toBe('shown');
    log.silence('b:1:60', T0 + 1, T0 + 2000);
    expect(log.data.handled['b:1:60']).toEqual({ at: T0 + 1, how: 'skipped', expiresAt: T0 + 2000 });

    log.snooze('c:1:15', T0 + 500);
    log.forgetBefore(T0 + 2001);
    expect(Object.keys(log.data.handled)).toEqual(['a:1:15']);
    expect(log.data.snoozed).toEqual({});
  });

  it('marks notifications read by what the caller picks, and says whether any was unread', async () => {
    const dir = await tempDir();
    const log = await openReminderLog(dir, { now });
    log.addNotifications([note(1), note(2), note(3)]);
    expect(log.markRead((n) => n.contactIds.includes('c2'))).toBe(true);
    expect(log.markRead((n) => n.contactIds.includes('c2'))).toBe(false);
    expect(log.data.notifications.map((n) => n.read)).toEqual([false, true, false]);
    log.markAwake(T0);
    await log.save();
    const again = await openReminderLog(dir, { now });
    expect(again.data.notifications.map((n) => n.read)).toEqual([false, true, false]);
  });
});
