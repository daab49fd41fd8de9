import type { Low } from 'lowdb';
import { z } from 'zod';
import { Activity } from '../contract/model';
import { activityOf, NO_ACTIVITY, withMessage } from '../domain/activity';
import { openDurableJson, type DurableJsonFile, type DurableJsonOptions } from './durable-json-file';
import type { JsonFileKind } from './json-file-kind';
import { foldLog } from './message-log';
import type { MessageHistory } from './message-history';
import { SerialQueue } from './serial-queue';
import type { StoreTimer } from './store-timer';

export const SummaryEntry = z.object({
  activity: Activity,
  /** The history file's size when `activity` was computed: anything after it has not been folded in. */
  logBytes: z.number().int().nonnegative(),
});
export type SummaryEntry = z.infer<typeof SummaryEntry>;

export const ActivityFile = z.object({
  schemaVersion: z.number().int().positive(),
  entries: z.record(z.string(), SummaryEntry),
});
export type ActivityFile = z.infer<typeof ActivityFile>;

export const ACTIVITY_FILE: JsonFileKind<ActivityFile> = {
  fileName: 'activity.json',
  label: 'The summary of your conversations',
  version: 1,
  migrations: {},
  schema: ActivityFile,
  defaults: () => ({ schemaVersion: 1, entries: {} }),
  describe: (data) => `${Object.keys(data.entries).length} conversations`,
  emptyRecovery: 'CareWindow rebuilt it from your message history; no message was lost.',
  // Rebuilt from the histories whenever it is wrong or missing: a backup would add nothing.
  backup: false,
};

export interface SummaryTiming {
  /** Quiet time after the last change before the file is written. */
  readonly delayMs: number;
  /** Longest a change waits while changes keep coming. */
  readonly maxDelayMs: number;
}

const OPEN_CONCURRENCY = 16;

/**
 * What the first screen shows about each contact's history, without reading the histories. Written to
 * activity.json in batches (rewriting a 10,000-contact file per message costs 34–51 ms); each entry records
 * how many bytes of the history it covers, so after a crash only the unsummarised tail is read again.
 */
export class ActivitySummaries {
  private dirty = false;
  private closed = false;
  private debounce: { cancel(): void } | undefined;
  private deadline: { cancel(): void } | undefined;
  private readonly writes = new SerialQueue();

  private constructor(
    private readonly low: Low<ActivityFile>,
    readonly file: DurableJsonFile<ActivityFile>,
    private readonly history: MessageHistory,
    private readonly entries: Map<string, SummaryEntry>,
    /** Contacts whose summary was checked against their history since opening. */
    private readonly checked: Set<string>,
    private readonly timing: SummaryTiming,
    private readonly timer: StoreTimer,
    private readonly now: () => number,
    private readonly onError: (err: unknown) => void,
  ) {}

  /**
   * Loads the summaries and checks each against its history's size: equal is trusted, larger is brought up
   * to date from the new bytes only, anything else is recomputed from the whole history.
   */
  static async open(args: {
    dir: string;
    contactIds: Iterable<string>;
    history: MessageHistory;
    durable: DurableJsonOptions;
    timing: SummaryTiming;
    timer: StoreTimer;
  }): Promise<ActivitySummaries> {
    const { low, file } = await openDurableJson(args.dir, ACTIVITY_FILE, args.durable);
    const stored = new Map(Object.entries(low.data.entries));
    const ids = [...new Set([...args.contactIds, ...stored.keys()])];
    const entries = new Map<string, SummaryEntry>();
    const changed: string[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < ids.length; i = next++) {
        const id = ids[i];
        if (id === undefined) continue;
        const before = stored.get(id);
        let after: SummaryEntry | undefined;
        try {
          after = await reconcile(args.history, id, before);
        } catch (err) {
          // One unreadable history (locked, or from a newer CareWindow) must not keep the workspace shut;
          // its conversation reports the error itself when opened.
          args.durable.log.error(`Could not check the activity summary of contact ${id}`, err);
          after = before;
        }
        if (after) entries.set(id, after);
        if (after !== before) changed.push(id);
      }
    };
    await Promise.all(Array.from({ length: Math.min(OPEN_CONCURRENCY, ids.length) }, worker));
    const onError = (err: unknown): void =>
      args.durable.log.error('CareWindow could not save activity.json', err);
    const summaries = new ActivitySummaries(
      low,
      file,
      args.history,
      entries,
      new Set(ids),
      args.timing,
      args.timer,
      args.durable.now,
      onError,
    );
    if (changed.length > 0) summaries.markDirty();
    return summaries;
  }

  get(contactId: string): Activity {
    return this.entries.get(contactId)?.activity ?? NO_ACTIVITY;
  }

  /**
   * Checks the summary of a contact that was not known when the workspace opened (its contact record came
   * later) against its history, before anything is folded onto it. Call inside that contact's queue.
   */
  async ensure(contactId: string): Promise<void> {
    if (this.checked.has(contactId)) return;
    const entry = await reconcile(this.history, contactId, this.entries.get(contactId));
    this.checked.add(contactId);
    if (entry) this.set(contactId, entry.activity, entry.logBytes);
  }

  set(contactId: string, activity: Activity, logBytes: number): void {
    this.checked.add(contactId);
    this.entries.set(contactId, { activity, logBytes });
    this.markDirty();
  }

  /**
   * Drops a deleted contact's summary and writes the file twice, so activity.json.bak (a copy of the file
   * each write replaces) does not keep what the last message said either.
   */
  async forget(contactId: string): Promise<void> {
    this.entries.delete(contactId);
    this.checked.delete(contactId);
    this.dirty = true;
    await this.flush();
    this.dirty = true;
    await this.flush();
  }

  /** Writes the summaries now if anything changed; waits for a write already under way. */
  flush(): Promise<void> {
    this.clearTimers();
    return this.writes.run(async () => {
      if (!this.dirty || !this.file.writable) return;
      this.dirty = false;
      this.low.data = { schemaVersion: ACTIVITY_FILE.version, entries: Object.fromEntries(this.entries) };
      try {
        await this.low.write();
      } catch (err) {
        this.dirty = true;
        throw err;
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  private markDirty(): void {
    this.dirty = true;
    if (this.closed) return;
    const now = this.now();
    this.debounce?.cancel();
    this.debounce = this.timer.at(now + this.timing.delayMs, () => this.flushInBackground());
    this.deadline ??= this.timer.at(now + this.timing.maxDelayMs, () => this.flushInBackground());
  }

  private flushInBackground(): void {
    // A failed batch stays dirty and is tried again with the next change, at flush() or at close().
    this.flush().catch(this.onError);
  }

  private clearTimers(): void {
    this.debounce?.cancel();
    this.deadline?.cancel();
    this.debounce = undefined;
    this.deadline = undefined;
  }
}

/** One contact's summary, brought in line with its history on disk. Undefined: no history at all. */
async function reconcile(
  history: MessageHistory,
  contactId: string,
  entry: SummaryEntry | undefined,
): Promise<SummaryEntry | undefined> {
  const size = await history.sizeOf(contactId);
  if (size === null) return undefined;
  if (entry && size === entry.logBytes) return entry;
  if (entry && size > entry.logBytes) {
    const tail = await history.readFrom(contactId, entry.logBytes);
    if (tail === null) return undefined;
    const folded = foldLog(tail.events);
    // A status for an earlier message (it may have failed) or a tail that does not start on a line
    // (the file was replaced) cannot be folded onto the summary: fall through to the whole history.
    if (!tail.startsBad && folded.strayStatuses === 0) {
      let activity = entry.activity;
      for (const message of folded.messages) activity = withMessage(activity, message);
      return { activity, logBytes: tail.size };
    }
  }
  const whole = await history.readFrom(contactId, 0);
  if (whole === null) return undefined;
  return { activity: activityOf(foldLog(whole.events).messages), logBytes: whole.size };
}
