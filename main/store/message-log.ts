import type { FileHandle } from 'node:fs/promises';
import { type Adapter } from 'lowdb';
import { z } from 'zod';
import { Id, Message, MessageStatus } from '../contract/model';
import { newerVersion, readFailed, saveFailed } from './storage-error';
import { isMissing, type StoreFs } from './store-fs';

/** The version of the history line format this build writes. */
export const LOG_VERSION = 1;

export const LogHeader = z.object({ schemaVersion: z.number().int().positive(), contactId: z.string() });
export type LogHeader = z.infer<typeof LogHeader>;

export const MessageEvent = z.object({ t: z.literal('m'), m: Message });
/** A delivery status change; an absent providerId or error means "unchanged", null clears it. */
export const StatusEvent = z.object({
  t: z.literal('s'),
  id: Id,
  status: MessageStatus,
  providerId: z.string().max(200).nullable().optional(),
  error: z.string().max(1000).nullable().optional(),
});
export const LogEvent = z.discriminatedUnion('t', [MessageEvent, StatusEvent]);
export type MessageEvent = z.infer<typeof MessageEvent>;
export type StatusEvent = z.infer<typeof StatusEvent>;
export type LogEvent = z.infer<typeof LogEvent>;

/** What lowdb sees of a history file: the header's version and the events, oldest first. */
export interface LogData {
  schemaVersion: number;
  events: LogEvent[];
}

/** A line that could not be used: `torn` is an unfinished last line (a crash mid-write), `bad` any other. */
export interface LineDamage {
  offset: number;
  kind: 'torn' | 'bad';
}

export interface ParsedLog {
  header: LogHeader | null;
  events: LogEvent[];
  damage: LineDamage[];
  /** Whether the first non-blank line read was unusable (a tail read that does not start on a line). */
  startsBad: boolean;
  /** The file's size when read: everything before it has been looked at, good or bad. */
  size: number;
}

const NEWLINE = 0x0a;

/**
 * Splits history bytes into events. Every good line is kept; a damaged line is skipped and noted. A last
 * line without its newline still counts when it is complete and valid: the next append puts the missing
 * newline in front of its own line, after which it would be an ordinary line anyway.
 */
export function parseLog(bytes: Buffer, startOffset: number): Omit<ParsedLog, 'size'> {
  const events: LogEvent[] = [];
  const damage: LineDamage[] = [];
  let header: LogHeader | null = null;
  let startsBad = false;
  let seenLine = false;
  for (let pos = 0; pos < bytes.length;) {
    const newline = bytes.indexOf(NEWLINE, pos);
    const terminated = newline !== -1;
    const lineEnd = terminated ? newline : bytes.length;
    const offset = startOffset + pos;
    const line = bytes.toString('utf8', pos, lineEnd);
    pos = terminated ? newline + 1 : bytes.length;
    if (line.trim() === '') continue;

    const first = !seenLine;
    seenLine = true;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      raw = undefined;
    }
    if (offset === 0) {
      const parsedHeader = LogHeader.safeParse(raw);
      if (parsedHeader.success) {
        header = parsedHeader.data;
        // Lines of a newer format are not ours to judge: stop rather than call them damaged.
        if (header.schemaVersion > LOG_VERSION) break;
        continue;
      }
    }
    const event = LogEvent.safeParse(raw);
    if (event.success) {
      events.push(event.data);
    } else {
      damage.push({ offset, kind: terminated ? 'bad' : 'torn' });
      if (first) startsBad = true;
    }
  }
  return { header, events, damage, startsBad };
}

/** Applies a status event to the message it names. */
export function applyStatus(message: Message, event: StatusEvent): Message {
  return {
    ...message,
    status: event.status,
    providerId: event.providerId === undefined ? message.providerId : event.providerId,
    error: event.error === undefined ? message.error : event.error,
  };
}

/**
 * Replays events into messages, in log order, each with its latest status. A status for an id not in
 * `events` is not applied but counted, so a caller folding only a tail knows it needs the whole history.
 */
export function foldLog(events: readonly LogEvent[]): { messages: Message[]; strayStatuses: number } {
  const messages: Message[] = [];
  const indexById = new Map<string, number>();
  let strayStatuses = 0;
  for (const event of events) {
    if (event.t === 'm') {
      indexById.set(event.m.id, messages.length);
      messages.push(event.m);
    } else {
      const index = indexById.get(event.id);
      const message = index === undefined ? undefined : messages[index];
      if (index === undefined || message === undefined) strayStatuses++;
      else messages[index] = applyStatus(message, event);
    }
  }
  return { messages, strayStatuses };
}

const HEAD_PROBE = 512;

/**
 * A lowdb adapter for one contact's history in JSON Lines. `write(data)` appends only the events after the
 * ones it knows are on disk (`persisted`), so `low.data.events.push(e); await low.write()` adds one line and
 * never rewrites history. An adapter that is only appended to never reads the file: its `persisted` starts
 * at 0 and its `data.events` holds just the new events, however long the history already is.
 */
export class MessageLogFile implements Adapter<LogData> {
  /** How many of `data.events` are already on disk. */
  persisted = 0;
  /** The file's size after the last read or append: the offset an activity summary records. */
  size = 0;
  /** Damaged lines found by the last read. */
  damage: LineDamage[] = [];

  constructor(
    readonly path: string,
    readonly contactId: string,
    private readonly fs: StoreFs,
  ) {}

  async read(): Promise<LogData | null> {
    const parsed = await this.readFrom(0);
    if (parsed === null) {
      this.persisted = 0;
      this.size = 0;
      this.damage = [];
      return null;
    }
    this.persisted = parsed.events.length;
    this.size = parsed.size;
    this.damage = parsed.damage;
    return { schemaVersion: LOG_VERSION, events: parsed.events };
  }

  /** Reads from `offset` to the end: the part an activity summary has not seen yet. Null if there is no file. */
  async readFrom(offset: number): Promise<ParsedLog | null> {
    let handle: FileHandle | undefined;
    try {
      handle = await this.fs.open(this.path, 'r');
      const { size } = await handle.stat();
      const length = Math.max(0, size - offset);
      const bytes = Buffer.alloc(length);
      let filled = 0;
      while (filled < length) {
        const { bytesRead } = await handle.read(bytes, filled, length - filled, offset + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      const parsed = parseLog(bytes.subarray(0, filled), offset);
      if (parsed.header && parsed.header.schemaVersion > LOG_VERSION) {
        throw newerVersion(this.path, 'read');
      }
      // A file shorter than `offset` (replaced by an older copy) reports its real size, so callers notice.
      return { ...parsed, size: length === 0 ? size : offset + filled };
    } catch (err) {
      if (isMissing(err)) return null;
      throw readFailed(this.path, err);
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }

  async write(data: LogData): Promise<void> {
    const pending = data.events.slice(this.persisted);
    if (pending.length === 0) return;
    const lines = pending.map((event) => `${JSON.stringify(event)}\n`).join('');
    let handle: FileHandle | undefined;
    let sizeBefore: number | undefined;
    try {
      // 'a+': every write lands at the end whatever else happens, and the head and last byte can be checked.
      handle = await this.fs.open(this.path, 'a+');
      sizeBefore = (await handle.stat()).size;
      const prefix = await this.prefixFor(handle, sizeBefore);
      const bytes = Buffer.from(prefix + lines, 'utf8');
      for (let written = 0; written < bytes.length;) {
        const result = await handle.write(bytes, written, bytes.length - written);
        written += result.bytesWritten;
      }
      await handle.sync();
      this.size = sizeBefore + bytes.length;
      this.persisted = data.events.length;
    } catch (err) {
      await handle?.close().catch(() => undefined);
      handle = undefined;
      if (sizeBefore !== undefined) await this.takeBack(sizeBefore);
      throw saveFailed(this.path, err);
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }

  /**
   * Cuts a half-written append off again, so the history is exactly what it was. Through a separate
   * handle: on Windows an append-mode handle may not truncate. If even that fails, the torn line stays and
   * is skipped and reported when read, and the next append starts on a new line.
   */
  private async takeBack(size: number): Promise<void> {
    let handle: FileHandle | undefined;
    try {
      handle = await this.fs.open(this.path, 'r+');
      if ((await handle.stat()).size > size) {
        await handle.truncate(size);
        await handle.sync();
      }
    } catch {
      // Best effort: see above.
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }

  /**
   * The header for a new file; otherwise a newline when the file ends in a torn line, so that line cannot
   * swallow the next message. Refuses to append to a history a newer CareWindow wrote.
   */
  private async prefixFor(handle: FileHandle, size: number): Promise<string> {
    if (size === 0) return `${JSON.stringify({ schemaVersion: LOG_VERSION, contactId: this.contactId })}\n`;
    const head = Buffer.alloc(Math.min(size, HEAD_PROBE));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const firstLineEnd = head.indexOf(NEWLINE);
    if (firstLineEnd !== -1) {
      const header = LogHeader.safeParse(safeJson(head.toString('utf8', 0, firstLineEnd)));
      if (header.success && header.data.schemaVersion > LOG_VERSION) throw newerVersion(this.path);
    }
    let last: number | undefined;
    if (size <= bytesRead) {
      last = head[size - 1];
    } else {
      const tail = Buffer.alloc(1);
      await handle.read(tail, 0, 1, size - 1);
      last = tail[0];
    }
    return last === NEWLINE ? '' : '\n';
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
