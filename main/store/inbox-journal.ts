import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { readFailed, saveFailed } from './storage-error';
import { isMissing, nodeFs, syncDir, type StoreFs } from './store-fs';

/**
 * The inbox journal: every verified webhook payload, written and flushed to disk before the receiver
 * answers 200. The platform does not send again what was answered 200, so a payload that was answered
 * before it was on disk would be lost in a crash. Guarantees:
 *   - append-only JSON Lines (`inbox-journal.jsonl`): one line per payload with a sequence number, the
 *     moment it arrived and the raw body text, exactly as signed. Nothing is ever rewritten.
 *   - `append` resolves only after the line is fsynced. Appends that arrive while a write is in flight are
 *     written together with one fsync (group commit), so a burst does not cost one fsync each.
 *   - what was processed is a second append-only file (`inbox-processed.jsonl`, one `{"seq":n}` per
 *     entry), so an entry not marked processed is handed out again at the next start. Processing twice is
 *     harmless: messages are deduplicated on the wamid, statuses only move forward.
 *   - a torn last line (a crash mid-write) is skipped when read, and the next append starts on a new line.
 * Compaction is left for later: the journal is small next to the history (one line per webhook).
 */

export const INBOX_JOURNAL_FILE = 'inbox-journal.jsonl';
export const INBOX_PROCESSED_FILE = 'inbox-processed.jsonl';
const JOURNAL_VERSION = 1;

const EntryLine = z.object({
  v: z.number().int().positive(),
  seq: z.number().int().positive(),
  receivedAt: z.number(),
  body: z.string(),
});
const ProcessedLine = z.object({ seq: z.number().int().positive() });

export interface InboxEntry {
  /** 1, 2, 3… in the order the payloads were accepted. */
  seq: number;
  receivedAt: number;
  /** The payload's raw body, as it was signed. */
  body: string;
}

interface PendingAppend {
  line: string;
  resolve: () => void;
  reject: (err: unknown) => void;
}

const NEWLINE = 0x0a;

export class InboxJournal {
  private nextSeq: number;
  private readonly waiting = new Map<number, InboxEntry>();
  private pending: PendingAppend[] = [];
  private flushing: Promise<void> | null = null;
  private processedQueue: Promise<void> = Promise.resolve();
  private lastReceived: number | null;

  private constructor(
    private readonly dir: string,
    private readonly fs: StoreFs,
    state: { lastSeq: number; unprocessed: InboxEntry[]; lastReceivedAt: number | null },
  ) {
    this.nextSeq = state.lastSeq + 1;
    for (const entry of state.unprocessed) this.waiting.set(entry.seq, entry);
    this.lastReceived = state.lastReceivedAt;
  }

  /** Opens (or starts) the journal in `dir`, reading which entries still wait to be processed. */
  static async open(dir: string, fs: StoreFs = nodeFs): Promise<InboxJournal> {
    await fs.mkdir(dir, { recursive: true });
    const processed = new Set<number>();
    for (const line of await readLines(fs, path.join(dir, INBOX_PROCESSED_FILE))) {
      const mark = ProcessedLine.safeParse(line);
      if (mark.success) processed.add(mark.data.seq);
    }
    let lastSeq = 0;
    let lastReceivedAt: number | null = null;
    const unprocessed: InboxEntry[] = [];
    for (const line of await readLines(fs, path.join(dir, INBOX_JOURNAL_FILE))) {
      const entry = EntryLine.safeParse(line);
      if (!entry.success) continue;
      const { seq, receivedAt, body } = entry.data;
      lastSeq = Math.max(lastSeq, seq);
      lastReceivedAt = Math.max(lastReceivedAt ?? receivedAt, receivedAt);
      if (!processed.has(seq)) unprocessed.push({ seq, receivedAt, body });
    }
    unprocessed.sort((a, b) => a.seq - b.seq);
    return new InboxJournal(dir, fs, { lastSeq, unprocessed, lastReceivedAt });
  }

  get journalPath(): string {
    return path.join(this.dir, INBOX_JOURNAL_FILE);
  }

  /** When the last payload arrived (kept across restarts), or null before the first. */
  get lastReceivedAt(): number | null {
    return this.lastReceived;
  }

  /** Writes a payload durably; resolves with its entry once it is on disk. */
  async append(body: string, receivedAt: number): Promise<InboxEntry> {
    const entry: InboxEntry = { seq: this.nextSeq++, receivedAt, body };
    const line = `${JSON.stringify({ v: JOURNAL_VERSION, ...entry })}\n`;
    await new Promise<void>((resolve, reject) => {
      this.pending.push({ line, resolve, reject });
      this.flushing ??= this.flushLoop();
    });
    this.waiting.set(entry.seq, entry);
    this.lastReceived = Math.max(this.lastReceived ?? receivedAt, receivedAt);
    return entry;
  }

  /** The entries not yet marked processed, oldest first. */
  unprocessed(): InboxEntry[] {
    return [...this.waiting.values()].sort((a, b) => a.seq - b.seq);
  }

  /** Records that an entry was processed, so the next start does not hand it out again. */
  markProcessed(seq: number): Promise<void> {
    const run = this.processedQueue.then(async () => {
      await appendDurably(this.fs, path.join(this.dir, INBOX_PROCESSED_FILE), `${JSON.stringify({ seq })}\n`);
      this.waiting.delete(seq);
    });
    this.processedQueue = run.catch(() => undefined);
    return run;
  }

  /** Waits for every append and mark in flight. */
  async idle(): Promise<void> {
    await this.flushing;
    await this.processedQueue;
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        try {
          await appendDurably(this.fs, this.journalPath, batch.map((p) => p.line).join(''));
          for (const p of batch) p.resolve();
        } catch (err) {
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      this.flushing = null;
    }
  }
}

/**
 * Appends text and fsyncs. A file that ends in a torn line gets a newline first, so that line cannot
 * swallow the new one. On a failed write the file is cut back to its old size (best effort), so the
 * caller's error means "not stored" as far as the disk allows.
 */
export async function appendDurably(fs: StoreFs, file: string, text: string): Promise<void> {
  let handle: FileHandle | undefined;
  let sizeBefore: number | undefined;
  try {
    handle = await fs.open(file, 'a+');
    sizeBefore = (await handle.stat()).size;
    let prefix = '';
    if (sizeBefore > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, sizeBefore - 1);
      if (last[0] !== NEWLINE) prefix = '\n';
    }
    const bytes = Buffer.from(prefix + text, 'utf8');
    for (let written = 0; written < bytes.length;) {
      written += (await handle.write(bytes, written, bytes.length - written)).bytesWritten;
    }
    await handle.sync();
    if (sizeBefore === 0) await syncDir(fs, path.dirname(file));
  } catch (err) {
    await handle?.close().catch(() => undefined);
    handle = undefined;
    if (sizeBefore !== undefined) await truncateTo(fs, file, sizeBefore);
    throw saveFailed(file, err);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

async function truncateTo(fs: StoreFs, file: string, size: number): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r+');
    if ((await handle.stat()).size > size) await handle.truncate(size);
  } catch {
    // Best effort: a torn line left behind is skipped when read.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Every line of a JSON Lines file that parses as JSON; a missing file has none. */
export async function readLines(fs: StoreFs, file: string): Promise<unknown[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if (isMissing(err)) return [];
    throw readFailed(file, err);
  }
  const lines: unknown[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      lines.push(JSON.parse(line));
    } catch {
      // A torn or damaged line: skipped, the rest still counts.
    }
  }
  return lines;
}
