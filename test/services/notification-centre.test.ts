import { describe, expect, it } from 'vitest';
import { RecordingNotifier } from '../../main/platform/preview/recording-notifier';
import { NotificationCentreService } from '../../main/services/notification-centre';
import { openReminderLog } from '../../main/store/reminder-log';
import { RecordingPublisher, silentLog } from '../support/recorders';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const T0 = Date.UTC(2026, 2, 10, 14, 0);

async function centreOnDisk() {
  const dir = await tempDir();
  const log = await openReminderLog(dir, { now: () => T0 });
  const notifier = new RecordingNotifier();
  const publisher = new RecordingPublisher();
  const centre = new NotificationCentreService({ log, notifier, publisher, logger: silentLog });
  return { dir, log, notifier, publisher, centre };
}

const draft = (contactId: string) => ({
  kind: 'reminder' as const,
  title: `${contactId} — window closes in 15 min`,
  body: '',
  contactIds: [contactId],
  reminderIds: [`${contactId}:1:15`],
});

describe('the notification centre', () => {
  it('shows a notification on the desktop only once the save that recorded it has settled', async () => {
    const { log, notifier, centre } = await centreOnDisk();
    const fresh = [centre.stamp(draft('anna'), T0)];
    centre.keep(fresh);
    let finishSave: () => void = () => undefined;
    const written = new Promise<void>((resolve) => (finishSave = resolve));
    centre.showOnceWritten(fresh, written);
    await Promise.resolve();
    expect(notifier.shown).toEqual([]);
    expect(log.data.notifications.map((n) => n.title)).toEqual(['anna — window closes in 15 min']);
    finishSave();
    await centre.idle();
    expect(notifier.shown.map((n) => n.id)).toEqual([fresh[0]?.id]);
  });

  it('lists newest first; reading one is saved and published once; a click reads it and navigates', async () => {
    const { dir, log, notifier, publisher, centre } = await centreOnDisk();
    const fresh = [centre.stamp(draft('anna'), T0), centre.stamp(draft('bram'), T0 + 1)];
    centre.keep(fresh);
    centre.showOnceWritten(fresh, Promise.resolve());
    await centre.idle();
    const [anna, bram] = fresh;
    if (!anna || !bram) throw new Error('two notifications expected');
    expect(centre.snapshot()).toMatchObject({ unread: 2, badge: 0, desktop: { supported: true } });
    expect(centre.snapshot().notifications.map((n) => n.id)).toEqual([bram.id, anna.id]);

    expect(centre.markRead([anna.id]).unread).toBe(1);
    await Promise.resolve();
    expect(publisher.of('notifications:changed').at(-1)?.unread).toBe(1);
    await centre.close();
    await log.close();
    const reopened = await openReminderLog(dir, { now: () => T0 });
    expect(reopened.data.notifications.map((n) => n.read)).toEqual([true, false]);

    const again = new NotificationCentreService({
      log: reopened,
      notifier,
      publisher,
      logger: silentLog,
    });
    again.showOnceWritten([bram], Promise.resolve());
    await again.idle();
    expect(notifier.click(bram.id)).toBe(true);
    expect(again.snapshot().unread).toBe(0);
    expect(publisher.of('app:navigate').at(-1)).toEqual({ contactIds: ['bram'] });
  });

  it('sets the tray badge with its description only when the count changes', async () => {
    const { notifier, centre } = await centreOnDisk();
    centre.setBadge(2, 60);
    centre.setBadge(2, 90);
    await Promise.resolve();
    centre.setBadge(0, 90);
    await Promise.resolve();
    expect(notifier.badges).toEqual([
      { count: 2, description: '2 windows close within 1 h 30 min' },
      { count: 0, description: 'No windows closing soon' },
    ]);
  });
});
