import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../main/contract/model';
import { DEFAULT_SETTINGS } from '../../main/contract/model';
import { activityOf, NO_ACTIVITY } from '../../main/domain/activity';
import { logFileStem } from '../../main/store/log-file-name';
import { openWorkspaceStore, type OpenWorkspaceOptions } from '../../main/store/open-workspace';
import { StorageError } from '../../main/store/storage-error';
import type { StoreFs } from '../../main/store/store-fs';
import type { WorkspaceStore } from '../../main/store/workspace-store';
import { FakeClock } from '../support/fake-clock';
import {
  breakableFs,
  contact,
  exists,
  message,
  MINUTE,
  readText,
  recordingFs,
  T0,
  useTempDirs,
} from './store-test-kit';

const tempDir = useTempDirs();

/** Stores are opened with a summary delay no test waits for, unless a test asks for the timer. */
function open(dir: string, overrides: Partial<OpenWorkspaceOptions> = {}): Promise<WorkspaceStore> {
  return openWorkspaceStore(dir, {
    now: () => T0,
    summaryDelayMs: 60_000,
    summaryMaxDelayMs: 60_000,
    ...overrides,
  });
}

const logOf = (dir: string, contactId: string) =>
  path.join(dir, 'messages', `${logFileStem(contactId)}.jsonl`);
const activityFile = (dir: string) => path.join(dir, 'activity.json');

async function appendAll(store: WorkspaceStore, messages: readonly Message[]): Promise<void> {
  for (const m of messages) await store.appendMessage(m);
}

describe('openWorkspaceStore: contacts and settings', () => {
  it('creates the folder and starts empty, with default settings and no problems', async () => {
    const dir = path.join(await tempDir(), 'workspaces', 'real');
    const store = await open(dir);
    expect(store.dir).toBe(dir);
    expect(store.contacts()).toEqual([]);
    expect(store.settings()).toEqual(DEFAULT_SETTINGS);
    expect(store.problems).toEqual([]);
    expect(store.activity('nobody')).toEqual(NO_ACTIVITY);
    expect(await exists(path.join(dir, 'messages'))).toBe(true);
    await store.close();
  });

  it('round-trips contacts and settings, and indexes contacts by id and phone', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.saveContact(contact('anna', { phone: '+31612345678' }));
    await store.saveContact(contact('ben', { phone: '+31687654321' }));
    await store.saveContact(contact('anna', { phone: '+31611111111', name: 'Anna de Vries' }));
    await store.saveSettings({ ...DEFAULT_SETTINGS, closingLeadMinutes: 90, theme: 'dark' });
    await store.close();

    const again = await open(dir);
    expect(again.contacts().map((c) => c.id)).toEqual(['anna', 'ben']);
    expect(again.contact('anna')?.name).toBe('Anna de Vries');
    expect(again.contactByPhone('+31611111111')?.id).toBe('anna');
    expect(again.contactByPhone('+31612345678')).toBeUndefined();
    expect(again.contactByPhone('+31687654321')?.id).toBe('ben');
    expect(again.settings()).toEqual({ ...DEFAULT_SETTINGS, closingLeadMinutes: 90, theme: 'dark' });
    await again.close();
  });

  it('rejects a contact that does not match the schema instead of writing an unreadable file', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await expect(store.saveContact({ ...contact('x'), phone: '0612345678' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/could not save this contact \(phone: /) as unknown,
    });
    expect(store.contacts()).toEqual([]);
    expect(await exists(path.join(dir, 'contacts.json'))).toBe(false);
    await store.close();
  });

  it('serialises concurrent saveContact calls: none is lost and the last one for an id wins', async () => {
    const dir = await tempDir();
    const { fs, journal } = recordingFs({ renameDelayMs: 3 });
    const store = await open(dir, { fs });
    await Promise.all([
      ...Array.from({ length: 15 }, (_, i) =>
        store.saveContact(contact(`c${i}`, { phone: `+3161000${1000 + i}` })),
      ),
      store.saveContact(contact('c3', { phone: '+31610001003', name: 'First edit' })),
      store.saveContact(contact('c3', { phone: '+31610001003', name: 'Last edit' })),
    ]);
    expect(journal.maxConcurrentTemps).toBe(1);
    expect(store.contacts()).toHaveLength(15);
    await store.close();

    const again = await open(dir);
    expect(again.contacts()).toHaveLength(15);
    expect(again.contact('c3')?.name).toBe('Last edit');
    await again.close();
  });

  it('moves a corrupt contacts.json aside, reports it, and starts from the .bak', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.saveContact(contact('anna', { phone: '+31612345678' }));
    await store.saveContact(contact('ben', { phone: '+31687654321' }));
    await store.appendMessage(message('anna', 'm1', T0));
    await store.close();
    const damaged = (await readText(path.join(dir, 'contacts.json'))).slice(0, 100);
    await fsp.writeFile(path.join(dir, 'contacts.json'), damaged);

    const again = await open(dir);

    expect(again.contacts().map((c) => c.id)).toEqual(['anna']); // the .bak: the version before the last save
    expect(again.problems).toHaveLength(1);
    const problem = again.problems[0];
    expect(problem?.movedTo.startsWith(path.join(dir, 'corrupt', 'contacts.'))).toBe(true);
    expect(await readText(problem?.movedTo ?? '?')).toBe(damaged);
    expect(problem?.recovery).toMatch(/restored the backup from .*\(1 contact\)/);
    expect(again.activity('anna').messageCount).toBe(1);
    await again.close();
  });

  it('with no good backup, gives each history its contact back instead of hiding it', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.saveContact(contact('anna'));
    await store.appendMessage(message('anna', 'm1', T0));
    await store.close();
    await fsp.writeFile(path.join(dir, 'contacts.json'), '\u0000\u0000\u0000');

    const again = await open(dir);
    expect(again.contacts().map((c) => c.id)).toEqual(['anna']);
    expect(again.problems[0]?.recovery).not.toMatch(/untouched/);
    expect((await again.history('anna', { limit: 10 })).messages.map((m) => m.id)).toEqual(['m1']);
    await again.close();
  });

  it('does not overwrite a contacts.json written by a newer CareWindow', async () => {
    const dir = await tempDir();
    const newer = JSON.stringify({ schemaVersion: 2, contacts: [], tags: ['vip'] });
    await fsp.writeFile(path.join(dir, 'contacts.json'), newer);
    const store = await open(dir);
    expect(store.problems[0]?.message).toMatch(/newer version of CareWindow/);
    await expect(store.saveContact(contact('anna'))).rejects.toThrow(/newer version/);
    expect(store.contacts()).toEqual([]);
    expect(await readText(path.join(dir, 'contacts.json'))).toBe(newer);
    await store.close();
  });

  it('rejects a save on a full disk with words for the owner, and keeps file and memory as they were', async () => {
    const dir = await tempDir();
    const { fs, failing } = breakableFs('ENOSPC');
    const store = await open(dir, { fs });
    await store.saveContact(contact('anna'));
    const before = await readText(path.join(dir, 'contacts.json'));

    failing.on = true;
    const error: unknown = await store
      .saveContact(contact('ben', { phone: '+31687654321' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as Error).message).toBe(
      `CareWindow could not save to ${path.join(dir, 'contacts.json')}: the disk is full. ` +
        'Free some space and try again; nothing you typed was lost.',
    );
    expect(await readText(path.join(dir, 'contacts.json'))).toBe(before);
    expect(store.contacts().map((c) => c.id)).toEqual(['anna']);
    expect(store.contact('ben')).toBeUndefined();

    await expect(store.saveSettings({ ...DEFAULT_SETTINGS, theme: 'dark' })).rejects.toThrow(/disk is full/);
    expect(store.settings()).toEqual(DEFAULT_SETTINGS);
    failing.on = false;
    await store.close();
  });
});

describe('openWorkspaceStore: message history', () => {
  it('appends 1,000 messages and reads them back a page at a time', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.saveContact(contact('anna'));
    // Two messages per minute share a timestamp: ties are broken by id.
    const all = Array.from({ length: 1000 }, (_, i) =>
      message('anna', `m${String(999 - i).padStart(4, '0')}`, T0 + Math.floor(i / 2) * MINUTE, {
        direction: i % 3 === 0 ? 'outbound' : 'inbound',
        status: i % 3 === 0 ? 'sent' : 'received',
      }),
    );
    await appendAll(store, all);
    const expected = [...all].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)).map((m) => m.id);

    const seen: string[] = [];
    let before: number | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await store.history('anna', before === undefined ? { limit: 64 } : { before, limit: 64 });
      seen.unshift(...page.messages.map((m) => m.id));
      const oldest = page.messages[0];
      if (!page.hasMore || !oldest) break;
      before = oldest.at;
    }
    // `before` is a time, so a page boundary inside a tie would skip its partner; with pairs and an even
    // page size it never is, and every message is seen exactly once, in order.
    expect(seen).toEqual(expected);

    const first = await store.history('anna', { limit: 3 });
    expect(first.messages.map((m) => m.id)).toEqual(expected.slice(-3));
    expect(first.hasMore).toBe(true);
    const oldestPage = await store.history('anna', { before: T0 + MINUTE, limit: 10 });
    expect(oldestPage).toEqual({ messages: all.slice(0, 2).reverse(), hasMore: false });
    expect(store.activity('anna')).toEqual(activityOf(all));
    await store.close();

    // The same pages from disk, not from the cache.
    const again = await open(dir);
    expect((await again.history('anna', { limit: 1000 })).messages.map((m) => m.id)).toEqual(expected);
    expect(again.activity('anna')).toEqual(activityOf(all));
    await again.close();
  });

  it('appends one line per message and never rewrites what was there', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await appendAll(
      store,
      Array.from({ length: 50 }, (_, i) => message('anna', `m${i}`, T0 + i)),
    );
    const file = logOf(dir, 'anna');
    const before = await fsp.readFile(file);
    const inode = (await fsp.stat(file)).ino;

    const next = message('anna', 'm50', T0 + 50);
    await store.appendMessage(next);

    const after = await fsp.readFile(file);
    expect((await fsp.stat(file)).ino).toBe(inode);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    const added = after.subarray(before.length).toString('utf8');
    expect(added.endsWith('\n')).toBe(true);
    expect(added.split('\n')).toHaveLength(2);
    expect(JSON.parse(added)).toEqual({ t: 'm', m: next });
    await store.close();
  });

  it('shows a message appended after the conversation was read (the cache is kept current)', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.appendMessage(message('anna', 'm1', T0));
    expect((await store.history('anna', { limit: 10 })).messages).toHaveLength(1);
    await store.appendMessage(message('anna', 'm0', T0 - MINUTE));
    await store.appendMessage(message('anna', 'm2', T0 + MINUTE));
    expect((await store.history('anna', { limit: 10 })).messages.map((m) => m.id)).toEqual([
      'm0',
      'm1',
      'm2',
    ]);
    await store.close();
  });

  it('applies a status change, returns the updated message, and keeps it across a restart', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const sent = message('anna', 'out1', T0, { direction: 'outbound', status: 'pending' });
    await store.appendMessage(sent);

    const result = await store.updateMessage('anna', 'out1', { status: 'sent', providerId: 'wamid.XYZ' });
    expect(result.message).toEqual({ ...sent, status: 'sent', providerId: 'wamid.XYZ' });
    expect(result.activity).toEqual(activityOf([sent]));
    const read = await store.updateMessage('anna', 'out1', { status: 'read' });
    expect(read.message.providerId).toBe('wamid.XYZ');
    await store.close();

    const again = await open(dir);
    expect((await again.history('anna', { limit: 5 })).messages).toEqual([
      { ...sent, status: 'read', providerId: 'wamid.XYZ' },
    ]);
    await expect(again.updateMessage('anna', 'nope', { status: 'read' })).rejects.toMatchObject({
      code: 'not-found',
    });
    await again.close();
  });

  it('recomputes the activity when a send fails: a failed message keeps no window alive', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const inbound = message('anna', 'in1', T0);
    const followUp = message('anna', 'fu1', T0 + 30 * MINUTE, {
      direction: 'outbound',
      status: 'pending',
      kind: 'template',
      followUp: true,
    });
    await store.appendMessage(inbound);
    const pending = await store.appendMessage(followUp);
    expect(pending.lastFollowUpAt).toBe(T0 + 30 * MINUTE);

    const { activity } = await store.updateMessage('anna', 'fu1', {
      status: 'failed',
      error: 'Not delivered',
    });
    expect(activity.lastFollowUpAt).toBeNull();
    expect(activity.lastOutboundAt).toBeNull();
    expect(activity.messageCount).toBe(2);
    expect(store.activity('anna')).toEqual(activity);
    await store.close();

    const again = await open(dir);
    expect(again.activity('anna')).toEqual(activity);
    await again.close();
  });

  it('reports a torn last line once, keeps a copy as evidence, and the next append lands on its own line', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.saveContact(contact('anna', { name: 'Anna' }));
    await store.appendMessage(message('anna', 'm1', T0));
    await store.close();
    const file = logOf(dir, 'anna');
    const torn = '{"t":"m","m":{"id":"m2","cont';
    await fsp.appendFile(file, torn);
    const damagedBytes = await readText(file);

    const again = await open(dir);
    expect(again.problems).toHaveLength(1);
    const problem = again.problems[0];
    expect(problem?.file).toBe(file);
    expect(problem?.message).toMatch(/conversation with Anna .* cut off/);
    expect(await readText(problem?.movedTo ?? '?')).toBe(damagedBytes);
    expect(path.dirname(problem?.movedTo ?? '')).toBe(path.join(dir, 'corrupt'));

    expect((await again.history('anna', { limit: 10 })).messages.map((m) => m.id)).toEqual(['m1']);
    await again.appendMessage(message('anna', 'm3', T0 + 2));
    const history = await again.history('anna', { limit: 10 });
    expect(history.messages.map((m) => m.id)).toEqual(['m1', 'm3']);
    expect(again.problems).toHaveLength(1); // read twice, reported once
    await again.close();

    const third = await open(dir);
    expect((await third.history('anna', { limit: 10 })).messages.map((m) => m.id)).toEqual(['m1', 'm3']);
    expect(third.activity('anna').messageCount).toBe(2);
    // Seen again in a new session: reported, but the evidence is not copied a second time.
    const copies = (await fsp.readdir(path.join(dir, 'corrupt'))).filter((n) => n.startsWith('messages-'));
    expect(copies).toHaveLength(1);
    await third.close();
  });

  it('keeps ids that are not plain file names inside the messages folder', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.appendMessage(message('../../evil', 'm1', T0));
    await store.appendMessage(message('Anna', 'm2', T0));
    await store.appendMessage(message('anna', 'm3', T0));
    expect(await fsp.readdir(path.join(dir, 'messages'))).toHaveLength(3);
    expect(await exists(path.join(dir, '..', 'evil.jsonl'))).toBe(false);
    expect((await store.history('../../evil', { limit: 5 })).messages.map((m) => m.id)).toEqual(['m1']);
    expect((await store.history('Anna', { limit: 5 })).messages.map((m) => m.id)).toEqual(['m2']);
    await store.close();
  });

  it('rejects an append on a full disk, keeps the history and the activity as they were', async () => {
    const dir = await tempDir();
    const { fs, failing } = breakableFs('ENOSPC');
    const store = await open(dir, { fs });
    await store.appendMessage(message('anna', 'm1', T0));
    const before = await readText(logOf(dir, 'anna'));
    const activity = store.activity('anna');

    failing.on = true;
    await expect(store.appendMessage(message('anna', 'm2', T0 + 1))).rejects.toThrow(
      /could not save to .*: the disk is full\. Free some space and try again; nothing you typed was lost\./,
    );
    expect(await readText(logOf(dir, 'anna'))).toBe(before);
    expect(store.activity('anna')).toEqual(activity);
    failing.on = false;
    await store.close();
  });

  it('refuses work after close', async () => {
    const store = await open(await tempDir());
    await store.close();
    await store.close();
    await expect(store.appendMessage(message('anna', 'm1', T0))).rejects.toThrow(/closed/);
    await expect(store.saveContact(contact('anna'))).rejects.toThrow(/closed/);
  });
});

describe('openWorkspaceStore: activity summaries', () => {
  function countingFs(): {
    fs: StoreFs;
    activityWrites: () => number;
    reads: { file: string; position: number; length: number }[];
  } {
    const { fs, journal } = recordingFs();
    return {
      fs,
      activityWrites: () => journal.renames.filter((r) => r.to.endsWith('activity.json')).length,
      reads: journal.reads,
    };
  }

  it('does not rewrite activity.json per message: one write per batch', async () => {
    const dir = await tempDir();
    const { fs, activityWrites } = countingFs();
    const store = await open(dir, { fs });
    for (let i = 0; i < 100; i++) await store.appendMessage(message(`c${i % 10}`, `m${i}`, T0 + i));
    expect(activityWrites()).toBe(0);
    expect(await exists(activityFile(dir))).toBe(false);

    await store.flush();
    expect(activityWrites()).toBe(1);
    await store.flush(); // nothing new: nothing written
    expect(activityWrites()).toBe(1);
    await store.close();
    expect(activityWrites()).toBe(1);

    const saved = JSON.parse(await readText(activityFile(dir))) as {
      entries: Record<string, { activity: { messageCount: number }; logBytes: number }>;
    };
    expect(Object.keys(saved.entries)).toHaveLength(10);
    expect(saved.entries.c3?.activity.messageCount).toBe(10);
    expect(saved.entries.c3?.logBytes).toBe((await fsp.stat(logOf(dir, 'c3'))).size);
  });

  /** A store on a fake clock whose batched writes run on that clock; nextWrite() settles at the next write. */
  async function onFakeClock(dir: string) {
    const { fs, activityWrites } = countingFs();
    const waiting: (() => void)[] = [];
    const watched: StoreFs = {
      ...fs,
      rename: async (from, to) => {
        await fs.rename(from, to);
        if (String(to).endsWith('activity.json')) for (const wrote of waiting.splice(0)) wrote();
      },
    };
    const clock = new FakeClock(T0);
    const store = await open(dir, {
      fs: watched,
      now: () => clock.now(),
      timer: clock,
      summaryDelayMs: 20,
      summaryMaxDelayMs: 1000,
    });
    const nextWrite = () => new Promise<void>((resolve) => waiting.push(resolve));
    return { store, clock, activityWrites, nextWrite };
  }

  it('writes the batch by itself a moment after the last change', async () => {
    const { store, clock, activityWrites, nextWrite } = await onFakeClock(await tempDir());
    for (let i = 0; i < 20; i++) await store.appendMessage(message('anna', `m${i}`, T0 + i));
    clock.advance(19);
    // Not yet due: the quiet-time timer and the longest-wait timer both still wait.
    expect(clock.pending()).toBe(2);
    expect(activityWrites()).toBe(0);
    const written = nextWrite();
    clock.advance(1);
    await written;
    expect(activityWrites()).toBe(1);
    await store.close();
    expect(activityWrites()).toBe(1);
  });

  it('under constant traffic, writes the batch at the latest after the longest wait', async () => {
    const { store, clock, activityWrites, nextWrite } = await onFakeClock(await tempDir());
    for (let i = 0; i < 99; i++) {
      await store.appendMessage(message('anna', `m${i}`, clock.now()));
      clock.advance(10);
    }
    expect(clock.now()).toBe(T0 + 990);
    expect(clock.pending()).toBe(2);
    expect(activityWrites()).toBe(0);
    const written = nextWrite();
    clock.advance(10);
    await written;
    expect(activityWrites()).toBe(1);
    await store.close();
    expect(activityWrites()).toBe(1);
  });

  it('after a crash, brings a summary up to date from the new bytes of the history only', async () => {
    const dir = await tempDir();
    const crashed = await open(dir);
    await crashed.saveContact(contact('anna'));
    await crashed.saveContact(contact('ben', { phone: '+31687654321' }));
    const early = Array.from({ length: 30 }, (_, i) => message('anna', `a${i}`, T0 + i * MINUTE));
    await appendAll(crashed, early);
    await crashed.appendMessage(message('ben', 'b0', T0));
    await crashed.flush();
    const flushedBytes = (await fsp.stat(logOf(dir, 'anna'))).size;
    const late = Array.from({ length: 5 }, (_, i) =>
      message('anna', `late${i}`, T0 + (100 + i) * MINUTE, { direction: 'outbound', status: 'sent' }),
    );
    await appendAll(crashed, late);
    // No close(): the process "dies" here, with the summary for the last five messages unwritten.

    const { fs, reads } = countingFs();
    const reopened = await open(dir, { fs });

    expect(reopened.activity('anna')).toEqual(activityOf([...early, ...late]));
    expect(reopened.activity('ben')).toEqual(activityOf([message('ben', 'b0', T0)]));
    const annaReads = reads.filter((r) => r.file === logOf(dir, 'anna'));
    expect(annaReads.length).toBeGreaterThan(0);
    // Besides its first line (the format version), only the bytes the summary had not seen are read.
    const beyondHeader = annaReads.filter((r) => r.position !== 0);
    expect(Math.min(...beyondHeader.map((r) => r.position))).toBe(flushedBytes);
    expect(annaReads.filter((r) => r.position === 0).every((r) => r.length <= 1024)).toBe(true);
    expect(reads.filter((r) => r.file === logOf(dir, 'ben'))).toEqual([]);
    await reopened.close();
  });

  it('after a crash, recomputes the whole history when a status in the tail may change the summary', async () => {
    const dir = await tempDir();
    const crashed = await open(dir);
    const sent = message('anna', 'out', T0, { direction: 'outbound', status: 'sent' });
    await crashed.appendMessage(message('anna', 'in', T0 - MINUTE));
    await crashed.appendMessage(sent);
    await crashed.flush();
    await crashed.updateMessage('anna', 'out', { status: 'failed', error: 'Blocked' });

    const reopened = await open(dir);
    expect(reopened.activity('anna').lastOutboundAt).toBeNull();
    expect(reopened.activity('anna')).toEqual(
      activityOf([message('anna', 'in', T0 - MINUTE), { ...sent, status: 'failed', error: 'Blocked' }]),
    );
    await reopened.close();
  });

  it('rebuilds the summaries from the histories when activity.json is damaged or out of step', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    for (const i of [0, 1, 2]) await store.saveContact(contact(`c${i}`, { phone: `+3161234560${i}` }));
    const messages = Array.from({ length: 12 }, (_, i) => message(`c${i % 3}`, `m${i}`, T0 + i));
    await appendAll(store, messages);
    await store.close();
    await fsp.writeFile(activityFile(dir), '{"schemaVersion":1,"entries":{"c0":');

    const again = await open(dir);
    expect(again.problems).toHaveLength(1);
    expect(again.problems[0]?.recovery).toMatch(/rebuilt it from your message history/);
    for (const id of ['c0', 'c1', 'c2']) {
      expect(again.activity(id)).toEqual(activityOf(messages.filter((m) => m.contactId === id)));
    }
    await again.close();

    // A summary claiming more bytes than the history has is not trusted either.
    const saved = JSON.parse(await readText(activityFile(dir))) as {
      entries: Record<string, { activity: unknown; logBytes: number }>;
    };
    const c1 = saved.entries.c1;
    if (c1) c1.logBytes += 1000;
    await fsp.writeFile(activityFile(dir), JSON.stringify(saved));
    const third = await open(dir);
    expect(third.activity('c1')).toEqual(activityOf(messages.filter((m) => m.contactId === 'c1')));
    expect(third.problems).toEqual([]);
    await third.close();
  });

  it('opens even when one history cannot be read, and says why when that conversation is opened', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.saveContact(contact('anna', { phone: '+31612345678' }));
    await store.saveContact(contact('ben', { phone: '+31687654321' }));
    await store.appendMessage(message('anna', 'm1', T0));
    await store.appendMessage(message('ben', 'm2', T0));
    await store.close();
    await fsp.writeFile(activityFile(dir), JSON.stringify({ schemaVersion: 1, entries: {} }));
    const newer = `${JSON.stringify({ schemaVersion: 9, contactId: 'anna' })}\n`;
    await fsp.writeFile(logOf(dir, 'anna'), newer);

    const again = await open(dir, { log: { warn: () => undefined, error: () => undefined } });
    expect(again.activity('ben').messageCount).toBe(1);
    await expect(again.history('anna', { limit: 5 })).rejects.toThrow(/newer version of CareWindow/);
    await expect(again.appendMessage(message('anna', 'm3', T0 + 1))).rejects.toThrow(/newer version/);
    expect(await readText(logOf(dir, 'anna'))).toBe(newer);
    await again.close();
  });

  it('checks the history of a contact it did not know at opening before folding a new message onto it', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await appendAll(store, [message('stranger', 'm1', T0), message('stranger', 'm2', T0 + 1)]);
    await store.close();
    await fsp.unlink(activityFile(dir));

    const again = await open(dir);
    const activity = await again.appendMessage(message('stranger', 'm3', T0 + 2));
    expect(activity.messageCount).toBe(3);
    expect(again.activity('stranger')).toEqual(
      activityOf([
        message('stranger', 'm1', T0),
        message('stranger', 'm2', T0 + 1),
        message('stranger', 'm3', T0 + 2),
      ]),
    );
    await again.close();
  });
});
