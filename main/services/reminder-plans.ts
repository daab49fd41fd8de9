import type { Activity, Contact, Reminder } from '../contract/model';
import { closingStartsAt, isClosingSoon, type WindowRules } from '../domain/care-window';
import { CARE_WINDOW, DAY, MINUTE } from '../domain/durations';
import {
  calendarFor,
  isRemindable,
  leadTimes,
  planReminders,
  type NextReminder,
  type ReminderRules,
} from '../domain/reminders/plan';
import type { BusinessCalendar } from '../domain/reminders/quiet-hours';
import type { DueReminder } from '../domain/reminders/triage';
import { systemTimeZone } from '../domain/zoned-time';
import type { ReminderLogView } from '../store/reminder-log';
import type { WorkspaceStore } from '../store/workspace-store';
import { EventQueue } from './event-queue';

/** What the reminder service reads from the workspace. */
export type ReminderSource = Pick<WorkspaceStore, 'contacts' | 'contact' | 'activity' | 'settings'> &
  // With the templates, the digest's "follow-up ready" is decided as the list decides it.
  Partial<Pick<WorkspaceStore, 'templates' | 'lastTemplateUse'>>;

/** A contact with its activity summary as the store has them now. */
export interface KnownContact {
  readonly contact: Contact;
  readonly activity: Activity;
}

/** One contact's current window as far as reminders go. */
export interface PlannedWindow {
  readonly contactId: string;
  /** What the plan was computed from: when these change, the plan is recomputed. */
  readonly lastInboundAt: number;
  readonly lastOutboundAt: number | null;
  readonly muted: boolean;
  readonly expiresAt: number;
  readonly remindable: boolean;
  readonly reminders: readonly Reminder[];
  /**
   * False when the window had closed before the watermark and before now, so its reminders were not
   * worked out: every one of them would be due at or before the watermark, never pending (a snooze ends
   * before the window closes). Most contacts' windows closed long ago; planning them costs the start.
   */
  readonly planned: boolean;
  /** Reminders that became known only after their due time (a lead added late): never shown. */
  readonly ignored: ReadonlySet<string> | null;
  inBadge: boolean;
}

export interface ReminderPlansDeps {
  store: ReminderSource;
  /** Which reminders were handled or snoozed. */
  log: { readonly data: ReminderLogView };
  systemTimeZone: string | undefined;
  /** The number of windows in the "closing" state changed (or the warning lead did). */
  badgeChanged: (count: number, leadMinutes: number) => void;
}

/**
 * Every contact's reminder plan, and when each contact next needs attention (a reminder due, or its window
 * entering or leaving the badge). A change to one contact re-plans that contact only, in O(log n).
 */
export class ReminderPlans {
  /** Everything due at or before this moment has been dealt with. */
  watermark: number;
  private readonly windows = new Map<string, PlannedWindow>();
  private readonly queue = new EventQueue();
  private rules: ReminderRules;
  private rulesKey = '';
  private calendar: BusinessCalendar;
  private currentZone: string;
  private badgeLead = 0;
  /** When a window turns "closing": the same rule the list's states use. */
  private closing: WindowRules = { closingLeadMinutes: 0 };
  private badge = 0;

  constructor(
    private readonly deps: ReminderPlansDeps,
    now: number,
  ) {
    this.watermark = now;
    this.rules = deps.store.settings();
    this.currentZone = this.rules.timeZone ?? deps.systemTimeZone ?? systemTimeZone();
    this.calendar = calendarFor(this.rules, this.currentZone);
  }

  /** The time zone reminders are planned in. */
  get zone(): string {
    return this.currentZone;
  }

  isQuiet(at: number): boolean {
    return this.calendar.isQuiet(at);
  }

  /** Reads the settings; true when anything the plan depends on changed. */
  refreshRules(): boolean {
    const settings = this.deps.store.settings();
    const zone = settings.timeZone ?? this.deps.systemTimeZone ?? systemTimeZone();
    const leads = leadTimes(settings);
    const key = JSON.stringify([
      leads,
      settings.closingLeadMinutes,
      settings.remindOnlyWhenWaiting,
      settings.quietHoursEnabled,
      settings.businessHours,
      zone,
    ]);
    this.rules = settings;
    if (key === this.rulesKey) return false;
    this.rulesKey = key;
    this.currentZone = zone;
    this.calendar = calendarFor(settings, zone);
    this.closing = { closingLeadMinutes: settings.closingLeadMinutes };
    this.badgeLead = settings.closingLeadMinutes * MINUTE;
    this.deps.badgeChanged(this.badge, this.badgeLead / MINUTE);
    return true;
  }

  /**
   * Brings one contact's plan up to date; true when it changed. Cheap when nothing it depends on changed.
   * A reminder that is new (or moved) and already due is ignored rather than shown late, except at start
   * (`initial`), where the watermark from the log decides what was missed.
   */
  replan(
    contactId: string,
    now: number,
    how: { initial?: boolean; force?: boolean },
    known?: KnownContact,
  ): boolean {
    const old = this.windows.get(contactId);
    const contact = known ? known.contact : this.deps.store.contact(contactId);
    const activity = known ? known.activity : contact ? this.deps.store.activity(contactId) : null;
    if (!contact || !activity || activity.lastInboundAt === null) {
      if (!old) return false;
      if (old.inBadge) this.setBadge(this.badge - 1);
      this.windows.delete(contactId);
      this.queue.delete(contactId);
      return true;
    }
    const expiresAt = activity.lastInboundAt + CARE_WINDOW;
    const planned = expiresAt > this.watermark || expiresAt > now;
    // A window that closed before anything this run looks at has nothing to plan: most of 10,000 contacts.
    if (!old && !planned) return false;
    if (
      old &&
      !how.force &&
      old.lastInboundAt === activity.lastInboundAt &&
      old.lastOutboundAt === activity.lastOutboundAt &&
      old.muted === contact.muted &&
      (old.planned || !planned)
    ) {
      return false;
    }
    const reminders = planned ? planReminders(contact, activity, this.rules, this.calendar) : [];
    let ignored: Set<string> | null = null;
    if (!how.initial) {
      for (const reminder of reminders) {
        if (reminder.dueAt > now) continue;
        const before = old?.reminders.find((r) => r.id === reminder.id && r.dueAt === reminder.dueAt);
        if (!before || old?.ignored?.has(reminder.id)) (ignored ??= new Set()).add(reminder.id);
      }
    }
    const window: PlannedWindow = {
      contactId,
      lastInboundAt: activity.lastInboundAt,
      lastOutboundAt: activity.lastOutboundAt,
      muted: contact.muted,
      expiresAt,
      remindable: isRemindable(contact, activity, this.rules),
      reminders,
      planned,
      ignored,
      inBadge: old?.inBadge ?? false,
    };
    this.windows.set(contactId, window);
    this.updateBadge(window, now);
    this.requeue(window, now);
    return true;
  }

  /** Every contact; `contacts` when the caller has them with their summaries at hand (the start). */
  replanAll(
    now: number,
    how: { initial?: boolean; force?: boolean },
    contacts?: Iterable<KnownContact>,
  ): void {
    if (contacts) for (const known of contacts) this.replan(known.contact.id, now, how, known);
    else for (const contact of this.deps.store.contacts()) this.replan(contact.id, now, how);
  }

  window(contactId: string): PlannedWindow | undefined {
    return this.windows.get(contactId);
  }

  all(): IterableIterator<PlannedWindow> {
    return this.windows.values();
  }

  /** The window's reminders not yet dealt with, each at its (snoozed) moment. */
  pendingOf(window: PlannedWindow): DueReminder[] {
    const { handled, snoozed } = this.deps.log.data;
    const pending: DueReminder[] = [];
    for (const reminder of window.reminders) {
      const snoozedUntil = snoozed[reminder.id];
      if (handled[reminder.id] !== undefined && snoozedUntil === undefined) continue;
      if (window.ignored?.has(reminder.id)) continue;
      const at = snoozedUntil ?? reminder.dueAt;
      if (at > this.watermark) pending.push({ contactId: window.contactId, reminder, at });
    }
    return pending;
  }

  /** What the contact list shows as this contact's next reminder. */
  nextFor(contactId: string): NextReminder | null {
    const window = this.windows.get(contactId);
    let best: DueReminder | null = null;
    if (window) for (const d of this.pendingOf(window)) if (best === null || d.at < best.at) best = d;
    if (best === null) return null;
    const { reminder, at } = best;
    return {
      dueAt: at,
      leadMinutes: reminder.leadMinutes,
      shifted: reminder.shifted && at === reminder.dueAt,
    };
  }

  /** Reminders planned for the next 24 hours, in the order they fire (snoozed ones at their new time). */
  upcoming(now: number): Reminder[] {
    const list: Reminder[] = [];
    for (const window of this.windows.values()) {
      for (const { reminder, at } of this.pendingOf(window)) {
        if (at > now + DAY) continue;
        list.push(at === reminder.dueAt ? reminder : { ...reminder, dueAt: at, shifted: false });
      }
    }
    return list.sort((a, b) => a.dueAt - b.dueAt || a.expiresAt - b.expiresAt || a.id.localeCompare(b.id));
  }

  /** Puts the window back in the queue at its next event (after it was taken, or its log records changed). */
  requeue(window: PlannedWindow, now: number): void {
    let next: number | null = null;
    for (const { at } of this.pendingOf(window)) if (next === null || at < next) next = at;
    if (this.badgeLead > 0) {
      const enters = closingStartsAt(window.expiresAt, this.closing);
      for (const at of [enters, window.expiresAt]) if (at > now && (next === null || at < next)) next = at;
    }
    this.queue.set(window.contactId, next);
  }

  /** Takes out of the queue every window whose next event is at or before `limit`. */
  takeUntil(limit: number): PlannedWindow[] {
    const taken: PlannedWindow[] = [];
    for (const contactId of this.queue.takeUntil(limit)) {
      const window = this.windows.get(contactId);
      if (window) taken.push(window);
    }
    return taken;
  }

  /** When anything queued is next due. */
  nextEventAt(): number | undefined {
    return this.queue.next()?.at;
  }

  /**
   * Counts the window in the badge while it is "closing", by the test the list's state and chip use, so
   * the badge and the "Closing" chip agree (muted or answered windows too: the badge filters the list).
   */
  updateBadge(window: PlannedWindow, now: number): void {
    const inBadge = this.badgeLead > 0 && isClosingSoon(window.expiresAt, this.closing, now);
    if (inBadge === window.inBadge) return;
    window.inBadge = inBadge;
    this.setBadge(this.badge + (inBadge ? 1 : -1));
  }

  private setBadge(count: number): void {
    this.badge = count;
    this.deps.badgeChanged(count, this.badgeLead / MINUTE);
  }
}
