import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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

/** Anna with 3,000 messages (about 400 kB), an early status of m5 and 500 messages after it, closed. */
async function longHistory(): Promise<string> {
  const dir = await tempDir();
  const store = await open(dir);
  await store.saveContact(contact('anna'));
  await store.importMessages(
    'anna',
    Array.from({ length: 2_500 }, (_, i) => out(`m${i}`, T0 + i * SECOND)),
  );
  await store.updateMessage('anna', 'm5', { status: 'delivered', providerId: 'wamid.5' });
  const later = Array.from({ length: 500 }, (_, i) => out(`m${2_500 + i}`, T0 + (2_500 + i) * SECOND));
  await store.importMessages('anna', later);
  await store.close();
  return dir;
}

describe('a status for a conversation that is not open', () => {
  it('reads little for a recent message, finds an old one with its earlier statuses, refuses an unknown id', async () => {
    const dir = await longHistory();
    const { fs, journal } = recordingFs();
    const store = await open(dir, { fs });
    const bytesRead = () =>
      journal.reads.filter((r) => r.file === logOf(dir)).reduce((sum, r) => sum + r.length, 0);

    const recent = await store.updateMessage('anna', 'm2998', { status: 'delivered' });
    expect(recent.message).toMatchObject({ id: 'm2998', status: 'delivered' });
    expect(bytesRead()).toBeLessThanOrEqual(40 * 1024);

    // m5's line and its first status are far beyond the first read: both are still found and kept.
    const old = await store.updateMessage('anna', 'm5', { status: 'read' });
    expect(old.message).toMatchObject({ id: 'm5', status: 'read', providerId: 'wamid.5' });

    const size = (await fsp.stat(logOf(dir))).size;
    await expect(store.updateMessage('anna', 'nobody', { status: 'read' })).rejects.toMatchObject({
      code: 'not-found',
    });
    expect((await fsp.stat(logOf(dir))).size).toBe(size);
    await store.close();

    const again = await open(dir);
    const all = await again.allMessages('anna');
    expect(all[5]).toMatchObject({ status: 'read', providerId: 'wamid.5' });
    expect(all[2998]?.status).toBe('delivered');
    await again.close();
  });

  it('gives the same message whether the conversation is open or not', async () => {
    const dir = await longHistory();
    const cold = await open(dir);
    const fromDisk = await cold.updateMessage('anna', 'm5', { status: 'read', error: null });
    await cold.close();
    await fsp.rm(dir, { recursive: true, force: true });

    const warmDir = await longHistory();
    const warm = await open(warmDir);
    await warm.allMessages('anna'); // the whole conversation parsed and cached
    const fromCache = await warm.updateMessage('anna', 'm5', { status: 'read', error: null });
    await warm.close();
    expect(fromDisk.message).toEqual(fromCache.message);
  });
});

describe('the sends ledger on a status', () => {
  it('adds a line when the status or the billing changed, none for a repeat', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.saveContact(contact('anna'));
    await store.appendMessage(out('m1', T0));
    const ledgerLines = async () => {
      const files = await fsp.readdir(path.join(dir, 'sends'));
      const texts = await Promise.all(files.map((f) => fsp.readFile(path.join(dir, 'sends', f), 'utf8')));
      return texts.join('').split('\n').filter(Boolean).length;
    };
    const lines = await ledgerLines();

    await store.updateMessage('anna', 'm1', { status: 'delivered' });
    expect(await ledgerLines()).toBe(lines + 1);
    await store.updateMessage('anna', 'm1', { status: 'delivered' });
    expect(await ledgerLines()).toBe(lines + 1);
    const pricing = { billable: true, pricingModel: 'PMP', category: 'service', type: 'regular' };
    await store.updateMessage('anna', 'm1', { status: 'delivered', pricing });
    expect(await ledgerLines()).toBe(lines + 2);
    await store.updateMessage('anna', 'm1', { status: 'read' });
    expect(await ledgerLines()).toBe(lines + 3);
    const [send] = await store.sendsBetween(T0 - 1, T0 + 1);
    expect(send).toMatchObject({ id: 'm1', status: 'read', pricing });
    await store.close();
  });
});
