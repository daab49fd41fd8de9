import { z } from 'zod';
import type { SummaryEntry } from './activity-file';

/**
 * activity.json from version 3 on: one array per field with a place per contact, instead of a row per
 * contact. The file is machine-only and read whole at every start; rows made V8 build an array and a boxed
 * number per value, columns of times are parsed as plain arrays of doubles, and at 10,000 contacts the
 * parse halves (7 ms instead of 15). A time that is not there is 0 (no time is before 2000); what is rare
 * (a reason a message was not sent, lines out of order) is kept by place, only where there is one.
 */
export interface SummaryColumns {
  ids: string[];
  lastInboundAt: number[];
  lastOutboundAt: number[];
  lastFollowUpAt: number[];
  messageCount: number[];
  logBytes: number[];
  /** The last message: its text (null: none), its time, and 'i' inbound / 'o' outbound / '-' none. */
  lastText: (string | null)[];
  lastAt: number[];
  lastDirection: string;
  /** By place: why the last message was not sent. */
  lastNotSent: Record<string, string>;
  /** The history's order (log-order.ts): '-' not known, 'n' known with no time yet, 'o' with orderMaxAt. */
  orderKind: string;
  orderMaxAt: number[];
  /** By place: the ranges of lines out of time order. */
  orderLate: Record<string, [number, number][]>;
}

// Timestamp's bounds (contract/primitives.ts) and log-order.ts's limit.
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);
const MAX_LATE = 200;
const NONE = 0;

const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
const isTime = (v: unknown): boolean =>
  Number.isSafeInteger(v) && (v as number) >= EARLIEST && (v as number) <= LATEST;
const isTimeOrNone = (v: unknown): boolean => v === NONE || isTime(v);
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const NUMBER_COLUMNS = [
  ['lastInboundAt', isTimeOrNone],
  ['lastOutboundAt', isTimeOrNone],
  ['lastFollowUpAt', isTimeOrNone],
  ['messageCount', isCount],
  ['logBytes', isCount],
  ['lastAt', isTimeOrNone],
  ['orderMaxAt', Number.isFinite],
] as const;

/** A place of a sparse column: a key that names a contact's place. */
function placeOf(key: string, count: number): number | null {
  const place = Number(key);
  return Number.isSafeInteger(place) && place >= 0 && place < count && String(place) === key ? place : null;
}

function isLate(v: unknown): boolean {
  if (!Array.isArray(v) || v.length > MAX_LATE) return false;
  for (const range of v as unknown[]) {
    if (!Array.isArray(range) || range.length !== 2 || !isCount(range[0]) || !isCount(range[1])) return false;
  }
  return true;
}

/**
 * What is wrong with a file's columns, the first thing found, as a path and a message; null when every
 * column holds a valid summary for every contact. Hand-written and by index: it runs at every start.
 */
export function columnsProblem(v: unknown): { path: (string | number)[]; message: string } | null {
  if (!isRecord(v)) return { path: [], message: 'not an object' };
  const ids = v.ids;
  if (!Array.isArray(ids)) return { path: ['ids'], message: 'not a list' };
  const count = ids.length;
  for (let i = 0; i < count; i++) {
    if (typeof ids[i] !== 'string') return { path: ['ids', i], message: 'not a contact id' };
  }
  for (const [name, valid] of NUMBER_COLUMNS) {
    const column = v[name];
    if (!Array.isArray(column) || column.length !== count)
      return { path: [name], message: 'not one per contact' };
    for (let i = 0; i < count; i++) {
      if (!valid(column[i])) return { path: [name, i], message: 'out of range' };
    }
  }
  const { lastText, lastDirection, orderKind, lastNotSent, orderLate } = v;
  const lastAt = v.lastAt as number[];
  const orderMaxAt = v.orderMaxAt as number[];
  if (!Array.isArray(lastText) || lastText.length !== count)
    return { path: ['lastText'], message: 'not one per contact' };
  if (typeof lastDirection !== 'string' || lastDirection.length !== count) {
    return { path: ['lastDirection'], message: 'not one per contact' };
  }
  if (typeof orderKind !== 'string' || orderKind.length !== count) {
    return { path: ['orderKind'], message: 'not one per contact' };
  }
  for (let i = 0; i < count; i++) {
    const direction = lastDirection[i];
    const text: unknown = lastText[i];
    const none = direction === '-';
    if (!none && direction !== 'i' && direction !== 'o')
      return { path: ['lastDirection', i], message: 'unknown' };
    if (none ? text !== null || lastAt[i] !== NONE : typeof text !== 'string' || lastAt[i] === NONE) {
      return { path: ['lastText', i], message: 'does not match its direction and time' };
    }
    const kind = orderKind[i];
    if (kind !== '-' && kind !== 'n' && kind !== 'o') return { path: ['orderKind', i], message: 'unknown' };
    if (kind !== 'o' && orderMaxAt[i] !== NONE)
      return { path: ['orderMaxAt', i], message: 'set without an order' };
  }
  if (!isRecord(lastNotSent)) return { path: ['lastNotSent'], message: 'not an object' };
  for (const key in lastNotSent) {
    const place = placeOf(key, count);
    const reason = lastNotSent[key];
    if (
      place === null ||
      lastDirection[place] === '-' ||
      typeof reason !== 'string' ||
      reason.length > 1000
    ) {
      return { path: ['lastNotSent', key], message: 'not a reason for a last message' };
    }
  }
  if (!isRecord(orderLate)) return { path: ['orderLate'], message: 'not an object' };
  for (const key in orderLate) {
    const place = placeOf(key, count);
    if (place === null || orderKind[place] === '-' || !isLate(orderLate[key])) {
      return { path: ['orderLate', key], message: 'not the late lines of a known order' };
    }
  }
  return null;
}

/** The columns, checked; the first problem (with its place) is the damage report. */
export const CheckedColumns = z.custom<SummaryColumns>().superRefine((columns, ctx) => {
  const problem = columnsProblem(columns);
  if (problem) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
});

export const NO_COLUMNS: () => SummaryColumns = () => columnsOf([]);

/** Every summary as columns, in the order given. */
export function columnsOf(entries: Iterable<readonly [string, SummaryEntry]>): SummaryColumns {
  const columns: SummaryColumns = {
    ids: [],
    lastInboundAt: [],
    lastOutboundAt: [],
    lastFollowUpAt: [],
    messageCount: [],
    logBytes: [],
    lastText: [],
    lastAt: [],
    lastDirection: '',
    lastNotSent: {},
    orderKind: '',
    orderMaxAt: [],
    orderLate: {},
  };
  const directions: string[] = [];
  const kinds: string[] = [];
  for (const [id, { activity, logBytes, order }] of entries) {
    const place = columns.ids.length;
    const last = activity.lastMessage;
    columns.ids.push(id);
    columns.lastInboundAt.push(activity.lastInboundAt ?? NONE);
    columns.lastOutboundAt.push(activity.lastOutboundAt ?? NONE);
    columns.lastFollowUpAt.push(activity.lastFollowUpAt ?? NONE);
    columns.messageCount.push(activity.messageCount);
    columns.logBytes.push(logBytes);
    columns.lastText.push(last?.text ?? null);
    columns.lastAt.push(last?.at ?? NONE);
    directions.push(last === null ? '-' : last.direction === 'inbound' ? 'i' : 'o');
    if (last?.notSent !== undefined) columns.lastNotSent[place] = last.notSent;
    kinds.push(order === undefined ? '-' : order.maxAt === null ? 'n' : 'o');
    columns.orderMaxAt.push(order?.maxAt ?? NONE);
    if (order && order.late.length > 0) columns.orderLate[place] = order.late;
  }
  columns.lastDirection = directions.join('');
  columns.orderKind = kinds.join('');
  return columns;
}

const timeAt = (column: number[], place: number): number | null => {
  const at = column[place] ?? NONE;
  return at === NONE ? null : at;
};

/** The summaries of checked columns (columnsProblem found nothing), by contact id. */
export function entriesOf(columns: SummaryColumns): Map<string, SummaryEntry> {
  const entries = new Map<string, SummaryEntry>();
  const { ids, lastText, lastDirection, lastNotSent, orderKind, orderLate } = columns;
  for (let i = 0; i < ids.length; i++) {
    const text = lastText[i];
    const notSent = lastNotSent[i];
    const at = columns.lastAt[i] ?? NONE;
    const direction = lastDirection[i] === 'i' ? ('inbound' as const) : ('outbound' as const);
    const lastMessage =
      text === null || text === undefined
        ? null
        : notSent === undefined
          ? { text, at, direction }
          : { text, at, direction, notSent };
    const activity = {
      lastInboundAt: timeAt(columns.lastInboundAt, i),
      lastOutboundAt: timeAt(columns.lastOutboundAt, i),
      lastFollowUpAt: timeAt(columns.lastFollowUpAt, i),
      lastMessage,
      messageCount: columns.messageCount[i] ?? 0,
    };
    const logBytes = columns.logBytes[i] ?? 0;
    const kind = orderKind[i];
    const id = ids[i] ?? '';
    if (kind === '-') entries.set(id, { activity, logBytes });
    else {
      const maxAt = kind === 'o' ? (columns.orderMaxAt[i] ?? null) : null;
      entries.set(id, { activity, logBytes, order: { maxAt, late: orderLate[i] ?? [] } });
    }
  }
  return entries;
}
