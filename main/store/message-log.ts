import type { FileHandle } from 'node:fs/promises';
import { type Adapter } from 'lowdb';
import { z } from 'zod';
import { LogEvent } from './log-events';
import { newerVersion, readFailed, saveFailed } from './storage-error';
import { isMissing, type StoreFs } from './store-fs';

/** The version of the history line format this build writes. */
export const LOG_VERSION = 1;

export { applyStatus, foldLog, LogEvent, MessageEvent, StatusEvent } from './log-events';

/**
 * The first line of a history. `phone` and `name` are the contact's when the file was started: not kept up
 * to date, only there so a contact lost from contacts.json can be rebuilt from its history. Optional, so
 * files from before they existed (and older CareWindows reading newer files) are unaffected.
 */
export const LogHeader = z.object({
  schemaVersion: z.number().int().positive(),
  contactId: z.string(),
  phone: z.string().max(20).optional(),
  name: z.string().max(200).optional(),
});
export type LogHeader = z.infer<typeof LogHeader>;

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
  /** The byte offset of each event's line, in the file. */
  offsets: number[];
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
  const offsets: number[] = [];
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
      offsets.push(offset);
    } else {
      damage.push({ offset, kind: terminated ? 'bad' : 'torn' });
      if (first) startsBad = true;
    }
  }
  return { header, events, offsets, damage, startsBad };
}

/** Enough for any header: an id, a phone number and a name at their longest. */
const HEAD_PROBE = 1024;

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
    /** Who the history belongs to, written into the header of a new file. */
    private readonly origin: HistoryOrigin = {},
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
      // A tail never shows the header: look at it first, or a newer format's lines would pass for damage.
      if (offset > 0 && (await headerVersion(handle, size)) > LOG_VERSION)
        throw newerVersion(this.path, 'read');
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
    if (size === 0) {
      const header: LogHeader = { schemaVersion: LOG_VERSION, contactId: this.contactId, ...this.origin };
      return `${JSON.stringify(header)}\n`;
    }
    if ((await headerVersion(handle, size)) > LOG_VERSION) throw newerVersion(this.path);
    const tail = Buffer.alloc(1);
    await handle.read(tail, 0, 1, size - 1);
    return tail[0] === NEWLINE ? '' : '\n';
  }
}

export interface HistoryOrigin {
  phone?: string;
  name?: string;
}

/** The header of a history file, read from its first bytes only; null when it has none that parses. */
export async function readHeader(handle: FileHandle, size: number): Promise<LogHeader | null> {
  const head = Buffer.alloc(Math.min(size, HEAD_PROBE));
  const { bytesRead } = await handle.read(head, 0, head.length, 0);
  const firstLineEnd = head.subarray(0, bytesRead).indexOf(NEWLINE);
  if (firstLineEnd === -1) return null;
  const header = LogHeader.safeParse(safeJson(head.toString('utf8', 0, firstLineEnd)));
  return header.success ? header.data : null;
}

/** The format version a file's header declares (0 when it has none). */
async function headerVersion(handle: FileHandle, size: number): Promise<number> {
  return (await readHeader(handle, size))?.schemaVersion ?? 0;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
