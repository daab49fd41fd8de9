// Longer than 300 lines because the summaries in memory, their file and journal, and the check after an
// unclean close are one state: each write, flush and check reads and changes the same entries and marks.
import path from 'node:path';
import type { Low } from 'lowdb';
import type { Activity } from '../contract/model';
import { NO_ACTIVITY } from '../domain/activity';
import {
  ACTIVITY_FILE,
  ACTIVITY_JOURNAL,
  changeOf,
  foldChanges,
  markCleanClose,
  SummaryEntry,
  takeCleanClose,
  type ActivityFile,
  type SummaryDeps,
  type SummaryTiming,
} from './activity-file';
import { reconcile } from './activity-reconcile';
import { columnsOf, entriesOf, NO_COLUMNS } from './activity-columns';
import { openDurableJson, type DurableJsonFile, type DurableJsonOptions } from './durable-json-file';
import { JournalFile } from './journal-file';
import { Listeners } from './listeners';
import { EMPTY_ORDER, withLines, type LogOrder } from './log-order';
import type { MessageHistory } from './message-history';
import { SerialQueue, type KeyedQueues } from './serial-queue';
import type { StoreTimer } from './store-timer';

export { ACTIVITY_FILE, SummaryEntry, type SummaryTiming } from './activity-file';

const CHECK_CONCURRENCY = 16;
/** Journal bytes allowed before compaction: at least this, or about half of activity.json. */
const COMPACT_FLOOR = 256 * 1024;
const BYTES_PER_ENTRY = 160;

/**
 * What the first screen shows about each contact's history, without reading the histories. activity.json
 * is the base (written whole, rarely); each batch of changes is one fsynced line in activity.journal.jsonl
 * (journal-file.ts), so a flush writes the changed summaries only, not 1.6 MB at 10,000 contacts. Folded
 * in at open; compacted when the journal passes half the base, at a clean close and when a contact is
 * forgotten. Each entry records how many bytes of the history it covers. After a clean close (a mark
 * beside the file) every summary is trusted as it is; otherwise each is checked against its history when
 * that contact is first used, and the rest in the background a little after the first screen: opening a
 * workspace never stats or reads every history.
 */
export class ActivitySummaries {
  /** Changed since the last flush: the new entry, or null for a dropped one. */
  private readonly pending = new Map<string, SummaryEntry | null>();
  private closed = false;
  private debounce: { cancel(): void } | undefined;
  private deadline: { cancel(): void } | undefined;
  private checkTimer: { cancel(): void } | undefined;
  private background: Promise<void> = Promise.resolve();
  /** Starts the background check now, when it is still to come. */
  private startCheck: (() => void) | undefined;
  /** Every summary was checked against its history (or trusted after a clean close). */
  private allChecked = true;
  private readonly summariesChanged = new Listeners<string[]>();
  private readonly writes = new SerialQueue();
  private changes = 0;

  private constructor(
    private readonly low: Low<ActivityFile>,
    readonly file: DurableJsonFile<ActivityFile>,
    private readonly journal: JournalFile,
    private readonly history: MessageHistory,
    private readonly entries: Map<string, SummaryEntry>,
    /** Contacts whose summary this run found (or made) to cover their whole history. */
    private readonly checked: Set<string>,
    /**
     * After a clean close every summary found at open is trusted, without listing them: a contact without
     * one (no messages yet) is checked at first use, which finds no history in one stat.
     */
    private readonly trustedAtOpen: boolean,
    private generation: number,
    /** activity.json is there in this build's version: else the next write is the whole file, not a line. */
    private baseExists: boolean,
    private readonly deps: SummaryDeps,
  ) {}

  /** Loads the summaries and their journal; checks nothing against the histories yet (see the class). */
  static async open(args: {
    dir: string;
    /** Asked only after an unclean close, to check every contact in the background. */
    contactIds: () => readonly string[];
    history: MessageHistory;
    durable: DurableJsonOptions;
    timing: SummaryTiming;
    timer: StoreTimer;
    /** The store's per-contact queues: a background check waits its turn behind the contact's writes. */
    perContact: KeyedQueues;
  }): Promise<ActivitySummaries> {
    const { dir, durable } = args;
    const { low, file } = await openDurableJson(dir, ACTIVITY_FILE, durable);
    const journal = new JournalFile(path.join(dir, ACTIVITY_JOURNAL), durable.fs, file.path);
    const entries = entriesOf(low.data.columns);
    // Written again from the entries (compact()): the columns as read are not kept as well.
    low.data = { ...low.data, columns: NO_COLUMNS() };
    const generation = low.data.generation ?? 0;
    const { records, bad } = await journal.read();
    const damaged = bad + foldChanges(records, generation, entries);
    const outcome = file.outcome.kind;
    const baseExists = outcome !== 'missing' && outcome !== 'emptied';
    // Always taken, so a crash after this open is never seen as a clean close.
    const marked = await takeCleanClose(durable.fs, dir, generation);
    const clean = marked && baseExists && journal.size === 0 && damaged === 0 && outcome === 'ok';
    const summaries = new ActivitySummaries(
      low,
      file,
      journal,
      args.history,
      entries,
      new Set(),
      clean,
      generation,
      baseExists && file.upgradedFrom === null,
      { dir, durable, timing: args.timing, timer: args.timer, log: durable.log },
    );
    const ids = clean ? [] : [...new Set([...args.contactIds(), ...entries.keys()])];
    if (ids.length > 0) {
      summaries.allChecked = false;
      const start = (): void => {
        summaries.startCheck = undefined;
        summaries.checkTimer?.cancel();
        summaries.background = summaries.checkAll(ids, args.perContact);
      };
      summaries.startCheck = start;
      summaries.checkTimer = args.timer.at(durable.now() + args.timing.checkAfterMs, start);
    }
    return summaries;
  }

  /** Grows with every change to a summary (WorkspaceStore.activityRevision). */
  get revision(): number {
    return this.changes;
  }

  get(contactId: string): Activity {
    return this.entries.get(contactId)?.activity ?? NO_ACTIVITY;
  }

  /** Told the contacts whose summary changed when checked in the background. */
  onChanged(listener: (contactIds: string[]) => void): () => void {
    return this.summariesChanged.add(listener);
  }

  /**
   * Checks a contact's summary against its history, unless this run already knows it covers it, before
   * anything is folded onto it. True when the summary changed. Call inside that contact's queue.
   */
  async ensure(contactId: string): Promise<boolean> {
    if (this.isChecked(contactId)) return false;
    const before = this.entries.get(contactId);
    const entry = await reconcile(this.history, contactId, before);
    this.checked.add(contactId);
    if (entry === before) return false;
    this.keep(contactId, entry ?? null);
    return true;
  }

  private isChecked(contactId: string): boolean {
    return this.checked.has(contactId) || (this.trustedAtOpen && this.entries.has(contactId));
  }

  /**
   * Records a contact's summary and its history's size. `ats`: the times of the messages just appended
   * (in file order), to keep the history's order; 'rewritten': the file was rewritten, its order is unknown.
   */
  set(contactId: string, activity: Activity, logBytes: number, ats?: readonly number[] | 'rewritten'): void {
    const before = this.entries.get(contactId);
    let order = before?.order;
    if (ats === 'rewritten') order = undefined;
    else if (ats !== undefined && (before === undefined || order !== undefined)) {
      order = withLines(order ?? EMPTY_ORDER, before?.logBytes ?? 0, logBytes, ats);
    }
    this.checked.add(contactId);
    this.keep(contactId, order === undefined ? { activity, logBytes } : { activity, logBytes, order });
  }

  /** The order of a history of this size, when its summary covers exactly that size and knows it. */
  orderOf(contactId: string, size: number): LogOrder | undefined {
    const entry = this.entries.get(contactId);
    return entry?.logBytes === size ? entry.order : undefined;
  }

  /** Keeps the order learnt by reading a whole history, when the summary is of that same size. */
  learnOrder(contactId: string, size: number, order: LogOrder): void {
    const entry = this.entries.get(contactId);
    if (entry?.logBytes !== size || entry.order !== undefined) return;
    this.keep(contactId, { ...entry, order });
  }

  /**
   * Drops a deleted contact's summary and writes activity.json twice with the journal emptied, so neither
   * the journal nor a copy of the file a write replaces keeps what the last message said.
   */
  async forget(contactId: string): Promise<void> {
    this.checked.delete(contactId);
    this.keep(contactId, null);
    await this.flush();
    await this.writes.run(async () => {
      if (!this.file.writable) return;
      await this.compact();
      await this.compact();
    });
  }

  /**
   * Brings every summary up to date (a background check still to come runs now) and writes the changes
   * since the last flush as one journal line; waits for a write already under way.
   */
  async flush(): Promise<void> {
    if (!this.closed) this.startCheck?.();
    await this.background;
    this.clearTimers();
    return this.writes.run(async () => {
      if (this.pending.size === 0 || !this.file.writable) return;
      const batch = new Map(this.pending);
      this.pending.clear();
      try {
        // A new workspace's first flush writes activity.json itself, as contacts.json's does.
        if (!this.baseExists) await this.compact();
        else await this.journal.append(changeOf(this.generation, batch));
      } catch (err) {
        // Tried again with the next change, at flush() or at close(); newer changes win.
        for (const [id, entry] of batch) if (!this.pending.has(id)) this.pending.set(id, entry);
        throw err;
      }
      if (this.journal.size > Math.max(COMPACT_FLOOR, (this.entries.size * BYTES_PER_ENTRY) / 2)) {
        // The changes are durable in the journal already: a failed compaction is tried again later.
        await this.compact().catch((err: unknown) => this.onError(err));
      }
    });
  }

  /** Folds the journal into activity.json and, when every summary is known good, marks a clean close. */
  async close(): Promise<void> {
    this.closed = true;
    this.checkTimer?.cancel();
    await this.background;
    await this.flush();
    await this.writes.run(async () => {
      if (!this.file.writable || this.pending.size > 0) return;
      if (this.journal.size > 0 || !this.baseExists) await this.compact();
      if (this.allChecked) await markCleanClose(this.deps.durable.fs, this.deps.dir, this.generation);
    });
  }

  private keep(contactId: string, entry: SummaryEntry | null): void {
    this.changes++;
    if (entry) this.entries.set(contactId, entry);
    else this.entries.delete(contactId);
    this.pending.set(contactId, entry);
    this.markDirty();
  }

  /** Writes every summary as a new generation of activity.json, then empties the journal. */
  private async compact(): Promise<void> {
    const generation = this.generation + 1;
    this.low.data = {
      schemaVersion: ACTIVITY_FILE.version,
      generation,
      columns: columnsOf(this.entries),
    };
    await this.low.write();
    this.generation = generation;
    this.baseExists = true;
    await this.journal.reset();
  }

  /** The background check after an unclean close: each contact in its own queue, a few at a time. */
  private async checkAll(ids: readonly string[], perContact: KeyedQueues): Promise<void> {
    const changed: string[] = [];
    const outcome = { failed: false };
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < ids.length; i = next++) {
        // A close stops the check: the summaries not checked yet are not known good (no clean mark).
        if (this.closed) return void (outcome.failed = true);
        const id = ids[i];
        if (id === undefined || this.isChecked(id)) continue;
        try {
          if (await perContact.run(id, () => this.ensure(id))) changed.push(id);
        } catch (err) {
          // One unreadable history (locked, or from a newer CareWindow) must not stop the others; its
          // conversation reports the error itself when opened.
          outcome.failed = true;
          this.deps.log.error(`Could not check the activity summary of contact ${id}`, err);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CHECK_CONCURRENCY, ids.length) }, worker));
    if (!outcome.failed) this.allChecked = true;
    if (changed.length > 0) this.summariesChanged.tell(changed);
  }

  private markDirty(): void {
    if (this.closed) return;
    const now = this.deps.durable.now();
    this.debounce?.cancel();
    this.debounce = this.deps.timer.at(now + this.deps.timing.delayMs, () => this.flushInBackground());
    this.deadline ??= this.deps.timer.at(now + this.deps.timing.maxDelayMs, () => this.flushInBackground());
  }

  private flushInBackground(): void {
    this.flush().catch((err: unknown) => this.onError(err));
  }

  private onError(err: unknown): void {
    this.deps.log.error('CareWindow could not save activity.json', err);
  }

  private clearTimers(): void {
    this.debounce?.cancel();
    this.deadline?.cancel();
    this.debounce = undefined;
    this.deadline = undefined;
  }
}
