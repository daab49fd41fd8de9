import { z } from 'zod';
import { AppNotification, type DataProblem } from '../contract/model';
import { contactIdOfReminder } from '../domain/reminders/plan';
import type { JsonFileKind } from './json-file-kind';
import { openInFolder, type FolderFileOptions } from './saved-in-memory';

/** What became of a reminder that fell due. */
export const ReminderOutcome = z.enum([
  /** Shown to the owner (alone or in a group). */
  'shown',
  /** Fell due while the app was closed or the computer slept: counted in a digest instead. */
  'missed',
  /** Silenced: snoozed to "the next lead time", or due in quiet hours after a snooze. */
  'skipped',
]);
export type ReminderOutcome = z.infer<typeof ReminderOutcome>;

export const HandledReminder = z.object({
  at: z.number(),
  how: ReminderOutcome,
  /** When the reminder's window closes: after that (and a day's margin) the record is dropped. */
  expiresAt: z.number(),
});
export type HandledReminder = z.infer<typeof HandledReminder>;

export const ReminderLogFile = z.object({
  schemaVersion: z.number().int().positive(),
  /**
   * The last moment this workspace's reminders were known to be looked after (the app running and
   * awake). Reminders due after it and not handled fell due while the app was away: the digest.
   */
  awakeAt: z.number().nullable(),
  /** Reminder id → what became of it. */
  handled: z.record(z.string(), HandledReminder),
  /** Reminder id → when a snoozed reminder fires again. */
  snoozed: z.record(z.string(), z.number()),
  /** The notification centre, oldest first. */
  notifications: z.array(AppNotification),
});
export type ReminderLogFile = z.infer<typeof ReminderLogFile>;

/** Notifications kept in the centre. */
export const MAX_NOTIFICATIONS = 100;

export const REMINDER_LOG_FILE: JsonFileKind<ReminderLogFile> = {
  fileName: 'reminders.json',
  label: 'The record of reminders already shown',
  version: 1,
  migrations: {},
  schema: ReminderLogFile,
  defaults: () => ({ schemaVersion: 1, awakeAt: null, handled: {}, snoozed: {}, notifications: [] }),
  describe: (data) => `${Object.keys(data.handled).length} reminders`,
  emptyRecovery:
    'CareWindow started a new one. Reminders that were due before are summarised once instead of being shown again; no message was lost.',
  // An older copy could miss reminders shown after it was saved and show them twice: rebuild instead.
  backup: false,
};

/**
 * How the log was found when the workspace opened:
 * - new: there was none (a new workspace, or the first start of a version with reminders);
 * - ok: read as saved;
 * - rebuilt: it was damaged (moved to corrupt/) or written by a newer CareWindow, and starts empty.
 */
export type ReminderLogState = 'new' | 'ok' | 'rebuilt';

/** The log as it stands, for reading: every change goes through the log's named operations. */
export interface ReminderLogView {
  readonly schemaVersion: number;
  readonly awakeAt: number | null;
  readonly handled: Readonly<Record<string, Readonly<HandledReminder>>>;
  readonly snoozed: Readonly<Record<string, number>>;
  readonly notifications: readonly Readonly<AppNotification>[];
}

/**
 * Which reminders were dealt with, snoozes, the notification centre, and when the app last looked after
 * reminders. Changes stay in memory until save(), so one save records everything one wake-up did.
 */
export interface ReminderLog {
  readonly state: ReminderLogState;
  readonly problems: readonly DataProblem[];
  readonly data: ReminderLogView;
  /** Reminders were looked after until `at`: what falls due after it and is not handled was missed. */
  markAwake(at: number): void;
  /** What became of a reminder that fell due; any snooze of it is over. */
  recordOutcome(reminderId: string, outcome: HandledReminder): void;
  /** Shows the reminder again at `until` (even one already shown). */
  snooze(reminderId: string, until: number): void;
  /** Never shows the reminder (again); an earlier outcome is kept. */
  silence(reminderId: string, at: number, expiresAt: number): void;
  /** Forgets reminders whose window closed before `cutoff`, and snoozes that ended before it. */
  forgetBefore(cutoff: number): void;
  addNotifications(notifications: readonly AppNotification[]): void;
  /** Drops everything about a deleted contact: its reminders' records and the notifications naming it. */
  forgetContact(contactId: string): void;
  /** Marks the notifications `which` picks as read; true when any was unread. */
  markRead(which: (notification: Readonly<AppNotification>) => boolean): boolean;
  /** Writes what the log holds now, durably (fsync + rename); writes run in call order. */
  save(): Promise<void>;
  close(): Promise<void>;
}

export type ReminderLogOptions = FolderFileOptions;

/**
 * Opens `<workspace>/reminders.json`: which reminders were already shown (so a restart never shows one
 * twice), snoozes, the notification centre, and when the app last looked after reminders. A damaged
 * file is moved to `corrupt/` and the log starts again empty; the reminder service then treats every
 * reminder already due as missed (summarised once), never as one to show.
 */
export async function openReminderLog(dir: string, options: ReminderLogOptions): Promise<ReminderLog> {
  const { low, file } = await openInFolder(dir, REMINDER_LOG_FILE, options);
  const state: ReminderLogState =
    file.problems.length > 0 ? 'rebuilt' : low.data.awakeAt === null ? 'new' : 'ok';
  return new ReminderRecords(state, file.problems, low, () => file.writable);
}

/** A log kept only in memory (benchmarks, and hosts that must not write): saving does nothing. */
export function memoryReminderLog(awakeAt: number | null): ReminderLog {
  const memory = {
    data: { ...REMINDER_LOG_FILE.defaults(), awakeAt },
    write: () => Promise.resolve(),
  };
  return new ReminderRecords(awakeAt === null ? 'new' : 'ok', [], memory, () => false);
}

class ReminderRecords implements ReminderLog {
  private pending: Promise<void> = Promise.resolve();

  constructor(
    readonly state: ReminderLogState,
    readonly problems: readonly DataProblem[],
    private readonly file: { readonly data: ReminderLogFile; write(): Promise<void> },
    private readonly writable: () => boolean,
  ) {}

  get data(): ReminderLogView {
    return this.file.data;
  }

  markAwake(at: number): void {
    this.file.data.awakeAt = at;
  }

  recordOutcome(reminderId: string, outcome: HandledReminder): void {
    const { handled, snoozed } = this.file.data;
    handled[reminderId] = { ...outcome };
    Reflect.deleteProperty(snoozed, reminderId);
  }

  snooze(reminderId: string, until: number): void {
    this.file.data.snoozed[reminderId] = until;
  }

  silence(reminderId: string, at: number, expiresAt: number): void {
    const { handled, snoozed } = this.file.data;
    Reflect.deleteProperty(snoozed, reminderId);
    handled[reminderId] ??= { at, how: 'skipped', expiresAt };
  }

  forgetBefore(cutoff: number): void {
    const { handled, snoozed } = this.file.data;
    for (const [id, record] of Object.entries(handled)) {
      if (record.expiresAt < cutoff) Reflect.deleteProperty(handled, id);
    }
    for (const [id, until] of Object.entries(snoozed)) {
      if (until < cutoff) Reflect.deleteProperty(snoozed, id);
    }
  }

  addNotifications(notifications: readonly AppNotification[]): void {
    this.file.data.notifications.push(...notifications);
  }

  forgetContact(contactId: string): void {
    const { handled, snoozed } = this.file.data;
    for (const id of [...Object.keys(handled), ...Object.keys(snoozed)]) {
      if (contactIdOfReminder(id) !== contactId) continue;
      Reflect.deleteProperty(handled, id);
      Reflect.deleteProperty(snoozed, id);
    }
    // A notification's words name the customer, so one that mentions them goes whole, even a group's.
    this.file.data.notifications = this.file.data.notifications.filter(
      (n) => !n.contactIds.includes(contactId),
    );
  }

  markRead(which: (notification: Readonly<AppNotification>) => boolean): boolean {
    let changed = false;
    for (const n of this.file.data.notifications) {
      if (!n.read && which(n)) {
        n.read = true;
        changed = true;
      }
    }
    return changed;
  }

  save(): Promise<void> {
    if (!this.writable()) return Promise.resolve();
    const notifications = this.file.data.notifications;
    const cap = notifications.length - MAX_NOTIFICATIONS;
    if (cap > 0) notifications.splice(0, cap);
    const write = this.file.write();
    this.pending = write.catch(() => undefined);
    return write;
  }

  close(): Promise<void> {
    return this.pending;
  }
}
