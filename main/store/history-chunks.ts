import type { FileHandle } from 'node:fs/promises';
import { LOG_VERSION, parseLog, type LineDamage, type LogEvent } from './message-log';
import { newerVersion, NewerVersionError, readFailed } from './storage-error';
import { isMissing, type StoreFs } from './store-fs';

const NEWLINE = 0x0a;

export interface LinesBefore {
  events: LogEvent[];
  offsets: number[];
  damage: LineDamage[];
  /** Where the lines read start: a line start, or 0. */
  start: number;
}

/**
 * The whole lines of a history that end at `end` (a line start, or the file's size), reading back about
 * `chunk` bytes: more when one line is longer than that, everything with an infinite chunk. The last line
 * of the file may be torn (reported as such); every other line read ends in its newline.
 */
export async function readLinesBefore(
  fs: StoreFs,
  file: string,
  end: number,
  chunk: number,
): Promise<LinesBefore> {
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const { start, body } = await wholeLinesBefore(handle, end, chunk);
    const parsed = parseLog(body, start);
    if (parsed.header && parsed.header.schemaVersion > LOG_VERSION) throw newerVersion(file, 'read');
    return { events: parsed.events, offsets: parsed.offsets, damage: parsed.damage, start };
  } catch (err) {
    if (isMissing(err)) return { events: [], offsets: [], damage: [], start: 0 };
    if (err instanceof NewerVersionError) throw err;
    throw readFailed(file, err);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * The bytes of the whole lines that end at `end`, about `chunk` of them (more when one line is longer),
 * and where they start: a line start, or 0.
 */
export async function wholeLinesBefore(
  handle: FileHandle,
  end: number,
  chunk: number,
): Promise<{ start: number; body: Buffer }> {
  for (let want = chunk; ; want *= 2) {
    const from = Number.isFinite(want) ? Math.max(0, end - want) : 0;
    const bytes = await readRange(handle, from, end - from);
    if (from === 0) return { start: 0, body: bytes };
    const newline = bytes.indexOf(NEWLINE);
    // No line starts inside the chunk (or only at `end`): read further back.
    if (newline === -1 || newline === bytes.length - 1) continue;
    return { start: from + newline + 1, body: bytes.subarray(newline + 1) };
  }
}

async function readRange(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const bytes = Buffer.alloc(Math.max(0, length));
  let filled = 0;
  while (filled < bytes.length) {
    const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return bytes.subarray(0, filled);
}
