import type { Activity, Contact, Settings } from '../../main/contract/model';
import { DEFAULT_SETTINGS } from '../../main/contract/model';
import { DAY, MINUTE } from '../../main/domain/durations';
import { silentNotifier } from '../../main/services/notifier';
import { ReminderService, type ReminderSource } from '../../main/services/reminders';
import { memoryReminderLog } from '../../main/store/reminder-log';
import { measure, report, type Figure } from './measure';
import { WindowWatcher } from '../../main/services/window-watcher';

/** A workspace in memory: the reminder service reads nothing else. */
function source(
  contacts: readonly Contact[],
  activities: Map<string, Activity>,
  settings: Settings,
): ReminderSource {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  return {
    contacts: () => contacts,
    contact: (id) => byId.get(id),
    activity: (id) => activities.get(id) ?? NONE,
    settings: () => ({ ...settings }),
  };
}

const NONE: Activity = {
  lastInboundAt: null,
  lastOutboundAt: null,
  lastFollowUpAt: null,
  lastMessage: null,
  messageCount: 0,
};

/**
 * The reminder plan for every contact from cold (a new service: plan, index, reconcile with the log), and
 * the incremental reschedule after one inbound message, both against the same run's plain loop.
 */
export async function benchReminders(
  contacts: readonly Contact[],
  now: number,
  plain: Figure,
  floorName = 'plain loop',
): Promise<void> {
  // Every window open, customers written at spread-out moments of the last day; a third already answered.
  const activities = new Map<string, Activity>();
  contacts.forEach((c, i) => {
    const lastInboundAt = now - ((i * 8_641_000) % DAY);
    activities.set(c.id, {
      lastInboundAt,
      lastOutboundAt: i % 3 === 0 ? lastInboundAt + MINUTE : null,
      lastFollowUpAt: null,
      lastMessage: { text: 'Is the blue one back in stock?', at: lastInboundAt, direction: 'inbound' },
      messageCount: 1,
    });
  });
  const settings = (): Settings => ({
    ...DEFAULT_SETTINGS,
    timeZone: 'Europe/Amsterdam',
    quietHoursEnabled: true,
    // A new array each time, so the business calendar is built from cold too.
    businessHours: DEFAULT_SETTINGS.businessHours.map((d) => (d ? { ...d } : null)),
  });
  const deps = (store: ReminderSource) => ({
    store,
    log: memoryReminderLog(now),
    clock: { now: () => now },
    scheduler: { at: () => ({ cancel: () => undefined }) },
    publisher: { publish: () => undefined },
    notifier: silentNotifier('bench'),
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    systemLocale: 'en-GB',
    systemTimeZone: 'Europe/Amsterdam',
    rowsChanged: () => undefined,
  });

  const cold = await measure(() => {
    const service = new ReminderService(deps(source(contacts, activities, settings())));
    service.start();
    return service;
  }, 20);
  report(`plan reminders, ${contacts.length.toLocaleString('en')} contacts (cold)`, cold, floorName, plain);

  const service = new ReminderService(deps(source(contacts, activities, settings())));
  service.start();
  // The window watcher is re-told the contact's next state change on the same path.
  const watcher = new WindowWatcher(
    { at: () => ({ cancel: () => undefined }) },
    () => now,
    () => undefined,
  );
  watcher.trackAll(contacts.map((c, i) => [c.id, now + (i % 1440) * 60_000]));
  let n = 0;
  const oneMessage = await measure(
    () => {
      const contact = contacts[(n * 7919) % contacts.length];
      if (!contact) return;
      n++;
      const before = activities.get(contact.id) ?? NONE;
      activities.set(contact.id, {
        ...before,
        lastInboundAt: now - (n % 1000),
        messageCount: before.messageCount + 1,
      });
      service.contactChanged(contact.id);
      watcher.track(contact.id, now + 23 * 3_600_000 + (n % 1000));
    },
    2000,
    50,
  );
  report('reschedule after one inbound message (reminders + window watcher)', oneMessage, floorName, plain);
}
