import { z } from 'zod';
import { Timestamp } from '../contract/primitives';
import { columnsOf } from './activity-columns';
import type { SummaryEntry } from './activity-file';

/**
 * activity.json version 2, read now only to move it to version 3's columns (activity-columns.ts): one row
 * per contact instead of version 1's object per contact (4.4 MB at 10,000 contacts; rows without indentation
 * were a third of it). The model in memory keeps SummaryEntry: rows exist in the file only.
 */
const Count = z.number().int().nonnegative();
const Direction = z.enum(['inbound', 'outbound']);

/** [text, at, direction, notSent?]: Activity's lastMessage. */
const LastMessageRow = z.tuple([z.string(), Timestamp, Direction, z.string().max(1000).optional()]);
/** [maxAt, late]: the history's LogOrder. */
const OrderRow = z.tuple([z.number().nullable(), z.array(z.tuple([Count, Count])).max(200)]);

/** [id, lastInboundAt, lastOutboundAt, lastFollowUpAt, messageCount, lastMessage, logBytes, order]. */
export const SummaryRow = z.tuple([
  z.string(),
  Timestamp.nullable(),
  Timestamp.nullable(),
  Timestamp.nullable(),
  Count,
  LastMessageRow.nullable(),
  Count,
  OrderRow.nullable(),
]);
export type SummaryRow = z.infer<typeof SummaryRow>;

// Timestamp's bounds (contract/primitives.ts).
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);
// zod's int() is a safe integer.
const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
const isTime = (v: unknown): boolean =>
  Number.isSafeInteger(v) && (v as number) >= EARLIEST && (v as number) <= LATEST;
const isTimeOrNull = (v: unknown): boolean => v === null || isTime(v);

// Rows are read by index, not destructured: destructuring walks an iterator per row, which costs more
// than the check itself in code that has not been optimised yet (the first start after the update).

function isLastMessage(v: unknown): boolean {
  if (v === null) return true;
  if (!Array.isArray(v) || v.length < 3 || v.length > 4) return false;
  const row = v as unknown[];
  const text = row[0];
  const direction = row[2];
  if (typeof text !== 'string' || !isTime(row[1]) || (direction !== 'inbound' && direction !== 'outbound')) {
    return false;
  }
  const notSent = row[3];
  return row.length === 3 || (typeof notSent === 'string' && notSent.length <= 1000);
}

function isOrder(v: unknown): boolean {
  if (v === null) return true;
  if (!Array.isArray(v) || v.length !== 2) return false;
  const maxAt = (v as unknown[])[0];
  const late = (v as unknown[])[1];
  if (maxAt !== null && (typeof maxAt !== 'number' || !Number.isFinite(maxAt))) return false;
  if (!Array.isArray(late) || late.length > 200) return false;
  for (const range of late as unknown[]) {
    if (!Array.isArray(range) || range.length !== 2 || !isCount(range[0]) || !isCount(range[1])) return false;
  }
  return true;
}

/**
 * The same test as SummaryRow, by hand: on 10,000 rows zod's per-value checks take ~20 ms warm and several
 * times that at a cold start, this well under 1 ms warm. A test holds the two to the same answers.
 */
export function isSummaryRow(v: unknown): v is SummaryRow {
  if (!Array.isArray(v) || v.length !== 8) return false;
  const row = v as unknown[];
  return (
    typeof row[0] === 'string' &&
    isTimeOrNull(row[1]) &&
    isTimeOrNull(row[2]) &&
    isTimeOrNull(row[3]) &&
    isCount(row[4]) &&
    isLastMessage(row[5]) &&
    isCount(row[6]) &&
    isOrder(row[7])
  );
}

const EveryRow = z.array(SummaryRow);

/** The rows, checked fast; when one is wrong, zod's own check says where, for the damage report. */
export const SummaryRows = z.custom<SummaryRow[]>().superRefine((rows, ctx) => {
  if (Array.isArray(rows) && rows.every(isSummaryRow)) return;
  const full = EveryRow.safeParse(rows);
  const issues = full.success ? [{ path: [], message: 'a row does not match' }] : full.error.issues;
  for (const { path, message } of issues) ctx.addIssue({ code: 'custom', path, message });
});

export function rowOf(id: string, entry: SummaryEntry): SummaryRow {
  const { activity, order } = entry;
  const last = activity.lastMessage;
  const lastRow: z.infer<typeof LastMessageRow> | null =
    last === null
      ? null
      : last.notSent === undefined
        ? [last.text, last.at, last.direction]
        : [last.text, last.at, last.direction, last.notSent];
  return [
    id,
    activity.lastInboundAt,
    activity.lastOutboundAt,
    activity.lastFollowUpAt,
    activity.messageCount,
    lastRow,
    entry.logBytes,
    order === undefined ? null : [order.maxAt, order.late],
  ];
}

export function entryOf(row: SummaryRow): SummaryEntry {
  const last = row[5];
  const lastMessage =
    last === null
      ? null
      : last[3] === undefined
        ? { text: last[0], at: last[1], direction: last[2] }
        : { text: last[0], at: last[1], direction: last[2], notSent: last[3] };
  const activity = {
    lastInboundAt: row[1],
    lastOutboundAt: row[2],
    lastFollowUpAt: row[3],
    lastMessage,
    messageCount: row[4],
  };
  const order = row[7];
  return order === null
    ? { activity, logBytes: row[6] }
    : { activity, logBytes: row[6], order: { maxAt: order[0], late: order[1] } };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** A field of what may not be an object: undefined then, which no row accepts, so the file reads as damaged. */
const field = (v: unknown, key: string): unknown => (isRecord(v) ? v[key] : undefined);

/**
 * Version 1 (`entries`: an object per contact id) to rows. Copies fields without judging them: the
 * rows' schema then rejects whatever was wrong in version 1 too.
 */
export function rowsFromEntries(file: Record<string, unknown>): Record<string, unknown> {
  const { entries, ...rest } = file;
  if (!isRecord(entries)) throw new Error('entries is not an object');
  const rows = Object.entries(entries).map(([id, entry]) => {
    const activity = field(entry, 'activity');
    const last = field(activity, 'lastMessage');
    const notSent = field(last, 'notSent');
    const order = field(entry, 'order');
    const lastRow = isRecord(last)
      ? [last.text, last.at, last.direction, ...(notSent === undefined ? [] : [notSent])]
      : last === null
        ? null
        : undefined;
    return [
      id,
      field(activity, 'lastInboundAt'),
      field(activity, 'lastOutboundAt'),
      field(activity, 'lastFollowUpAt'),
      field(activity, 'messageCount'),
      lastRow,
      field(entry, 'logBytes'),
      order === undefined ? null : isRecord(order) ? [order.maxAt, order.late] : undefined,
    ];
  });
  return { ...rest, rows };
}

/**
 * Version 2 (rows) to 3 (columns). The rows are checked first, and a wrong one fails the move with its
 * place, so the file reads as damaged and is rebuilt from the histories, as a damaged version 3 would be.
 */
export function columnsFromRows(file: Record<string, unknown>): Record<string, unknown> {
  const { rows, ...rest } = file;
  const checked = SummaryRows.safeParse(rows);
  if (!checked.success) {
    const first = checked.error.issues[0];
    throw new Error(`${['rows', ...(first?.path ?? [])].join('.')}: ${first?.message ?? 'invalid'}`);
  }
  return { ...rest, columns: columnsOf(checked.data.map((row) => [row[0], entryOf(row)] as const)) };
}
