import { AppError } from '../contract/errors';
import type { AppNotification, DataProblem, NotificationCentre, Reminder } from '../contract/model';
import { careWindowOf } from '../domain/care-window';
import { CARE_WINDOW, DAY, MINUTE } from '../domain/durations';
import {
  calendarFor,
  contactIdOfReminder,
  isRemindable,
  leadTimes,
  planReminders,
  type NextReminder,
  type ReminderRules,
} from '../domain/reminders/plan';
import type { BusinessCalendar } from '../domain/reminders/quiet-hours';
import { digestWords, durationText, groupWords, reminderWords } from '../domain/reminders/text';
import { formatClock, systemTimeZone } from '../domain/zoned-time';
import type { ReminderLog, ReminderOutcome } from '../store/reminder-log';
import type { WorkspaceStore } from '../store/workspace-store';
import { MinHeap } from './min-heap';
import type { Notifier } from './notifier';
import type { Cancellable, Clock, Logger, Publisher, Scheduler } from './ports';

/** The service wakes at least this often, so it notices a sleep or a clock jump by itself. */
export const HEARTBEAT = MINUTE;
/** A reminder shown more than this long after it fell due is stale: it goes into the digest instead. */
export const STALE_AFTER = 2 * MINUTE;
/** Reminders falling due within this span of one being shown are shown with it, as one notification. */
export const GROUP_SPAN = 5 * MINUTE;
export const SNOOZE_MINUTES = 10;
/** How often the "still awake" mark is written while nothing else is. */
const AWAKE_WRITE_EVERY = 10 * MINUTE;
/** Records of handled reminders are kept this long after their window closed (covers a clock set back). */
const KEEP_HANDLED = DAY;

/** What the reminder service reads from the workspace. */
export type ReminderSource = Pick<WorkspaceStore, 'contacts' | 'contact' | 'activity' | 'settings'>;

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

/** One contact's current window as far as reminders go. */
interface Entry {
  readonly contactId: string;
  /** What the plan was computed from: when these change, the plan is recomputed. */
  readonly lastInboundAt: number;
  readonly lastOutboundAt: number | null;
  readonly muted: boolean;
  readonly expiresAt: number;
  readonly remindable: boolean;
  readonly reminders: readonly Reminder[];
  /** Reminders that became known only after their due time (a lead added late): never shown. */
  readonly ignored: ReadonlySet<string> | null;
  /** Bumped on every (re)queue: heap items with an older version are stale. */
  version: number;
  inBadge: boolean;
}

interface Due {
  entry: Entry;
  reminder: Reminder;
  at: number;
}

interface Queued {
  at: number;
  contactId: string;
  version: number;
}

/**
 * Reminders before windows close, for one workspace. The plan is pure (main/domain/reminders/plan.ts);
 * this service decides which planned reminders are due, shows them through the Notifier, and records them
 * in the reminder log so a restart never shows one twice.
 *
 * - One timer, at the earliest moment anything is due (a reminder, a badge change) or the heartbeat,
 *   whichever is first; a change to one contact re-plans that contact only (O(log n)).
 * - Reminders due within GROUP_SPAN of each other are one notification.
 * - A reminder that fell due while the app was closed or the computer slept (noticed at start, on
 *   resume/unlock, on a clock jump, or by a heartbeat that came late) is never shown late: it goes into
 *   one digest, with the windows that closed meanwhile.
 * - A reminder that only became known after its due time (a lead time added later, a window planned
 *   from a message delivered late) is never shown.
 */
export class ReminderService {
  private readonly entries = new Map<string, Entry>();
  private readonly queue = new MinHeap<Queued>((q) => q.at);
  private rules: ReminderRules;
  private rulesKey = '';
  private calendar: BusinessCalendar;
  private zone: string;
  private badgeLead = 0;
  private badge = 0;
  /** Everything due at or before this moment has been dealt with. */
  private watermark: number;
  private lastWake: number;
  private lastAwakeWrite: number;
  private timer: Cancellable | null = null;
  private timerAt: number | null = null;
  private closed = false;
  private sequence = 0;

  private readonly outbox: AppNotification[] = [];
  private readonly digestContacts = new Set<string>();
  private readonly digestReminders: string[] = [];
  private readonly touched = new Set<string>();
  private commitQueued = false;
  private centreDirty = false;
  private centreQueued = false;
  private lastBadgeShown = -1;
  private shown: Promise<void> = Promise.resolve();
  private readonly offSupport: () => void;

  constructor(private readonly deps: ReminderDeps) {
    const now = deps.clock.now();
    this.rules = deps.store.settings();
    this.zone = this.rules.timeZone ?? deps.systemTimeZone ?? systemTimeZone();
    this.calendar = calendarFor(this.rules, this.zone);
    this.watermark = now;
    this.lastWake = now;
    this.lastAwakeWrite = now;
    this.offSupport = deps.notifier.onSupportChange(() => this.centreChanged());
  }

  get problems(): readonly DataProblem[] {
    return this.deps.log.problems;
  }

  /**
   * Plans every contact and reconciles with the log: reminders due since the app was last running go
   * into one digest, with the windows that closed meanwhile. Call once, before anything else.
   */
  start(): void {
    const now = this.deps.clock.now();
    const { log } = this.deps;
    let awayFrom: number | null = null;
    if (log.state === 'ok' && log.data.awakeAt !== null && log.data.awakeAt <= now) {
      this.watermark = log.data.awakeAt;
      awayFrom = log.data.awakeAt;
    } else if (log.state === 'rebuilt') {
      // Which reminders were shown is lost: everything due in the last day is summarised, none is shown.
      this.watermark = now - CARE_WINDOW;
    }
    this.refreshRules();
    for (const contact of this.deps.store.contacts()) this.replan(contact.id, now, { initial: true });
    this.wake({ awayFrom, allMissed: log.state === 'rebuilt' });
    this.centreDirty = true;
    this.flushCentreNow();
  }

  /** A contact, its messages or its mute changed: re-plan that contact only. */
  contactChanged(contactId: string): void {
    if (this.closed) return;
    if (this.replan(contactId, this.deps.clock.now(), {})) this.arm();
  }

  /** Settings changed: re-plan the contacts whose plan depends on what changed. */
  settingsChanged(): void {
    if (this.closed) return;
    if (!this.refreshRules()) return;
    const now = this.deps.clock.now();
    for (const contact of this.deps.store.contacts()) this.replan(contact.id, now, { force: true });
    this.compact();
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
    const now = this.deps.clock.now();
    if (this.replan(contactId, now, {})) this.arm();
    const entry = this.entries.get(contactId);
    if (!entry) return null;
    let best: NextReminder | null = null;
    for (const reminder of entry.reminders) {
      if (!this.isPending(entry, reminder)) continue;
      const at = this.dueOf(reminder);
      if (best === null || at < best.dueAt) {
        best = {
          dueAt: at,
          leadMinutes: reminder.leadMinutes,
          shifted: reminder.shifted && at === reminder.dueAt,
        };
      }
    }
    return best;
  }

  /** Reminders planned for the next 24 hours, in the order they fire (snoozed ones at their new time). */
  upcoming(): Reminder[] {
    const now = this.deps.clock.now();
    const list: Reminder[] = [];
    for (const entry of this.entries.values()) {
      for (const reminder of entry.reminders) {
        if (!this.isPending(entry, reminder)) continue;
        const at = this.dueOf(reminder);
        if (at > now + DAY) continue;
        list.push(at === reminder.dueAt ? reminder : { ...reminder, dueAt: at, shifted: false });
      }
    }
    return list.sort((a, b) => a.dueAt - b.dueAt || a.expiresAt - b.expiresAt || a.id.localeCompare(b.id));
  }

  /**
   * Snoozes a reminder (or every reminder of a notification, given its id). '10-minutes' shows it again
   * 10 minutes from now (or from its due time, if it has not been shown yet); when that would be after the
   * window closes or inside quiet hours it is silenced instead. 'next-lead' silences it: the window's next
   * lead time still reminds. Either way its notifications count as read.
   */
  snooze(id: string, mode: '10-minutes' | 'next-lead'): null {
    const now = this.deps.clock.now();
    const data = this.deps.log.data;
    const notification = data.notifications.find((n) => n.id === id);
    const ids = notification ? notification.reminderIds : [id];
    let found = 0;
    for (const reminderId of ids) {
      const contactId = contactIdOfReminder(reminderId);
      if (contactId === null) continue;
      this.replan(contactId, now, {});
      const entry = this.entries.get(contactId);
      const reminder = entry?.reminders.find((r) => r.id === reminderId);
      if (!entry || !reminder || now >= reminder.expiresAt) continue;
      found++;
      const until = Math.max(now, reminder.dueAt) + SNOOZE_MINUTES * MINUTE;
      if (mode === '10-minutes' && until < reminder.expiresAt && !this.calendar.isQuiet(until)) {
        data.snoozed[reminderId] = until;
      } else {
        Reflect.deleteProperty(data.snoozed, reminderId);
        data.handled[reminderId] ??= { at: now, how: 'skipped', expiresAt: reminder.expiresAt };
      }
      this.touched.add(contactId);
      this.requeue(entry, now);
    }
    if (found === 0) {
      throw new AppError({
        code: 'not-found',
        message:
          'This reminder is no longer planned: the window has closed, the customer wrote again, or the reminder times were changed.',
      });
    }
    for (const n of data.notifications) {
      if (!n.read && ids.some((r) => n.reminderIds.includes(r))) n.read = true;
    }
    this.centreChanged();
    this.arm();
    this.scheduleCommit();
    return null;
  }

  centre(): NotificationCentre {
    const notifications = [...this.deps.log.data.notifications].reverse();
    return {
      notifications,
      unread: notifications.filter((n) => !n.read).length,
      badge: this.badge,
      desktop: this.deps.notifier.support(),
    };
  }

  markRead(ids: readonly string[]): NotificationCentre {
    const wanted = new Set(ids);
    let changed = false;
    for (const n of this.deps.log.data.notifications) {
      if (!n.read && wanted.has(n.id)) {
        n.read = true;
        changed = true;
      }
    }
    if (changed) {
      this.centreChanged();
      this.scheduleCommit();
    }
    return this.centre();
  }

  /** Resolves once everything handled so far is written and shown (tests, and before closing). */
  async idle(): Promise<void> {
    await Promise.resolve();
    if (this.commitQueued) this.commit();
    await this.shown;
  }

  /** Stops the timer and writes the log with "awake until now", so the next start knows what it missed. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.commitQueued) this.commit();
    this.closed = true;
    this.offSupport();
    this.timer?.cancel();
    this.timer = null;
    this.deps.log.data.awakeAt = this.deps.clock.now();
    await this.deps.log.save().catch((error: unknown) => this.logWriteFailed(error));
    await this.deps.log.close();
    await this.shown;
  }

  // ── planning ──────────────────────────────────────────────────────────────────────────────────────

  /** Reads the settings; true when anything the plan depends on changed. */
  private refreshRules(): boolean {
    const settings = this.deps.store.settings();
    const zone = settings.timeZone ?? this.deps.systemTimeZone ?? systemTimeZone();
    const leads = leadTimes(settings);
    const key = JSON.stringify([
      leads,
      settings.remindOnlyWhenWaiting,
      settings.quietHoursEnabled,
      settings.businessHours,
      zone,
    ]);
    this.rules = settings;
    if (key === this.rulesKey) return false;
    this.rulesKey = key;
    this.zone = zone;
    this.calendar = calendarFor(settings, zone);
    this.badgeLead = (leads[0] ?? 0) * MINUTE;
    return true;
  }

  /**
   * Brings one contact's plan up to date. Cheap when nothing it depends on changed. A reminder that is new
   * (or moved) and already due is ignored rather than shown late, except at start, where the watermark
   * from the log decides what was missed.
   */
  private replan(contactId: string, now: number, how: { initial?: boolean; force?: boolean }): boolean {
    const old = this.entries.get(contactId);
    const contact = this.deps.store.contact(contactId);
    const activity = contact ? this.deps.store.activity(contactId) : null;
    if (!contact || !activity || activity.lastInboundAt === null) {
      if (old) {
        if (old.inBadge) this.setBadge(this.badge - 1);
        old.version++;
        this.entries.delete(contactId);
        return true;
      }
      return false;
    }
    if (
      old &&
      !how.force &&
      old.lastInboundAt === activity.lastInboundAt &&
      old.lastOutboundAt === activity.lastOutboundAt &&
      old.muted === contact.muted
    ) {
      return false;
    }
    const reminders = planReminders(contact, activity, this.rules, this.calendar);
    let ignored: Set<string> | null = null;
    if (!how.initial) {
      for (const reminder of reminders) {
        if (reminder.dueAt > now) continue;
        const before = old?.reminders.find((r) => r.id === reminder.id && r.dueAt === reminder.dueAt);
        if (!before || old?.ignored?.has(reminder.id)) (ignored ??= new Set()).add(reminder.id);
      }
    }
    const entry: Entry = {
      contactId,
      lastInboundAt: activity.lastInboundAt,
      lastOutboundAt: activity.lastOutboundAt,
      muted: contact.muted,
      expiresAt: activity.lastInboundAt + CARE_WINDOW,
      remindable: isRemindable(contact, activity, this.rules),
      reminders,
      ignored,
      version: (old?.version ?? 0) + 1,
      inBadge: old?.inBadge ?? false,
    };
    this.entries.set(contactId, entry);
    this.updateBadge(entry, now);
    this.requeue(entry, now);
    return true;
  }

  private dueOf(reminder: Reminder): number {
    return this.deps.log.data.snoozed[reminder.id] ?? reminder.dueAt;
  }

  /** Not yet dealt with: never handled (or snoozed since), not ignored, and due after the watermark. */
  private isPending(entry: Entry, reminder: Reminder): boolean {
    const data = this.deps.log.data;
    const snoozed = data.snoozed[reminder.id];
    if (data.handled[reminder.id] !== undefined && snoozed === undefined) return false;
    if (entry.ignored?.has(reminder.id)) return false;
    return (snoozed ?? reminder.dueAt) > this.watermark;
  }

  /** When this contact next needs attention: a reminder due, or its window entering or leaving the badge. */
  private nextEventOf(entry: Entry, now: number): number | null {
    let next: number | null = null;
    for (const reminder of entry.reminders) {
      if (!this.isPending(entry, reminder)) continue;
      const at = this.dueOf(reminder);
      if (next === null || at < next) next = at;
    }
    if (entry.remindable && this.badgeLead > 0) {
      const enters = entry.expiresAt - this.badgeLead;
      for (const at of [enters, entry.expiresAt]) if (at > now && (next === null || at < next)) next = at;
    }
    return next;
  }

  private requeue(entry: Entry, now: number): void {
    entry.version++;
    const at = this.nextEventOf(entry, now);
    if (at !== null) this.queue.push({ at, contactId: entry.contactId, version: entry.version });
  }

  /** Takes every live queued contact whose next event is at or before `limit`. */
  private takeUntil(limit: number): Entry[] {
    const taken: Entry[] = [];
    for (;;) {
      const top = this.queue.peek();
      if (!top || top.at > limit) break;
      this.queue.pop();
      const entry = this.entries.get(top.contactId);
      if (entry && entry.version === top.version) {
        entry.version++;
        taken.push(entry);
      }
    }
    return taken;
  }

  private peekLive(): Queued | undefined {
    for (;;) {
      const top = this.queue.peek();
      if (!top) return undefined;
      if (this.entries.get(top.contactId)?.version === top.version) return top;
      this.queue.pop();
    }
  }

  /** Drops stale queue items when they outnumber live ones (many changes to contacts due far ahead). */
  private compact(): void {
    if (this.queue.size <= 4 * this.entries.size + 64) return;
    this.queue.clear();
    const now = this.deps.clock.now();
    for (const entry of this.entries.values()) this.requeue(entry, now);
  }

  private arm(): void {
    if (this.closed) return;
    if (this.queue.size > 4 * this.entries.size + 64) this.compact();
    const top = this.peekLive();
    let when = this.lastWake + HEARTBEAT;
    if (top && top.at < when) when = top.at;
    if (when === this.timerAt) return;
    this.timer?.cancel();
    this.timerAt = when;
    this.timer = this.deps.scheduler.at(when, () => {
      this.timer = null;
      this.timerAt = null;
      this.wake({});
    });
  }

  // ── firing ────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Deals with everything due up to now. `awayFrom` (or a heartbeat that came late) means the app was not
   * looking after reminders since then: whatever fell due goes into the digest, with the windows that
   * closed meanwhile. `allMissed` (a rebuilt log) puts everything due into the digest without guessing
   * which windows closed while away.
   */
  private wake(how: { awayFrom?: number | null; allMissed?: boolean }): void {
    if (this.closed) return;
    const now = this.deps.clock.now();
    let awayFrom = how.awayFrom ?? null;
    if (awayFrom === null && now - this.lastWake > HEARTBEAT + STALE_AFTER) awayFrom = this.lastWake;
    // The clock was set back: keep what lies ahead of the new "now" (the log stops repeats).
    if (now < this.watermark) this.watermark = now;
    this.lastWake = now;

    const taken = this.takeUntil(now);
    const due: Due[] = [];
    for (const entry of taken) {
      this.updateBadge(entry, now);
      for (const reminder of entry.reminders) {
        if (!this.isPending(entry, reminder)) continue;
        const at = this.dueOf(reminder);
        if (at <= now) due.push({ entry, reminder, at });
      }
    }

    const live: Due[] = [];
    const missed: Due[] = [];
    const silenced: Due[] = [];
    const quietNow = this.calendar.isQuiet(now);
    for (const d of due) {
      const stale = now - d.at > STALE_AFTER || now >= d.reminder.expiresAt;
      if (awayFrom !== null || how.allMissed === true || stale) missed.push(d);
      else if (quietNow) silenced.push(d);
      else live.push(d);
    }
    if (live.length > 0) {
      // Whatever falls due within the next few minutes is shown now, with these: one notification, not a burst.
      const soon = this.takeUntil(now + GROUP_SPAN);
      taken.push(...soon);
      for (const entry of [...taken]) {
        for (const reminder of entry.reminders) {
          if (!this.isPending(entry, reminder)) continue;
          const at = this.dueOf(reminder);
          if (at > now && at <= now + GROUP_SPAN && now < reminder.expiresAt)
            live.push({ entry, reminder, at });
        }
      }
    }

    this.handle(live, 'shown', now);
    this.handle(missed, 'missed', now);
    this.handle(silenced, 'skipped', now);
    this.watermark = now;
    for (const entry of taken) this.requeue(entry, now);

    if (live.length > 0) this.outbox.push(this.liveNotification(live, now));
    for (const d of missed) {
      this.digestContacts.add(d.entry.contactId);
      this.digestReminders.push(d.reminder.id);
    }
    if (awayFrom !== null) {
      for (const entry of this.entries.values()) {
        if (entry.remindable && entry.expiresAt > awayFrom && entry.expiresAt <= now) {
          this.digestContacts.add(entry.contactId);
        }
      }
    }
    if (due.length > 0 || live.length > 0 || this.digestContacts.size > 0) this.scheduleCommit();
    else if (now - this.lastAwakeWrite >= AWAKE_WRITE_EVERY) this.scheduleCommit();
    this.arm();
  }

  private handle(list: readonly Due[], how: ReminderOutcome, now: number): void {
    const data = this.deps.log.data;
    for (const { entry, reminder } of list) {
      data.handled[reminder.id] = { at: now, how, expiresAt: reminder.expiresAt };
      Reflect.deleteProperty(data.snoozed, reminder.id);
      this.touched.add(entry.contactId);
    }
  }

  private liveNotification(live: readonly Due[], now: number): AppNotification {
    // One line per contact, soonest closing first.
    const byContact = new Map<string, Due>();
    for (const d of live) {
      const seen = byContact.get(d.entry.contactId);
      if (!seen || d.at < seen.at) byContact.set(d.entry.contactId, d);
    }
    const firstOf = [...byContact.values()].sort((a, b) => a.entry.expiresAt - b.entry.expiresAt);
    const contactIds = firstOf.map((d) => d.entry.contactId);
    const reminderIds = live.map((d) => d.reminder.id);
    const [only] = firstOf;
    if (only && firstOf.length === 1) {
      const contact = this.deps.store.contact(only.entry.contactId);
      const last = this.deps.store.activity(only.entry.contactId).lastMessage;
      const words = reminderWords({
        name: contact?.name ?? 'A customer',
        expiresAt: only.entry.expiresAt,
        now,
        lastCustomerText: last?.direction === 'inbound' ? last.text : null,
        closesAt: formatClock(only.entry.expiresAt, this.zone, this.locale()),
        shifted: live.some((d) => d.reminder.shifted && d.at === d.reminder.dueAt),
      });
      return this.notification('reminder', now, words, contactIds, reminderIds);
    }
    const words = groupWords({
      windows: firstOf.map((d) => ({
        name: this.deps.store.contact(d.entry.contactId)?.name ?? 'A customer',
        expiresAt: d.entry.expiresAt,
      })),
      now,
    });
    return this.notification('group', now, words, contactIds, reminderIds);
  }

  private digestNotification(now: number): AppNotification | null {
    const contactIds = [...this.digestContacts];
    const reminderIds = this.digestReminders.splice(0);
    this.digestContacts.clear();
    const settings = this.deps.store.settings();
    let closed = 0;
    let followUps = 0;
    let stillOpen = 0;
    const names: string[] = [];
    const listed: { id: string; expiresAt: number }[] = [];
    for (const id of contactIds) {
      const contact = this.deps.store.contact(id);
      if (!contact) continue;
      const window = careWindowOf(this.deps.store.activity(id), contact.optIn, settings, now);
      if (window.expiresAt === null) continue;
      if (window.expiresAt <= now) {
        closed++;
        if (window.followUp === 'ready') followUps++;
      } else stillOpen++;
      listed.push({ id, expiresAt: window.expiresAt });
      names.push(contact.name);
    }
    if (listed.length === 0) return null;
    const words = digestWords({ closed, followUps, stillOpen, names });
    return this.notification(
      'digest',
      now,
      words,
      listed.map((l) => l.id),
      reminderIds,
    );
  }

  private notification(
    kind: AppNotification['kind'],
    now: number,
    words: { title: string; body: string },
    contactIds: string[],
    reminderIds: string[],
  ): AppNotification {
    this.sequence++;
    return {
      id: `${kind}:${now}:${this.sequence}`,
      at: now,
      kind,
      title: words.title,
      body: words.body,
      contactIds,
      reminderIds,
      read: false,
    };
  }

  private locale(): string {
    return this.deps.store.settings().locale ?? this.deps.systemLocale;
  }

  // ── recording, showing, publishing ────────────────────────────────────────────────────────────────

  private scheduleCommit(): void {
    if (this.commitQueued || this.closed) return;
    this.commitQueued = true;
    queueMicrotask(() => {
      if (this.commitQueued) this.commit();
    });
  }

  /**
   * Writes what was handled (and the digest, made here so that everything missed in one turn of the event
   * loop is one notification) and only then shows the notifications: a crash in between loses an OS popup
   * (the notification is still in the centre), never shows one twice.
   */
  private commit(): void {
    this.commitQueued = false;
    const now = this.deps.clock.now();
    const data = this.deps.log.data;
    if (this.digestContacts.size > 0) {
      const digest = this.digestNotification(now);
      if (digest) this.outbox.push(digest);
    }
    for (const [id, handled] of Object.entries(data.handled)) {
      if (handled.expiresAt < now - KEEP_HANDLED) Reflect.deleteProperty(data.handled, id);
    }
    for (const [id, until] of Object.entries(data.snoozed)) {
      if (until < now - KEEP_HANDLED) Reflect.deleteProperty(data.snoozed, id);
    }
    const fresh = this.outbox.splice(0);
    data.notifications.push(...fresh);
    data.awakeAt = Math.max(now, this.lastWake);
    this.lastAwakeWrite = now;
    const written = this.deps.log.save().catch((error: unknown) => this.logWriteFailed(error));
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
    if (fresh.length > 0) this.centreDirty = true;
    const touched = [...this.touched];
    this.touched.clear();
    if (touched.length > 0) this.deps.rowsChanged(touched);
    this.flushCentreNow();
  }

  private clicked(notification: AppNotification): void {
    if (!this.closed) this.markRead([notification.id]);
    this.deps.publisher.publish('app:navigate', { contactIds: notification.contactIds });
  }

  private logWriteFailed(error: unknown): void {
    this.deps.logger.error('Could not save the reminder log (reminders.json)', { error: String(error) });
  }

  private updateBadge(entry: Entry, now: number): void {
    const inBadge =
      entry.remindable &&
      this.badgeLead > 0 &&
      entry.expiresAt - this.badgeLead <= now &&
      now < entry.expiresAt;
    if (inBadge === entry.inBadge) return;
    entry.inBadge = inBadge;
    this.setBadge(this.badge + (inBadge ? 1 : -1));
  }

  private setBadge(count: number): void {
    this.badge = count;
    this.centreChanged();
  }

  /** Publishes the centre (and the badge) once, at the end of this turn of the event loop. */
  private centreChanged(): void {
    this.centreDirty = true;
    if (this.centreQueued) return;
    this.centreQueued = true;
    queueMicrotask(() => {
      this.centreQueued = false;
      this.flushCentreNow();
    });
  }

  private flushCentreNow(): void {
    if (!this.centreDirty || this.closed) return;
    this.centreDirty = false;
    if (this.badge !== this.lastBadgeShown) {
      this.lastBadgeShown = this.badge;
      const lead = durationText(this.badgeLead / MINUTE);
      this.deps.notifier.setBadge(
        this.badge,
        this.badge === 0
          ? 'No windows closing soon'
          : `${this.badge} ${this.badge === 1 ? 'window closes' : 'windows close'} within ${lead}`,
      );
    }
    this.deps.publisher.publish('notifications:changed', this.centre());
  }
}
