import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../main/contract/model';
import type { WorkspaceStore } from '../../main/store/workspace-store';
import {
  contact,
  historyFileOf,
  longOutbound,
  openAtT0,
  recordingFs,
  T0,
  useTempDirs,
} from './store-test-kit';

const tempDir = useTempDirs();
const SECOND = 1000;

const open = openAtT0;
const logOf = (dir: string) => historyFileOf(dir, 'anna');
const out = longOutbound;

/** Anna with `n` messages (one second apart), written through the store, then closed. */
async function longHistory(n: number): Promise<{ dir: string; store: WorkspaceStore }> {
  const dir = await tempDir();
  const store = await open(dir);
  await store.saveContact(contact('anna'));
  await store.importMessages(
    'anna',
    Array.from({ length: n }, (_, i) => out(`m${i}`, T0 + i * SECOND)),
  );
  return { dir, store };
}

/** Opens the workspace again, counting the bytes read from Anna's history. */
async function reopenCounting(dir: string) {
  const { fs, journal } = recordingFs();
  const store = await open(dir, { fs });
  const bytesRead = () =>
    journal.reads.filter((r) => r.file === logOf(dir)).reduce((sum, r) => sum + r.length, 0);
  return { store, bytesRead };
}

const ids = (messages: readonly Message[]) => messages.map((m) => m.id);

describe('the newest page is read from the end of the history', () => {
  it('reads a small part of a long history, and folds statuses for messages older than the page', async () => {
    const { dir, store } = await longHistory(3_000);
    await store.updateMessage('anna', 'm5', { status: 'delivered' }); // far older than any page read
    await store.updateMessage('anna', 'm2990', { status: 'read' });
    await store.appendMessage(out('m3000', T0 + 3_000 * SECOND));
    await store.updateMessage('anna', 'm2995', { status: 'failed', error: 'Blocked' });
    await store.close();
    const size = (await fsp.stat(logOf(dir))).size;

    const { store: again, bytesRead } = await reopenCounting(dir);
    const page = await again.history('anna', { limit: 50 });
    expect(ids(page.messages)).toEqual(Array.from({ length: 50 }, (_, i) => `m${2951 + i}`));
    expect(page.hasMore).toBe(true);
    expect(page.messages.find((m) => m.id === 'm2990')?.status).toBe('read');
    expect(page.messages.find((m) => m.id === 'm2995')).toMatchObject({ status: 'failed', error: 'Blocked' });
    expect(bytesRead()).toBeLessThan(size / 4);

    // A status for a recent message reads no further back than the page did (the append itself checks
    // the header and the last byte: about 1 kB).
    const afterPage = bytesRead();
    await again.updateMessage('anna', 'm2999', { status: 'delivered' });
    expect(bytesRead() - afterPage).toBeLessThanOrEqual(2048);
    expect((await again.findMessage('anna', 'm2999'))?.status).toBe('delivered');

    // The old message is found by reading further back, with its status from near the end of the file.
    expect((await again.findMessage('anna', 'm5'))?.status).toBe('delivered');
    const back = await again.history('anna', { before: T0 + 100 * SECOND, beforeId: 'm100', limit: 10 });
    expect(ids(back.messages)).toEqual(Array.from({ length: 10 }, (_, i) => `m${90 + i}`));
    const all = await again.allMessages('anna');
    expect(all).toHaveLength(3_001);
    expect(all[5]?.status).toBe('delivered');
    await again.close();
  });

  it('gives the same pages as a whole read when messages arrive out of order or older ones are imported', async () => {
    const { dir, store } = await longHistory(1_000);
    // A late webhook: written last, but older than the newest messages.
    await store.appendMessage(out('late', T0 + 980.5 * SECOND));
    // An import of messages older than everything written so far.
    await store.importMessages('anna', [out('old1', T0 - 2 * SECOND), out('old2', T0 - SECOND)]);
    await store.appendMessage(out('new', T0 + 5_000 * SECOND));
    await store.close();

    const { store: again } = await reopenCounting(dir);
    const page = await again.history('anna', { limit: 30 });
    const whole = await open(dir, { historyCacheSize: 0 });
    const expected = ids(await whole.allMessages('anna'));
    expect(ids(page.messages)).toEqual(expected.slice(-30));
    expect(ids(page.messages)).toContain('late');
    const oldest = await again.history('anna', { before: T0 + 2 * SECOND, beforeId: 'm2', limit: 10 });
    expect(ids(oldest.messages)).toEqual(['old1', 'old2', 'm0', 'm1']);
    expect(oldest.hasMore).toBe(false);
    await whole.close();
    await again.close();
  });

  it('learns the order of a history it had no summary for, and reads from the end afterwards', async () => {
    const { dir, store } = await longHistory(2_000);
    await store.close();
    await fsp.unlink(path.join(dir, 'activity.json'));

    const first = await open(dir);
    expect(ids((await first.history('anna', { limit: 5 })).messages)).toEqual([
      'm1995',
      'm1996',
      'm1997',
      'm1998',
      'm1999',
    ]);
    await first.close();
    const size = (await fsp.stat(logOf(dir))).size;
    const { store: again, bytesRead } = await reopenCounting(dir);
    expect(ids((await again.history('anna', { limit: 5 })).messages)).toContain('m1999');
    expect(bytesRead()).toBeLessThan(size / 4);
    await again.close();
  });

  it('skips a torn last line and a damaged line in the middle, reporting each once, keeping every good line', async () => {
    const { dir, store } = await longHistory(4_000);
    await store.close();
    const text = await fsp.readFile(logOf(dir), 'utf8');
    const lines = text.split('\n');
    const middle = lines.findIndex((l) => l.includes('"m700"'));
    lines[middle] = '{"t":"m","m":{"id":"m700", damaged';
    await fsp.writeFile(logOf(dir), `${lines.join('\n')}{"t":"m","m":{"id":"torn","cont`);

    const again = await open(dir);
    const page = await again.history('anna', { limit: 20 });
    expect(ids(page.messages)).toEqual(Array.from({ length: 20 }, (_, i) => `m${3980 + i}`));
    const all = ids(await again.allMessages('anna'));
    expect(all).toHaveLength(3_999);
    expect(all).not.toContain('m700');
    expect(all).toContain('m699');
    expect(all).toContain('m701');
    // Each damage is told once (the summary's check at start read the file whole: one notice for both).
    const told = again.problems.map((p) => p.message).join(' ');
    expect(told.match(/a damaged line/g)).toHaveLength(1);
    expect(told.match(/cut off while being saved/g)).toHaveLength(1);
    await again.close();
  });
});
