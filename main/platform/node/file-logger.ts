import { mkdir, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../services/ports';

const SECRET_KEYS = /token|secret|password|authorization|key/i;
/** A number in international form, with or without spaces: "+31612345678", "+31 6 1234 5678". */
const PHONE = /\+\d[\d\s().-]{5,}\d/g;

/** How big the log may grow: `keep` files (the current one included) of at most `maxBytes` each. */
export interface LogRotation {
  readonly maxBytes: number;
  readonly keep: number;
}

export const DEFAULT_ROTATION: LogRotation = { maxBytes: 1024 * 1024, keep: 3 };

/** A logger whose lines are written in the background; flush() and close() wait for them. */
export interface FileLogger extends Logger {
  /** Resolves once every line logged so far is on disk (or was dropped because the disk refused it). */
  flush(): Promise<void>;
  /** Writes what is queued and closes the file; later lines are dropped. */
  close(): Promise<void>;
}

/**
 * Keeps secrets out of logs whatever a caller passes in, and keeps an Error's name and message (its own
 * properties are not enumerable, so JSON would log it as {}).
 */
export function redact(data: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!data) return data;
  const describe = (value: unknown) => (value instanceof Error ? `${value.name}: ${value.message}` : value);
  return Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[redacted]' : describe(v)]),
  );
}

/**
 * Callers log ids and counts, never names or message texts (a name cannot be recognised in a line); a
 * phone number can, so one that slips through is masked as a last line of defence.
 */
const withoutPhones = (text: string): string => text.replace(PHONE, '+[number]');

/**
 * A plain line logger to <folder>/carewindow.log (and the console). The main process also draws the
 * window, so nothing here blocks it: lines are queued and appended in batches by one background writer,
 * and the file is rotated by size (carewindow.log → carewindow.1.log → …) so it never fills the disk.
 * Logging must never break the app: a line the disk refuses is dropped.
 */
export function fileLogger(
  folder: string | null,
  echo = true,
  rotation: Partial<LogRotation> = {},
): FileLogger {
  const file = folder === null ? null : new RotatingFile(folder, { ...DEFAULT_ROTATION, ...rotation });
  const write = (level: string, message: string, data?: Record<string, unknown>) => {
    const detail = data ? ` ${JSON.stringify(redact(data))}` : '';
    const line = `${new Date().toISOString()} ${level} ${withoutPhones(`${message}${detail}`)}`;
    if (echo) (level === 'ERROR' ? console.error : console.log)(line);
    file?.append(`${line}\n`);
  };
  return {
    info: (m, d) => write('INFO', m, d),
    warn: (m, d) => write('WARN', m, d),
    error: (m, d) => write('ERROR', m, d),
    flush: () => file?.flush() ?? Promise.resolve(),
    close: () => file?.close() ?? Promise.resolve(),
  };
}

class RotatingFile {
  private pending: string[] = [];
  private scheduled = false;
  private closed = false;
  /** The background writer: each batch is chained after the one before, so lines stay in order. */
  private tail: Promise<void> = Promise.resolve();
  private handle: FileHandle | null = null;
  private size = 0;

  constructor(
    private readonly folder: string,
    private readonly rotation: LogRotation,
  ) {}

  append(line: string): void {
    if (this.closed) return;
    this.pending.push(line);
    if (this.scheduled) return;
    this.scheduled = true;
    this.tail = this.tail.then(async () => {
      this.scheduled = false;
      const batch = this.pending.splice(0);
      try {
        await this.writeAll(batch);
      } catch {
        // A full disk must not turn a log line into a crash: the batch is dropped, and the file opened
        // afresh for the next one.
        await this.handle?.close().catch(() => undefined);
        this.handle = null;
      }
    });
  }

  flush(): Promise<void> {
    return this.tail;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.tail;
    await this.handle?.close().catch(() => undefined);
    this.handle = null;
  }

  private async writeAll(lines: readonly string[]): Promise<void> {
    let chunk = '';
    let chunkBytes = 0;
    for (const line of lines) {
      const bytes = Buffer.byteLength(line);
      const handle = await this.current();
      if (this.size + chunkBytes > 0 && this.size + chunkBytes + bytes > this.rotation.maxBytes) {
        await handle.write(chunk);
        chunk = '';
        chunkBytes = 0;
        await this.rotate();
      }
      chunk += line;
      chunkBytes += bytes;
    }
    if (chunk !== '') {
      await (await this.current()).write(chunk);
      this.size += chunkBytes;
    }
  }

  private async current(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    await mkdir(this.folder, { recursive: true });
    const handle = await open(this.path(0), 'a');
    this.size = (await handle.stat()).size;
    this.handle = handle;
    return handle;
  }

  /** carewindow.log becomes carewindow.1.log, and so on; the oldest is replaced by the one before it. */
  private async rotate(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
    for (let n = this.rotation.keep - 1; n >= 1; n--) {
      await rename(this.path(n - 1), this.path(n)).catch(() => undefined);
    }
    if (this.rotation.keep <= 1) await unlink(this.path(0)).catch(() => undefined);
    await this.current();
  }

  private path(n: number): string {
    return join(this.folder, n === 0 ? 'carewindow.log' : `carewindow.${n}.log`);
  }
}
