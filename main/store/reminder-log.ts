import path from 'node:path';
import { z } from 'zod';
import { AppNotification, type DataProblem } from '../contract/model';
import { openDurableJson, type DurableJsonOptions } from './durable-json-file';
import type { JsonFileKind } from './json-file-kind';
import { nodeFs, silentLog, type StoreFs, type StoreLog } from './store-fs';

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

export interface ReminderLog {
  readonly state: ReminderLogState;
  readonly problems: readonly DataProblem[];
  /** The log in memory; the reminder service changes it and then calls save(). */
  readonly data: ReminderLogFile;
  /** Writes what `data` holds now, durably (fsync + rename); writes run in call order. */
  save(): Promise<void>;
  close(): Promise<void>;
}

export interface ReminderLogOptions {
  now: () => number;
  log?: StoreLog;
  fs?: StoreFs;
}

/**
 * Opens `<workspace>/reminders.json`: which reminders were already shown (so a restart never shows one
 * twice), snoozes, the notification centre, and when the app last looked after reminders. A damaged
 * file is moved to `corrupt/` and the log starts again empty; the reminder service then treats every
 * reminder already due as missed (summarised once), never as one to show.
 */
export async function openReminderLog(dir: string, options: ReminderLogOptions): Promise<ReminderLog> {
  const durable: DurableJsonOptions = {
    fs: options.fs ?? nodeFs,
    now: options.now,
    corruptDir: path.join(dir, 'corrupt'),
    log: options.log ?? silentLog,
  };
  const { low, file } = await openDurableJson(dir, REMINDER_LOG_FILE, durable);
  const state: ReminderLogState =
    file.problems.length > 0 ? 'rebuilt' : low.data.awakeAt === null ? 'new' : 'ok';
  let pending: Promise<void> = Promise.resolve();
  return {
    state,
    problems: file.problems,
    get data() {
      return low.data;
    },
    save() {
      if (!file.writable) return Promise.resolve();
      const cap = low.data.notifications.length - MAX_NOTIFICATIONS;
      if (cap > 0) low.data.notifications.splice(0, cap);
      const write = low.write();
      pending = write.catch(() => undefined);
      return write;
    },
    close: () => pending,
  };
}
