import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Activity } from '../contract/model';
import { CheckedColumns, NO_COLUMNS } from './activity-columns';
import { columnsFromRows, rowsFromEntries } from './activity-rows';
import type { DurableJsonOptions } from './durable-json-file';
import type { JsonFileKind } from './json-file-kind';
import { LogOrder } from './log-order';
import { isMissing, syncDir, type StoreFs, type StoreLog } from './store-fs';
import type { StoreTimer } from './store-timer';

export const SummaryEntry = z.object({
  activity: Activity,
  /** The history file's size when `activity` was computed: anything after it has not been folded in. */
  logBytes: z.number().int().nonnegative(),
  /** How far the history's lines are out of time order (log-order.ts); absent: not known yet. */
  order: LogOrder.optional(),
});
export type SummaryEntry = z.infer<typeof SummaryEntry>;

export const ActivityFile = z.object({
  schemaVersion: z.number().int().positive(),
  /** Which lines of activity.journal.jsonl are already in this file (as contacts.json's, contact-book.ts). */
  generation: z.number().int().nonnegative().optional(),
  /**
   * A column per field (activity-columns.ts); version 2 had `rows`, one per contact (activity-rows.ts),
   * version 1 `entries`, an object per contact id.
   */
  columns: CheckedColumns,
});
export type ActivityFile = z.infer<typeof ActivityFile>;

export const ACTIVITY_FILE: JsonFileKind<ActivityFile> = {
  fileName: 'activity.json',
  label: 'The summary of your conversations',
  version: 3,
  migrations: { 1: rowsFromEntries, 2: columnsFromRows },
  schema: ActivityFile,
  defaults: () => ({ schemaVersion: 3, columns: NO_COLUMNS() }),
  describe: (data) => `${data.columns.ids.length} conversations`,
  compact: true,
  emptyRecovery: 'CareWindow rebuilt it from your message history; no message was lost.',
  // Rebuilt from the histories whenever it is wrong or missing: a backup would add nothing.
  backup: false,
};

/** Beside activity.json: the summaries changed since it was written whole, one line per flush. */
export const ACTIVITY_JOURNAL = 'activity.journal.jsonl';

/** One flush: summaries replaced and contacts dropped, written on top of base generation `g`. */
export const ActivityChange = z.object({
  g: z.number().int().nonnegative(),
  put: z.record(z.string(), z.unknown()).default({}),
  del: z.array(z.string()).default([]),
});
export type ActivityChange = z.infer<typeof ActivityChange>;

/** Applies the journal's lines written on this base generation or later; returns the lines or entries unusable. */
export function foldChanges(
  records: readonly unknown[],
  generation: number,
  entries: Map<string, SummaryEntry>,
): number {
  let damaged = 0;
  for (const record of records) {
    const change = ActivityChange.safeParse(record);
    if (!change.success) {
      damaged++;
      continue;
    }
    if (change.data.g < generation) continue; // already in activity.json (a compaction cut short)
    for (const [id, raw] of Object.entries(change.data.put)) {
      const entry = SummaryEntry.safeParse(raw);
      if (entry.success) entries.set(id, entry.data);
      else damaged++;
    }
    for (const id of change.data.del) entries.delete(id);
  }
  return damaged;
}

/** One flush's journal line. */
export function changeOf(
  generation: number,
  batch: ReadonlyMap<string, SummaryEntry | null>,
): ActivityChange {
  const put: Record<string, SummaryEntry> = {};
  const del: string[] = [];
  for (const [id, entry] of batch) {
    if (entry) put[id] = entry;
    else del.push(id);
  }
  return { g: generation, put, del };
}

/**
 * Written at a clean close, after the journal was folded into activity.json: every summary covers its
 * whole history, so the next open trusts them without a stat of each history. Removed at open, so a
 * crash later is never taken for a clean close. Hidden, so a backup leaves it out (a restored workspace
 * checks its summaries).
 */
const CLEAN_CLOSE = '.activity-closed-cleanly';

/** True when the workspace was closed cleanly on activity.json of this generation; forgets the mark. */
export async function takeCleanClose(fs: StoreFs, dir: string, generation: number): Promise<boolean> {
  const file = path.join(dir, CLEAN_CLOSE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return false;
  }
  try {
    await fs.unlink(file);
  } catch (err) {
    // A mark that cannot be removed would make a later crash look clean: not trusted.
    if (!isMissing(err)) return false;
  }
  let mark;
  try {
    mark = z.object({ g: z.number(), bytes: z.number() }).safeParse(JSON.parse(text) as unknown);
  } catch {
    return false;
  }
  // The size too: an activity.json replaced by hand (or by an older copy) since is not what was marked.
  const size = await fs.stat(path.join(dir, ACTIVITY_FILE.fileName)).then(
    (stat) => stat.size,
    () => -1,
  );
  return mark.success && mark.data.g === generation && mark.data.bytes === size;
}

/** Marks a clean close on activity.json of this generation (best effort: without it the next open checks). */
export async function markCleanClose(fs: StoreFs, dir: string, generation: number): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    const bytes = (await fs.stat(path.join(dir, ACTIVITY_FILE.fileName))).size;
    handle = await fs.open(path.join(dir, CLEAN_CLOSE), 'w');
    await handle.writeFile(JSON.stringify({ g: generation, bytes }), 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    await syncDir(fs, dir);
  } catch {
    // Best effort by design: see above.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export interface SummaryTiming {
  /** Quiet time after the last change before the changes are written. */
  readonly delayMs: number;
  /** Longest a change waits while changes keep coming. */
  readonly maxDelayMs: number;
  /** After an unclean close, how long after opening the summaries not yet used are checked. */
  readonly checkAfterMs: number;
}

export interface SummaryDeps {
  dir: string;
  durable: DurableJsonOptions;
  timing: SummaryTiming;
  timer: StoreTimer;
  log: StoreLog;
}
