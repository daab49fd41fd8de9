import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { readFailed, saveFailed } from './storage-error';
import { isMissing, syncDir, type StoreFs } from './store-fs';

const NEWLINE = 0x0a;

/** What a journal held when read: its whole lines, parsed, and how many lines could not be used. */
export interface JournalContent {
  records: unknown[];
  /** Lines in the middle that are not JSON: a damaged disk, never a crash (a crash only tears the last). */
  bad: number;
}

/**
 * An append-only file of JSON lines beside a small JSON file (contacts.json, activity.json): one change is
 * one line and one fsync, however large the file it changes, so a change costs O(1) bytes written. The
 * owner folds the lines onto the base at open and compacts (rewrites the base, then `reset()`) rarely.
 * Each line is written in one write and acknowledged only after its fsync: a torn last line was never
 * acknowledged, so it is dropped (and cut off) at read, and every line before it stands whole.
 */
export class JournalFile {
  /** The journal's size on disk: what the owner compares with its base to decide on compaction. */
  size = 0;
  private exists = false;
  /** A failed append could not be cut off again: the next line starts with a newline of its own. */
  private tornTail = false;

  constructor(
    readonly path: string,
    private readonly fs: StoreFs,
    /** The file the owner knows (contacts.json): errors name it, the journal is part of it. */
    private readonly reportAs: string = path,
  ) {}

  async read(): Promise<JournalContent> {
    let bytes: Buffer;
    try {
      bytes = await this.fs.readFile(this.path);
    } catch (err) {
      if (isMissing(err)) {
        this.exists = false;
        this.size = 0;
        return { records: [], bad: 0 };
      }
      throw readFailed(this.reportAs, err);
    }
    this.exists = true;
    const records: unknown[] = [];
    let bad = 0;
    let pos = 0;
    while (pos < bytes.length) {
      const newline = bytes.indexOf(NEWLINE, pos);
      if (newline === -1) break; // a torn last line: never acknowledged
      const line = bytes.toString('utf8', pos, newline);
      pos = newline + 1;
      if (line.trim() === '') continue;
      try {
        records.push(JSON.parse(line));
      } catch {
        bad++;
      }
    }
    this.size = pos;
    if (pos < bytes.length) this.tornTail = !(await this.cutTo(pos));
    return { records, bad };
  }

  /** Appends one record as one line, durably: resolves after the fsync, or leaves the journal as it was. */
  async append(record: unknown): Promise<void> {
    const prefix = this.tornTail ? '\n' : '';
    const bytes = Buffer.from(`${prefix}${JSON.stringify(record)}\n`, 'utf8');
    let handle: FileHandle | undefined;
    const sizeBefore = this.size;
    try {
      handle = await this.fs.open(this.path, 'a');
      for (let written = 0; written < bytes.length;) {
        written += (await handle.write(bytes, written, bytes.length - written)).bytesWritten;
      }
      await handle.sync();
    } catch (err) {
      await handle?.close().catch(() => undefined);
      handle = undefined;
      this.tornTail = !(await this.cutTo(sizeBefore));
      throw saveFailed(this.reportAs, err);
    } finally {
      await handle?.close().catch(() => undefined);
    }
    this.size = sizeBefore + bytes.length;
    this.tornTail = false;
    // A new file's name must survive a power cut too, once.
    if (!this.exists) await syncDir(this.fs, path.dirname(this.path));
    this.exists = true;
  }

  /** Empties the journal after its lines went into the base (a compaction). */
  async reset(): Promise<void> {
    if (!this.exists || this.size === 0) return;
    await this.cutTo(0, true);
    this.size = 0;
  }

  /**
   * Cuts the file back to `size` (a torn or failed append). Best effort unless `strict`: a torn line left
   * behind is dropped at the next read anyway.
   */
  private async cutTo(size: number, strict = false): Promise<boolean> {
    let handle: FileHandle | undefined;
    try {
      handle = await this.fs.open(this.path, 'r+');
      await handle.truncate(size);
      await handle.sync();
      return true;
    } catch (err) {
      if (strict && !isMissing(err)) throw saveFailed(this.reportAs, err);
      return false;
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }
}
