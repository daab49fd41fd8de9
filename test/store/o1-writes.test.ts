import * as fsp from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openWorkspaceStore } from '../../main/store/open-workspace';
import type { StoreFs } from '../../main/store/store-fs';
import type { WorkspaceStore } from '../../main/store/workspace-store';
import { contact, message, T0, useTempDirs } from './store-test-kit';

const tempDir = useTempDirs();

/** The real disk, counting every byte the store writes: through file handles and by copying files. */
function countingFs(): { fs: StoreFs; written: { bytes: number } } {
  const written = { bytes: 0 };
  const fs: StoreFs = {
    ...fsp,
    open: async (file, flags, mode) => {
      const handle = await fsp.open(file, flags, mode);
      const realWrite = handle.write.bind(handle) as (b: Buffer, o: number, l: number) => Promise<unknown>;
      const realWriteFile = handle.writeFile.bind(handle);
      Object.assign(handle, {
        write: async (buffer: Buffer, offset = 0, length = buffer.length - offset) => {
          written.bytes += length;
          return realWrite(buffer, offset, length);
        },
        writeFile: async (data: string) => {
          written.bytes += Buffer.byteLength(data, 'utf8');
          return realWriteFile(data, 'utf8');
        },
      });
      return handle;
    },
    copyFile: async (src, dest, mode) => {
      written.bytes += (await fsp.stat(src)).size;
      return fsp.copyFile(src, dest, mode);
    },
  };
  return { fs, written };
}

const phoneOf = (i: number) => `+316${String(10_000_000 + i)}`;

/** A workspace of `contacts` contacts, the first with `messages` messages, closed and opened again. */
async function workspace(contacts: number, messages: number) {
  const dir = await tempDir();
  const seed = await openWorkspaceStore(dir, { now: () => T0 });
  await seed.saveContacts(
    Array.from({ length: contacts }, (_, i) =>
      contact(`c${i}`, { phone: phoneOf(i), name: `Customer ${i}` }),
    ),
    [],
  );
  await seed.importMessages(
    'c0',
    Array.from({ length: messages }, (_, i) =>
      message('c0', `m${i}`, T0 + i * 1000, { direction: 'outbound', status: 'sent' }),
    ),
  );
  await seed.close();
  const { fs, written } = countingFs();
  const store = await openWorkspaceStore(dir, {
    now: () => T0,
    fs,
    summaryDelayMs: 3_600_000,
    summaryMaxDelayMs: 3_600_000,
  });
  return { store, written };
}

async function bytesFor(store: WorkspaceStore, written: { bytes: number }, run: () => Promise<unknown>) {
  const before = written.bytes;
  await run();
  return written.bytes - before;
}

describe('a change costs the same bytes written whatever the size of the workspace', () => {
  it('a contact change (mute) and a new contact: equal at 100 and 5,000 contacts, and far below the file', async () => {
    const costs = [];
    for (const size of [100, 5_000]) {
      const { store, written } = await workspace(size, 1);
      const mute = await bytesFor(store, written, () =>
        store.saveContact({ ...contact('c7', { phone: phoneOf(7), name: 'Customer 7' }), muted: true }),
      );
      const added = await bytesFor(store, written, () =>
        store.saveContact(contact('new', { phone: '+31699999999', name: 'New customer' })),
      );
      expect(store.contact('c7')?.muted).toBe(true);
      costs.push({ size, mute, added, file: (await fsp.stat(`${store.dir}/contacts.json`)).size });
      await store.close();
    }
    const [small, large] = costs;
    expect(small?.mute).toBe(large?.mute);
    expect(small?.added).toBe(large?.added);
    // The old behaviour rewrote contacts.json (and copied it to .bak): at 5,000 contacts that is > 1 MB.
    expect(large?.file ?? 0).toBeGreaterThan(500_000);
    expect(large?.mute ?? Infinity).toBeLessThan(1_000);
  });

  it('the changes survive a restart that never closed the store (the journal is folded in at open)', async () => {
    const { store } = await workspace(100, 1);
    await store.saveContact({ ...contact('c7', { phone: phoneOf(7), name: 'Customer 7' }), muted: true });
    await store.saveContacts([contact('x', { phone: '+31698765432' })], ['c8']);
    // No close: the process "dies" with the changes only in the journal.
    const again = await openWorkspaceStore(store.dir, { now: () => T0 });
    expect(again.contact('c7')?.muted).toBe(true);
    expect(again.contact('x')?.phone).toBe('+31698765432');
    expect(again.contact('c8')).toBeUndefined();
    expect(again.contacts()).toHaveLength(100);
    expect(again.problems).toEqual([]);
    await again.close();
  });

  it('a delivery status: equal bytes on a 20-message and a 5,000-message history', async () => {
    const costs = [];
    for (const messages of [20, 5_000]) {
      const { store, written } = await workspace(10, messages);
      const id = `m${messages - 3}`;
      const cost = await bytesFor(store, written, () =>
        store.updateMessage('c0', id, { status: 'delivered' }),
      );
      expect((await store.findMessage('c0', id))?.status).toBe('delivered');
      costs.push(cost);
      await store.close();
    }
    // Ids differ in length ("m17" / "m4997"): within a few bytes, never proportional to the history.
    expect(Math.abs((costs[0] ?? 0) - (costs[1] ?? 0))).toBeLessThanOrEqual(4);
    expect(costs[1] ?? Infinity).toBeLessThan(200);
  });
});

/** A workspace of `contacts` contacts that each wrote once, closed cleanly. */
async function talkingWorkspace(contacts: number): Promise<string> {
  const dir = await tempDir();
  const seed = await openWorkspaceStore(dir, { now: () => T0 });
  await seed.saveContacts(
    Array.from({ length: contacts }, (_, i) =>
      contact(`c${i}`, { phone: phoneOf(i), name: `Customer ${i}` }),
    ),
    [],
  );
  for (let i = 0; i < contacts; i++) {
    await seed.importMessages(`c${i}`, [message(`c${i}`, `hello${i}`, T0 + i * 1000)]);
  }
  await seed.close();
  return dir;
}

describe('activity summaries: a flush writes the changed summaries only', () => {
  it('one new message, then a flush: equal bytes at 40 and 800 conversations, far below activity.json', async () => {
    const costs = [];
    for (const size of [40, 800]) {
      const dir = await talkingWorkspace(size);
      const { fs, written } = countingFs();
      const store = await openWorkspaceStore(dir, {
        now: () => T0,
        fs,
        summaryDelayMs: 3_600_000,
        summaryMaxDelayMs: 3_600_000,
      });
      await store.appendMessage(message('c5', 'again', T0 + 10_000_000));
      const flush = await bytesFor(store, written, () => store.flush());
      expect(store.activity('c5').messageCount).toBe(2);
      costs.push({ flush, file: (await fsp.stat(`${dir}/activity.json`)).size });
      await store.close();
      // Folded in at the clean close: the next open sees the message without reading the history.
      const again = await openWorkspaceStore(dir, { now: () => T0 });
      expect(again.activity('c5').messageCount).toBe(2);
      await again.close();
    }
    const [small, large] = costs;
    expect(small?.flush).toBeGreaterThan(0);
    expect(small?.flush).toBe(large?.flush);
    expect(large?.file ?? 0).toBeGreaterThan(60_000);
    expect(large?.flush ?? Infinity).toBeLessThan(1_000);
  }, 120_000);

  it('a flush that was never folded in (no clean close) is read back from the journal', async () => {
    const dir = await talkingWorkspace(5);
    const store = await openWorkspaceStore(dir, { now: () => T0 });
    await store.appendMessage(message('c2', 'again', T0 + 10_000_000));
    await store.flush();
    // No close: the process "dies" with the change only in activity.journal.jsonl.
    const again = await openWorkspaceStore(dir, { now: () => T0 });
    expect(again.activity('c2').messageCount).toBe(2);
    await again.close();
  });
});

describe('opening a workspace', () => {
  it('makes no file call on any history after a clean close (200 contacts)', async () => {
    const dir = await talkingWorkspace(200);
    const calls: string[] = [];
    const recorded = (name: keyof StoreFs) =>
      (async (...args: unknown[]) => {
        calls.push(`${name} ${String(args[0])}`);
        return (fsp[name] as (...a: unknown[]) => Promise<unknown>)(...args);
      }) as never;
    const fs: StoreFs = {
      ...fsp,
      ...Object.fromEntries(
        (
          [
            'open',
            'readFile',
            'rename',
            'copyFile',
            'unlink',
            'mkdir',
            'stat',
            'utimes',
            'readdir',
            'rm',
          ] as const
        ).map((name) => [name, recorded(name)]),
      ),
    };
    const store = await openWorkspaceStore(dir, { now: () => T0, fs });
    const messagesDir = `${dir}/messages/`;
    expect(calls.filter((call) => call.includes(messagesDir))).toEqual([]);
    expect(calls.length).toBeLessThan(60);
    expect(store.activity('c150').messageCount).toBe(1);
    // The first use of a conversation checks that one history only.
    await store.history('c150', { limit: 10 });
    const touched = new Set(calls.filter((c) => c.includes(messagesDir)).map((c) => c.split('/').at(-1)));
    expect([...touched].every((name) => name?.startsWith('c150'))).toBe(true);
    await store.close();
  }, 60_000);
});
