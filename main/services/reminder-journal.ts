import type { AppNotification } from '../contract/model';
import { DAY } from '../domain/durations';
import type { NoticeDraft } from '../domain/reminders/notices';
import type { DueReminder } from '../domain/reminders/triage';
import type { ReminderLog, ReminderOutcome } from '../store/reminder-log';
import { MissedReminders } from './missed-reminders';
import type { NotificationCentreService } from './notification-centre';
import type { Clock, Logger } from './ports';
import type { ReminderSource } from './reminder-plans';

/** Records of handled reminders are kept this long after their window closed (covers a clock set back). */
const KEEP_HANDLED = DAY;

export interface ReminderJournalDeps {
  log: ReminderLog;
  store: ReminderSource;
  clock: Clock;
  notifications: NotificationCentreService;
  logger: Logger;
  /** Until when reminders were looked after (the last wake-up; it may be ahead of a clock set back). */
  awakeUntil: () => number;
  /** Contacts whose next reminder changed without the contact changing (one fired, one was snoozed). */
  rowsChanged: (contactIds: string[]) => void;
}

/**
 * Writes what the reminder service dealt with to the reminder log: one save per turn of the event loop,
 * with the notifications it made, and only after that save are they shown. A crash in between loses an OS
 * popup (the notification is still in the centre); it never shows a reminder twice.
 */
export class ReminderJournal {
  /** Missed reminders and windows, for the digest made at the next save. */
  readonly missed: MissedReminders;
  /** When the "still awake" mark was last written. */
  awakeWrittenAt: number;
  private readonly outbox: AppNotification[] = [];
  private readonly touched = new Set<string>();
  private queued = false;
  private closed = false;

  constructor(private readonly deps: ReminderJournalDeps) {
    this.missed = new MissedReminders(deps.store);
    this.awakeWrittenAt = deps.clock.now();
  }

  /** What became of due reminders. */
  record(list: readonly DueReminder[], how: ReminderOutcome, now: number): void {
    for (const { contactId, reminder } of list) {
      this.deps.log.recordOutcome(reminder.id, { at: now, how, expiresAt: reminder.expiresAt });
      this.touched.add(contactId);
    }
  }

  /** The contact's reminders changed in the log (a snooze): its row shows a new next reminder. */
  touch(contactId: string): void {
    this.touched.add(contactId);
  }

  notify(draft: NoticeDraft, now: number): void {
    this.outbox.push(this.deps.notifications.stamp(draft, now));
  }

  /** Saves at the end of this turn of the event loop. */
  schedule(): void {
    if (this.queued || this.closed) return;
    this.queued = true;
    queueMicrotask(() => {
      if (this.queued) this.commit();
    });
  }

  /** Saves now what is waiting for the end of this turn. */
  flush(): void {
    if (this.queued) this.commit();
  }

  /** The last save, with "awake until now", so the next start knows what it missed. */
  async close(now: number): Promise<void> {
    this.flush();
    this.closed = true;
    this.deps.log.markAwake(now);
    await this.deps.log.save().catch((error: unknown) => this.writeFailed(error));
    await this.deps.log.close();
  }

  /** The digest is made here, so that everything missed in one turn of the event loop is one notification. */
  private commit(): void {
    this.queued = false;
    const { log, notifications, clock } = this.deps;
    const now = clock.now();
    const digest = this.missed.empty ? null : this.missed.take(now);
    if (digest) this.notify(digest, now);
    log.forgetBefore(now - KEEP_HANDLED);
    const fresh = this.outbox.splice(0);
    notifications.keep(fresh);
    log.markAwake(Math.max(now, this.deps.awakeUntil()));
    this.awakeWrittenAt = now;
    const written = log.save().catch((error: unknown) => this.writeFailed(error));
    notifications.showOnceWritten(fresh, written);
    const touched = [...this.touched];
    this.touched.clear();
    if (touched.length > 0) this.deps.rowsChanged(touched);
    notifications.publishNow();
  }

  private writeFailed(error: unknown): void {
    this.deps.logger.error('Could not save the reminder log (reminders.json)', { error: String(error) });
  }
}
