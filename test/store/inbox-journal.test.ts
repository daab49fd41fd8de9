import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INBOX_JOURNAL_FILE, InboxJournal } from '../../main/store/inbox-journal';
import { StorageError } from '../../main/store/storage-error';
import { nodeFs, type StoreFs } from '../../main/store/store-fs';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

describe('the inbox journal', () => {
  it('numbers entries, keeps them across a restart until marked processed, and remembers the last arrival', async () => {
    const dir = await tempDir();
    const journal = await InboxJournal.open(dir);
    const a = await journal.append('{"a":1}', 1000);
    const b = await journal.append('{"b":2}', 2000);
    await journal.markProcessed(a.seq);

    const reopened = await InboxJournal.open(dir);

    expect([a.seq, b.seq]).toEqual([1, 2]);
    expect(reopened.unprocessed()).toEqual([{ seq: 2, receivedAt: 2000, body: '{"b":2}' }]);
    expect(reopened.lastReceivedAt).toBe(2000);
    expect((await reopened.append('{"c":3}', 3000)).seq).toBe(3);
  });

  it('skips a torn last line (a crash mid-write) and starts the next entry on a new line', async () => {
    const dir = await tempDir();
    const journal = await InboxJournal.open(dir);
    await journal.append('{"a":1}', 1000);
    await appendFile(path.join(dir, INBOX_JOURNAL_FILE), '{"v":1,"seq":2,"receivedAt":20');

    const reopened = await InboxJournal.open(dir);
    await reopened.append('{"c":3}', 3000);

    const again = await InboxJournal.open(dir);
    expect(again.unprocessed().map((e) => e.body)).toEqual(['{"a":1}', '{"c":3}']);
  });

  it('writes a burst with few fsyncs and resolves each append only once it is on disk', async () => {
    const dir = await tempDir();
    let syncs = 0;
    const counting: StoreFs = {
      ...nodeFs,
      open: async (...args: Parameters<StoreFs['open']>) => {
        const handle = await nodeFs.open(...args);
        const sync = handle.sync.bind(handle);
        handle.sync = () => {
          syncs++;
          return sync();
        };
        return handle;
      },
    };
    const journal = await InboxJournal.open(dir, counting);

    const entries = await Promise.all(Array.from({ length: 200 }, (_, i) => journal.append(`{"i":${i}}`, i)));

    const lines = (await readFile(path.join(dir, INBOX_JOURNAL_FILE), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(200);
    expect(new Set(entries.map((e) => e.seq)).size).toBe(200);
    expect(syncs).toBeLessThan(200);
  });

  it('rejects an append the disk refused, and keeps nothing of it', async () => {
    const dir = await tempDir();
    const full: StoreFs = {
      ...nodeFs,
      open: async (...args: Parameters<StoreFs['open']>) => {
        const handle = await nodeFs.open(...args);
        handle.sync = () => Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' }));
        return handle;
      },
    };
    const journal = await InboxJournal.open(dir, full);

    await expect(journal.append('{"a":1}', 1)).rejects.toBeInstanceOf(StorageError);
    expect(journal.unprocessed()).toEqual([]);
    expect((await InboxJournal.open(dir)).unprocessed()).toEqual([]);
  });
});
