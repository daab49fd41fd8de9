import { AppError } from '../contract/errors';
import type { DataProblem, NotificationCentre, Reminder } from '../contract/model';
import { CARE_WINDOW, MINUTE } from '../domain/durations';
import { liveNotice, type NoticeDraft } from '../domain/reminders/notices';
import { contactIdOfReminder, type NextReminder } from '../domain/reminders/plan';
import { cameLate, GROUP_SPAN, joinsGroup, triage, type DueReminder } from '../domain/reminders/triage';
import type { ReminderLog } from '../store/reminder-log';
import { NotificationCentreService } from './notification-centre';
import type { Notifier } from './notifier';
import type { Cancellable, Clock, Logger, Publisher, Scheduler } from './ports';
import { ReminderJournal } from './reminder-journal';
import { ReminderPlans, type KnownContact, type ReminderSource } from './reminder-plans';

export type { ReminderSource };

/** The service wakes at least this often, so it notices a sleep or a clock jump by itself. */
export const HEARTBEAT = MINUTE;
export const SNOOZE_MINUTES = 10;
/** How often the "still awake" mark is written while nothing else is. */
const AWAKE_WRITE_EVERY = 10 * MINUTE;

export interface ReminderDeps {
  store: ReminderSource;
  log: ReminderLog;
  clock: Clock;
  scheduler: Scheduler;
  publisher: Publisher;
  notifier: Notifier;
  logger: Logger;
  /** For closing times in notification text when the owner has not picked a language. */
  systemLocale: string;
  /** The computer's time zone (tests pin it); defaults to what Intl reports. */
  systemTimeZone?: string;
  /** Contacts whose next reminder changed without the contact changing (one fired, one was snoozed). */
  rowsChanged: (contactIds: string[]) => void;
}

/**
 * Reminders before windows close, for one workspace. The plan (domain/reminders/plan.ts), which due
 * reminders are shown, missed or silenced (triage.ts) and their words (notices.ts) are pure; this service
 * keeps each contact's plan, wakes when something is due, records it in the reminder log so a restart
 * never shows one twice, and hands notifications to the notification centre.
 *
 * - One timer, at the earliest moment anything is due (a reminder, a badge change) or the heartbeat,
 *   whichever is first; a change to one contact re-plans that contact only (O(log n)).
 * - A reminder that fell due while the app was closed or the computer slept (noticed at start, on
 *   resume/unlock, on a clock jump, or by a heartbeat that came late) is never shown late: it goes into
 *   one digest, with the windows that closed meanwhile.
 * - A reminder that only became known after its due time (a lead time added later, a window planned
 *   from a message delivered late) is never shown.
 */
export class ReminderService {
  readonly notifications: NotificationCentreService;
  private readonly plans: ReminderPlans;
  private readonly journal: ReminderJournal;
  private lastWake: number;
  private timer: Cancellable | null = null;
  private timerAt: number | null = null;
  private closed = false;

  constructor(private readonly deps: ReminderDeps) {
    const now = deps.clock.now();
    this.lastWake = now;
    const { store, log, clock, notifier, publisher, logger, rowsChanged } = deps;
    const notifications = new NotificationCentreService({ log, notifier, publisher, logger });
    this.notifications = notifications;
    const awakeUntil = (): number => this.lastWake;
    this.journal = new ReminderJournal({ log, store, clock, notifications, logger, awakeUntil, rowsChanged });
    this.plans = new ReminderPlans(
      {
        store,
        log,
        systemTimeZone: deps.systemTimeZone,
        badgeChanged: (count, leadMinutes) => notifications.setBadge(count, leadMinutes),
      },
      now,
    );
  }

  get problems(): readonly DataProblem[] {
    return this.deps.log.problems;
  }

  /**
   * Plans every contact and reconciles with the log: reminders due since the app was last running go
   * into one digest, with the windows that closed meanwhile. Call once, before anything else; with
   * `contacts` when the caller has every contact with its summary at hand (the session's window rows).
   */
  start(contacts?: Iterable<KnownContact>): void {
    const now = this.deps.clock.now();
    const { log } = this.deps;
    let awayFrom: number | null = null;
    if (log.state === 'ok' && log.data.awakeAt !== null && log.data.awakeAt <= now) {
      this.plans.watermark = log.data.awakeAt;
      awayFrom = log.data.awakeAt;
    } else if (log.state === 'rebuilt') {
      // Which reminders were shown is lost: everything due in the last day is summarised, none is shown.
      this.plans.watermark = now - CARE_WINDOW;
    }
    this.plans.refreshRules();
    this.plans.replanAll(now, { initial: true }, contacts);
    this.wake({ awayFrom, allMissed: log.state === 'rebuilt' });
    this.notifications.publishNow(true);
  }

  /** A contact, its messages or its mute changed: re-plan that contact only. */
  contactChanged(contactId: string): void {
    if (this.closed) return;
    if (this.plans.replan(contactId, this.deps.clock.now(), {})) this.arm();
  }

  /** Settings changed: re-plan the contacts whose plan depends on what changed. */
  settingsChanged(): void {
    if (this.closed || !this.plans.refreshRules()) return;
    this.plans.replanAll(this.deps.clock.now(), { force: true });
    this.arm();
  }

  /** The clock jumped, the computer woke up or was unlocked: catch up (a digest if time passed). */
  clockChanged(): void {
    if (this.closed) return;
    this.wake({});
  }

  /** What the contact list shows as this contact's next reminder. */
  nextFor(contactId: string): NextReminder | null {
    if (this.closed) return null;
    if (this.plans.replan(contactId, this.deps.clock.now(), {})) this.arm();
    return this.plans.nextFor(contactId);
  }

  /** Reminders planned for the next 24 hours, in the order they fire (snoozed ones at their new time). */
  upcoming(): Reminder[] {
    return this.plans.upcoming(this.deps.clock.now());
  }

  /**
   * Snoozes a reminder (or every reminder of a notification, given its id). '10-minutes' shows it again
   * 10 minutes from now (or from its due time, if it has not been shown yet); when that would be after the
   * window closes or inside quiet hours it is silenced instead. 'next-lead' silences it: the window's next
   * lead time still reminds. Either way its notifications count as read.
   */
  snooze(id: string, mode: '10-minutes' | 'next-lead'): null {
    const now = this.deps.clock.now();
    const { log } = this.deps;
    const notification = log.data.notifications.find((n) => n.id === id);
    const ids = notification ? notification.reminderIds : [id];
    let found = 0;
    for (const reminderId of ids) {
      const contactId = contactIdOfReminder(reminderId);
      if (contactId === null) continue;
      this.plans.replan(contactId, now, {});
      const window = this.plans.window(contactId);
      const reminder = window?.reminders.find((r) => r.id === reminderId);
      if (!window || !reminder || now >= reminder.expiresAt) continue;
      found++;
      const until = Math.max(now, reminder.dueAt) + SNOOZE_MINUTES * MINUTE;
      if (mode === '10-minutes' && until < reminder.expiresAt && !this.plans.isQuiet(until)) {
        log.snooze(reminderId, until);
      } else log.silence(reminderId, now, reminder.expiresAt);
      this.journal.touch(contactId);
      this.plans.requeue(window, now);
    }
    if (found === 0) {
      throw new AppError({
        code: 'not-found',
        message:
          'This reminder is no longer planned: the window has closed, the customer wrote again, or the reminder times were changed.',
      });
    }
    this.notifications.markReadAbout(ids);
    this.notifications.changed();
    this.arm();
    this.journal.schedule();
    return null;
  }

  /** A note that is not a reminder (a scheduled follow-up dropped): kept in the centre and shown like one. */
  note(draft: NoticeDraft): void {
    if (this.closed) return;
    this.journal.notify(draft, this.deps.clock.now());
    this.journal.schedule();
  }

  /** The notification centre; kept here so callers of the reminder service need nothing else. */
  centre(): NotificationCentre {
    return this.notifications.snapshot();
  }

  markRead(ids: readonly string[]): NotificationCentre {
    return this.notifications.markRead(ids);
  }

  /** Resolves once everything handled so far is written and shown (tests, and before closing). */
  async idle(): Promise<void> {
    await Promise.resolve();
    this.journal.flush();
    await this.notifications.idle();
  }

  /** Stops the timer and writes the log with "awake until now", so the next start knows what it missed. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.journal.flush();
    this.closed = true;
    const centreClosed = this.notifications.close();
    this.timer?.cancel();
    this.timer = null;
    await this.journal.close(this.deps.clock.now());
    await centreClosed;
  }

  // ── firing ────────────────────────────────────────────────────────────────────────────────────────

  private arm(): void {
    if (this.closed) return;
    const next = this.plans.nextEventAt();
    let when = this.lastWake + HEARTBEAT;
    if (next !== undefined && next < when) when = next;
    if (when === this.timerAt) return;
    this.timer?.cancel();
    this.timerAt = when;
    this.timer = this.deps.scheduler.at(when, () => {
      this.timer = null;
      this.timerAt = null;
      this.wake({});
    });
  }

  /**
   * Deals with everything due up to now. `awayFrom` (or a heartbeat that came late) means the app was not
   * looking after reminders since then: whatever fell due goes into the digest, with the windows that
   * closed meanwhile. `allMissed` (a rebuilt log) puts everything due into the digest without guessing
   * which windows closed while away.
   */
  private wake(how: { awayFrom?: number | null; allMissed?: boolean }): void {
    if (this.closed) return;
    const now = this.deps.clock.now();
    const awayFrom = how.awayFrom ?? (cameLate(now, this.lastWake, HEARTBEAT) ? this.lastWake : null);
    // The clock was set back: keep what lies ahead of the new "now" (the log stops repeats).
    if (now < this.plans.watermark) {
      this.plans.watermark = now;
      // Windows left unplanned as closed long ago may lie ahead of the new "now" (reminder-plans.ts).
      this.plans.replanAll(now, {});
    }
    this.lastWake = now;

    const taken = this.plans.takeUntil(now);
    const due: DueReminder[] = [];
    for (const window of taken) {
      this.plans.updateBadge(window, now);
      for (const d of this.plans.pendingOf(window)) if (d.at <= now) due.push(d);
    }
    const away = awayFrom !== null || how.allMissed === true;
    const { live, missed, silenced } = triage(due, now, { away, quietNow: this.plans.isQuiet(now) });
    if (live.length > 0) {
      // Whatever falls due within the next few minutes is shown now, with these: one notification, not a burst.
      taken.push(...this.plans.takeUntil(now + GROUP_SPAN));
      for (const window of taken) {
        for (const d of this.plans.pendingOf(window)) if (joinsGroup(d, now)) live.push(d);
      }
    }

    this.journal.record(live, 'shown', now);
    this.journal.record(missed, 'missed', now);
    this.journal.record(silenced, 'skipped', now);
    this.plans.watermark = now;
    for (const window of taken) this.plans.requeue(window, now);

    const notice = liveNotice(live, {
      now,
      zone: this.plans.zone,
      locale: this.deps.store.settings().locale ?? this.deps.systemLocale,
      facts: (contactId) => {
        const last = this.deps.store.activity(contactId).lastMessage;
        return {
          name: this.deps.store.contact(contactId)?.name ?? null,
          lastCustomerText: last?.direction === 'inbound' ? last.text : null,
        };
      },
    });
    if (notice) this.journal.notify(notice, now);
    this.journal.missed.add(missed);
    if (awayFrom !== null) {
      for (const window of this.plans.all()) {
        if (window.remindable && window.expiresAt > awayFrom && window.expiresAt <= now) {
          this.journal.missed.windowClosed(window.contactId);
        }
      }
    }
    const awakeMarkDue = now - this.journal.awakeWrittenAt >= AWAKE_WRITE_EVERY;
    if (due.length > 0 || live.length > 0 || !this.journal.missed.empty || awakeMarkDue) {
      this.journal.schedule();
    }
    this.arm();
  }
}
