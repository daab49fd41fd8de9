import { createReadStream, createWriteStream } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { DocColumns } from './doc-table';
import { MessageIndex, type IndexSnapshot } from './message-index';

/**
 * The search index on disk: `search-index.jsonl` in the workspace, one JSON value per line, so neither
 * saving nor loading holds the whole file as one string. A header (the format, so a newer CareWindow
 * rebuilds rather than misreads), FlexSearch's exported lists, the vocabulary, the contacts, then the
 * rows' columns as base64 bytes (times, contacts, word numbers, ids and texts): a reopen reads them back
 * as they were, without folding or indexing a single text. An end line with the counts last: a file cut
 * short has none and is rebuilt. Saved to a temp file, fsynced and renamed over the old one, so a crash
 * mid-save leaves the old index. The columns are in this machine's byte order (little-endian on every
 * platform CareWindow ships for); a file copied elsewhere fails its checks and is rebuilt.
 */
export const INDEX_FILE = 'search-index.jsonl';
/** Bump when the file or the index's words change (folding, tokens, FlexSearch's options). */
export const INDEX_FORMAT = 'carewindow-search/2 flexsearch-0.8 strict columns';

interface Header {
  format: string;
  docs: number;
  words: number;
  /** Each column's size in bytes: a reopen decodes straight into arrays of that size, no pieces to join. */
  bytes: Record<ColumnName, number>;
}

type Line =
  | ['flex', string, string]
  | ['words', string[]]
  | ['contacts', string[]]
  | ['column', ColumnName, string]
  | { end?: boolean; docs?: number; words?: number };

const COLUMNS = {
  counts: Int32Array,
  entries: Int32Array,
  at: Float64Array,
  contact: Int32Array,
  inbound: Uint8Array,
  idHash: Int32Array,
  wordStart: Uint32Array,
  wordIds: Uint32Array,
  entryStart: Uint32Array,
  textStart: Uint32Array,
  blob: Uint8Array,
} as const;
type ColumnName = keyof typeof COLUMNS;
/** The document table's columns (its contact ids are saved as JSON) and the word lists'. */
interface Columns extends Omit<DocColumns, 'contacts'> {
  counts: Int32Array;
  entries: Int32Array;
}

/** Bytes per base64 line (a multiple of 3 and of 8): lines of a few MB, not one of hundreds. */
const CHUNK = 48 * 1024;

export async function saveIndex(dir: string, index: MessageIndex): Promise<void> {
  const snapshot = index.snapshot();
  const target = join(dir, INDEX_FILE);
  const temp = join(dir, `.${INDEX_FILE}.${process.pid}.tmp`);
  const docs = snapshot.rows.at.length;
  const columns: Columns = { ...snapshot.rows, counts: snapshot.counts, entries: snapshot.entries };
  const names = Object.keys(COLUMNS) as ColumnName[];
  const bytes = Object.fromEntries(names.map((name) => [name, columns[name].byteLength])) as Record<
    ColumnName,
    number
  >;
  const header: Header = { format: INDEX_FORMAT, docs, words: snapshot.words.length, bytes };
  const out = createWriteStream(temp);
  const write = (line: Line | Header) =>
    out.write(JSON.stringify(line) + '\n')
      ? Promise.resolve()
      : new Promise<void>((done) => out.once('drain', done));
  try {
    await write(header);
    for (const [key, data] of snapshot.flex) await write(['flex', key, data]);
    // Words in chunks: one line per word would be a million tiny writes.
    for (let i = 0; i < snapshot.words.length; i += 5000)
      await write(['words', snapshot.words.slice(i, i + 5000)]);
    await write(['contacts', snapshot.rows.contacts]);
    for (const name of names) {
      const array = columns[name];
      const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
      for (let i = 0; i < bytes.length; i += CHUNK)
        await write(['column', name, bytes.subarray(i, i + CHUNK).toString('base64')]);
    }
    await write({ end: true, docs, words: snapshot.words.length });
    await new Promise<void>((done, fail) =>
      out.end((error?: Error | null) => (error ? fail(error) : done())),
    );
    const handle = await fsp.open(temp, 'r');
    await handle.sync();
    await handle.close();
    await fsp.rename(temp, target);
  } catch (error) {
    out.destroy();
    await fsp.rm(temp, { force: true });
    throw error;
  }
}

/** The saved index, or why it cannot be used ('missing', 'damaged', 'other-version'): then rebuild. */
export async function loadIndex(
  dir: string,
): Promise<{ index: MessageIndex } | { problem: 'missing' | 'damaged' | 'other-version' }> {
  const path = join(dir, INDEX_FILE);
  try {
    await fsp.access(path);
  } catch {
    return { problem: 'missing' };
  }
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  const flex: [string, string][] = [];
  const words: string[] = [];
  let contacts: string[] = [];
  const filled = new Map<ColumnName, Filling>();
  let header: Header | null = null;
  let ended = false;
  try {
    for await (const line of lines) {
      if (!header) {
        header = JSON.parse(line) as Header;
        if (header.format !== INDEX_FORMAT) return { problem: 'other-version' };
        for (const name of Object.keys(COLUMNS) as ColumnName[]) {
          const size = header.bytes[name];
          if (!Number.isSafeInteger(size) || size < 0) return { problem: 'damaged' };
          const buffer = new ArrayBuffer(size);
          filled.set(name, { buffer, bytes: Buffer.from(buffer), at: 0 });
        }
        continue;
      }
      const value = JSON.parse(line) as Line;
      if (!Array.isArray(value)) {
        ended = value.end === true && value.docs === header.docs && value.words === header.words;
      } else if (value[0] === 'flex') flex.push([value[1], value[2]]);
      else if (value[0] === 'words') for (const word of value[1]) words.push(word);
      else if (value[0] === 'contacts') contacts = value[1];
      else {
        const column = filled.get(value[1]);
        if (!column) return { problem: 'damaged' };
        const written = column.bytes.write(value[2], column.at, 'base64');
        // A line that does not fit is a damaged file, not a column to cut silently.
        if (written !== Buffer.byteLength(value[2], 'base64')) return { problem: 'damaged' };
        column.at += written;
      }
    }
    if (!header || !ended || words.length !== header.words) return { problem: 'damaged' };
    const column = <K extends ColumnName>(name: K): Columns[K] => columnOf(name, filled.get(name));
    const rows: DocColumns = {
      contacts,
      at: column('at'),
      contact: column('contact'),
      inbound: column('inbound'),
      idHash: column('idHash'),
      wordStart: column('wordStart'),
      wordIds: column('wordIds'),
      entryStart: column('entryStart'),
      textStart: column('textStart'),
      blob: column('blob'),
    };
    if (rows.at.length !== header.docs) return { problem: 'damaged' };
    const snapshot: IndexSnapshot = {
      flex,
      words,
      counts: column('counts'),
      entries: column('entries'),
      rows,
    };
    return { index: MessageIndex.fromSnapshot(snapshot) };
  } catch {
    return { problem: 'damaged' };
  } finally {
    lines.close();
  }
}

/** A column being read: its whole size allocated once, each line decoded into it where the last ended. */
interface Filling {
  buffer: ArrayBuffer;
  bytes: Buffer;
  at: number;
}

/** A column read whole, as an array of its type (its own buffer, so the view is aligned). */
function columnOf<K extends ColumnName>(name: K, column: Filling | undefined): Columns[K] {
  const Type = COLUMNS[name];
  if (!column || column.at !== column.bytes.length || column.at % Type.BYTES_PER_ELEMENT !== 0)
    throw new Error(`Column ${name} cut short`);
  return new Type(column.buffer, 0, column.at / Type.BYTES_PER_ELEMENT) as Columns[K];
}
