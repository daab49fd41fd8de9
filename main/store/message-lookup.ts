import type { FileHandle } from 'node:fs/promises';
import type { Message } from '../contract/model';
import { wholeLinesBefore } from './history-chunks';
import {
  applyStatus,
  LOG_VERSION,
  parseLog,
  readHeader,
  type LineDamage,
  type StatusEvent,
} from './message-log';
import { newerVersion, NewerVersionError, readFailed } from './storage-error';
import { isMissing, type StoreFs } from './store-fs';

const NEWLINE = 0x0a;

/**
 * The first read back from the end: a delivery status is almost always for one of the newest messages.
 * Only the lines holding the id are parsed, so reading more costs little; the rarer old message doubles it.
 */
export const FIRST_LOOKUP = 32 * 1024;

export interface Lookup {
  /** The message as it is now; undefined when the history has no line for it. */
  message: Message | undefined;
  /** Damaged lines among those looked at (the ones naming the id, and an unfinished last line). */
  damage: LineDamage[];
}

/**
 * One message as it is now (its last line, with every later status line for it applied in file order, as
 * a HistoryView would give it) without parsing the lines that are not about it. Reads back from the end a
 * chunk at a time, doubling, and parses only the lines whose bytes hold the id as JSON.stringify writes it:
 * every history line is written by JSON.stringify, so no line about the id is skipped. An unfinished last
 * line is parsed too, so a torn write is reported before the next append as a whole read would.
 *
 * Null when the id would be escaped in JSON (its bytes are not a safe key): read the history instead.
 */
export async function lookUpMessage(
  fs: StoreFs,
  file: string,
  id: string,
  first = FIRST_LOOKUP,
): Promise<Lookup | null> {
  const quoted = JSON.stringify(id);
  if (quoted !== `"${id}"`) return null;
  const needle = Buffer.from(quoted, 'utf8');
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const { size } = await handle.stat();
    if (size === 0) return { message: undefined, damage: [] };
    if (((await readHeader(handle, size))?.schemaVersion ?? 0) > LOG_VERSION)
      throw newerVersion(file, 'read');
    const damage: LineDamage[] = [];
    /** Statuses for the id in the lines after `end`, in file order. */
    let later: StatusEvent[] = [];
    for (let end = size, chunk = first; end > 0; chunk *= 2) {
      const { start, body } = await wholeLinesBefore(handle, end, chunk);
      let message: Message | undefined;
      let statuses: StatusEvent[] = [];
      for (const [from, to] of linesNaming(body, needle, end === size)) {
        const parsed = parseLog(body.subarray(from, to), start + from);
        damage.push(...parsed.damage);
        for (const event of parsed.events) {
          if (event.t === 'm' && event.m.id === id) {
            // A later line for the same id stands for it; statuses before that line belonged to the earlier.
            message = event.m;
            statuses = [];
          } else if (event.t === 's' && event.id === id) statuses.push(event);
        }
      }
      if (message) return { message: [...statuses, ...later].reduce(applyStatus, message), damage };
      later = [...statuses, ...later];
      end = start;
    }
    return { message: undefined, damage };
  } catch (err) {
    if (isMissing(err)) return { message: undefined, damage: [] };
    if (err instanceof NewerVersionError) throw err;
    throw readFailed(file, err);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * The [from, to) byte ranges of the lines in `body` that contain `needle` (each with its newline), in file
 * order; with `tail`, also an unfinished last line.
 */
function linesNaming(body: Buffer, needle: Buffer, tail: boolean): [number, number][] {
  const lines: [number, number][] = [];
  for (let hit = body.indexOf(needle); hit !== -1;) {
    const from = body.lastIndexOf(NEWLINE, hit) + 1;
    const newline = body.indexOf(NEWLINE, hit);
    const to = newline === -1 ? body.length : newline + 1;
    lines.push([from, to]);
    hit = to < body.length ? body.indexOf(needle, to) : -1;
  }
  const last = lines[lines.length - 1];
  if (tail && body.length > 0 && body[body.length - 1] !== NEWLINE && last?.[1] !== body.length) {
    lines.push([body.lastIndexOf(NEWLINE) + 1, body.length]);
  }
  return lines;
}
