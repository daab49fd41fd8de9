import type { AppNotification, NotificationCentre } from '../contract/model';
import type { NoticeDraft } from '../domain/reminders/notices';
import { badgeWords } from '../domain/reminders/text';
import type { ReminderLog } from '../store/reminder-log';
import type { Notifier } from './notifier';
import type { Logger, Publisher } from './ports';

export interface NotificationCentreDeps {
  /** The centre lives in the reminder log, so it survives a restart with the reminders it is about. */
  log: ReminderLog;
  notifier: Notifier;
  publisher: Publisher;
  logger: Logger;
}

/**
 * The notification centre and the tray/dock badge: what the owner was told, what they read, and how many
 * windows close soon. The reminder service decides what to say; this service keeps it, shows it on the
 * desktop once it is safely written, and publishes every change once per turn of the event loop.
 */
export class NotificationCentreService {
  private badge = 0;
  private badgeLeadMinutes = 0;
  /** Customer messages not read yet (unread.json): they count on the dock badge too. */
  private unreadMessages = 0;
  private lastBadgeShown = '';
  private sequence = 0;
  private dirty = false;
  private queued = false;
  private closed = false;
  private shown: Promise<void> = Promise.resolve();
  private readonly offSupport: () => void;

  constructor(private readonly deps: NotificationCentreDeps) {
    this.offSupport = deps.notifier.onSupportChange(() => this.changed());
  }

  /** The centre as the renderer shows it, newest first. */
  snapshot(): NotificationCentre {
    const notifications = this.deps.log.data.notifications
      .map((n) => ({ ...n, contactIds: [...n.contactIds], reminderIds: [...n.reminderIds] }))
      .reverse();
    return {
      notifications,
      unread: notifications.filter((n) => !n.read).length,
      badge: this.badge,
      desktop: this.deps.notifier.support(),
    };
  }

  /** The owner read these notifications (opened the centre, or clicked one): written and published. */
  markRead(ids: readonly string[]): NotificationCentre {
    const wanted = new Set(ids);
    if (this.deps.log.markRead((n) => wanted.has(n.id))) {
      this.changed();
      this.deps.log.save().catch((error: unknown) => this.logWriteFailed(error));
    }
    return this.snapshot();
  }

  /** Marks read every notification about one of these reminders; the caller saves the log. */
  markReadAbout(reminderIds: readonly string[]): void {
    if (this.deps.log.markRead((n) => reminderIds.some((r) => n.reminderIds.includes(r)))) this.changed();
  }

  /** Gives a notice its id and moment, ready to be recorded. */
  stamp(draft: NoticeDraft, now: number): AppNotification {
    this.sequence++;
    return { id: `${draft.kind}:${now}:${this.sequence}`, at: now, ...draft, read: false };
  }

  /** Puts notifications into the centre; the caller's next save of the log writes them. */
  keep(fresh: readonly AppNotification[]): void {
    if (fresh.length === 0) return;
    this.deps.log.addNotifications(fresh);
    this.dirty = true;
  }

  /**
   * Shows notifications on the desktop only once `written` (the save that recorded them) settled: a crash
   * in between loses an OS popup (the notification is still in the centre), never shows one twice.
   */
  showOnceWritten(fresh: readonly AppNotification[], written: Promise<void>): void {
    this.shown = this.shown.then(async () => {
      await written;
      for (const n of fresh) {
        try {
          this.deps.notifier.show(n, () => this.clicked(n));
        } catch (error) {
          this.deps.logger.warn('Could not show a desktop notification', { error: String(error) });
        }
      }
    });
  }

  /** The number of windows closing within the first lead time. */
  setBadge(count: number, leadMinutes: number): void {
    if (count === this.badge && leadMinutes === this.badgeLeadMinutes) return;
    const countChanged = count !== this.badge;
    this.badge = count;
    this.badgeLeadMinutes = leadMinutes;
    if (countChanged) this.changed();
  }

  /** The workspace's unread customer messages, added to the dock/tray badge. */
  setUnreadMessages(total: number): void {
    if (total === this.unreadMessages) return;
    this.unreadMessages = total;
    this.changed();
  }

  /** Publishes the centre (and the badge) once, at the end of this turn of the event loop. */
  changed(): void {
    this.dirty = true;
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.publishNow();
    });
  }

  /** Publishes now if anything changed (or `force`): at start, and right after a commit. */
  publishNow(force = false): void {
    if ((!this.dirty && !force) || this.closed) return;
    this.dirty = false;
    // The OS badge counts what needs the owner: unread messages and windows closing soon; the words say which.
    const shown = `${this.badge}:${this.unreadMessages}`;
    if (shown !== this.lastBadgeShown) {
      this.lastBadgeShown = shown;
      const closing = badgeWords(this.badge, this.badgeLeadMinutes);
      this.deps.notifier.setBadge(
        this.badge + this.unreadMessages,
        this.unreadMessages === 0 ? closing : `${unreadWords(this.unreadMessages)} · ${closing}`,
      );
    }
    this.deps.publisher.publish('notifications:changed', this.snapshot());
  }

  /** Resolves once every save handed in so far settled and its notifications were shown. */
  idle(): Promise<void> {
    return this.shown;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.offSupport();
    await this.shown;
  }

  private clicked(notification: AppNotification): void {
    if (!this.closed) this.markRead([notification.id]);
    this.deps.publisher.publish('app:navigate', { contactIds: notification.contactIds });
  }

  private logWriteFailed(error: unknown): void {
    this.deps.logger.error('Could not save the reminder log (reminders.json)', { error: String(error) });
  }
}

function unreadWords(count: number): string {
  return `${count} unread ${count === 1 ? 'message' : 'messages'}`;
}
