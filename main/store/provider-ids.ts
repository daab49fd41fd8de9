import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DAY } from '../domain/durations';
import { writeSynced } from './durable-json-file';
import { SerialQueue } from './serial-queue';
import { readFailed, saveFailed } from './storage-error';
import { isMissing, nodeFs, renameWithRetry, syncDir, type StoreFs } from './store-fs';

/**
 * How long a provider id is remembered. Webhooks the platform could not deliver are retried for days, and
 * a status (delivered, read) may come as long as the platform keeps trying to deliver the message (up to
 * 30 days for an undelivered one, Cloud API "Time-to-live"); anything older is not coming back.
 */
export const PROVIDER_ID_RETENTION = 35 * DAY;

const Line = z.object({
  /** The provider's message id (WhatsApp's wamid). */
  w: z.string().min(1).max(200),
  c: z.string().min(1).max(100),
  m: z.string().min(1).max(100),
  /** 'i' a message the customer sent, 'o' one the shop sent. */
  d: z.enum(['i', 'o']),
  at: z.number(),
});

export interface ProviderIdEntry {
  providerId: string;
  contactId: string;
  messageId: string;
  direction: 'inbound' | 'outbound';
  /** When it was recorded: what retention counts from. */
  at: number;
}

export const PROVIDER_IDS_FILE = 'provider-ids.jsonl';

/**
 * Every provider message id this workspace has stored, and where the message lives: what drops a
 * webhook delivered twice (even across a restart) and routes a status webhook to its message without
 * reading any history. Append-only JSON Lines, one fsynced line per message (O(1) however big the
 * histories are), loaded whole at start; ids older than the retention are dropped, and the file is
 * rewritten without them when they are most of it. A damaged line is skipped: at worst one duplicate
 * webhook is stored twice or one status is not shown.
 */
export class ProviderIds {
  private readonly queue = new SerialQueue();

  private constructor(
    readonly path: string,
    private readonly fs: StoreFs,
    private readonly byId: Map<string, ProviderIdEntry>,
    /** Whether the file ends in a newline (a torn last line must not swallow the next one). */
    private endsClean: boolean,
  ) {}

  static async open(dir: string, options: { now: () => number; fs?: StoreFs }): Promise<ProviderIds> {
    const fs = options.fs ?? nodeFs;
    const file = path.join(dir, PROVIDER_IDS_FILE);
    let text = '';
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      if (!isMissing(err)) throw readFailed(file, err);
    }
    const cutoff = options.now() - PROVIDER_ID_RETENTION;
    const byId = new Map<string, ProviderIdEntry>();
    let dropped = 0;
    for (const raw of text.split('\n')) {
      if (raw.trim() === '') continue;
      const line = Line.safeParse(safeJson(raw));
      if (!line.success || line.data.at < cutoff) {
        dropped++;
        continue;
      }
      const { w, c, m, d, at } = line.data;
      byId.set(w, {
        providerId: w,
        contactId: c,
        messageId: m,
        direction: d === 'i' ? 'inbound' : 'outbound',
        at,
      });
    }
    const ids = new ProviderIds(file, fs, byId, text === '' || text.endsWith('\n'));
    if (dropped > 1000 && dropped >= byId.size) await ids.compact();
    return ids;
  }

  get(providerId: string): ProviderIdEntry | undefined {
    return this.byId.get(providerId);
  }

  has(providerId: string): boolean {
    return this.byId.has(providerId);
  }

  get size(): number {
    return this.byId.size;
  }

  /** Records an id durably (one appended line, fsynced); resolves with the bytes appended. */
  add(entry: ProviderIdEntry): Promise<number> {
    return this.queue.run(async () => {
      const bytes = Buffer.from(`${this.endsClean ? '' : '\n'}${JSON.stringify(toLine(entry))}\n`, 'utf8');
      let handle: FileHandle | undefined;
      try {
        handle = await this.fs.open(this.path, 'a');
        for (let written = 0; written < bytes.length;) {
          written += (await handle.write(bytes, written, bytes.length - written)).bytesWritten;
        }
        await handle.sync();
      } catch (err) {
        // The line may be half written: the next append starts on a new line.
        this.endsClean = false;
        throw saveFailed(this.path, err);
      } finally {
        await handle?.close().catch(() => undefined);
      }
      this.endsClean = true;
      this.byId.set(entry.providerId, entry);
      return bytes.length;
    });
  }

  /** Forgets a deleted contact's message ids: the file is rewritten without them (or left, on failure, with an error). */
  forgetContact(contactId: string): Promise<void> {
    return this.queue.run(async () => {
      const theirs = [...this.byId.values()].filter((e) => e.contactId === contactId);
      if (theirs.length === 0) return;
      const text = [...this.byId.values()]
        .filter((e) => e.contactId !== contactId)
        .map((e) => `${JSON.stringify(toLine(e))}\n`)
        .join('');
      const temp = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeSynced(this.fs, temp, text);
        await renameWithRetry(this.fs, temp, this.path);
        await syncDir(this.fs, path.dirname(this.path));
      } catch (err) {
        await this.fs.unlink(temp).catch(() => undefined);
        throw saveFailed(this.path, err);
      }
      this.endsClean = true;
      for (const entry of theirs) this.byId.delete(entry.providerId);
    });
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Rewrites the file with the ids still remembered: a unique temp file, fsynced, renamed over it. */
  private async compact(): Promise<void> {
    const temp = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
    const text = [...this.byId.values()].map((e) => `${JSON.stringify(toLine(e))}\n`).join('');
    try {
      await writeSynced(this.fs, temp, text);
      await renameWithRetry(this.fs, temp, this.path);
      await syncDir(this.fs, path.dirname(this.path));
      this.endsClean = true;
    } catch {
      // Not compacted: the old file still holds everything, it is only longer than it needs to be.
      await this.fs.unlink(temp).catch(() => undefined);
    }
  }
}

function toLine(entry: ProviderIdEntry): z.infer<typeof Line> {
  return {
    w: entry.providerId,
    c: entry.contactId,
    m: entry.messageId,
    d: entry.direction === 'inbound' ? 'i' : 'o',
    at: entry.at,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
