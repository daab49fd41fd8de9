// Activity summaries of a workspace store: written in batches, brought up to date after a crash, rebuilt when damaged.
import * as fsp from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { activityOf } from '../../main/domain/activity';
import type { StoreFs } from '../../main/store/store-fs';
import { FakeClock } from '../support/fake-clock';
import {
  contact,
  exists,
  historyFileOf,
  message,
  MINUTE,
  readText,
  recordingFs,
  T0,
  useTempDirs,
} from './store-test-kit';
import { savedSummaries } from './activity-file-kit';
import { activityFile, appendAll, logOf, open } from './workspace-store-kit';

const tempDir = useTempDirs();

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

    const { summaries } = await savedSummaries(dir);
    expect(summaries.size).toBe(10);
    expect(summaries.get('c3')?.activity.messageCount).toBe(10);
    expect(summaries.get('c3')?.logBytes).toBe((await fsp.stat(logOf(dir, 'c3'))).size);
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
    await reopened.flush(); // the background check, which runs a little after the first screen

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
    await reopened.flush();
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
    await again.flush(); // rebuilt in the background, after the first screen
    expect(again.problems).toHaveLength(1);
    expect(again.problems[0]?.recovery).toMatch(/rebuilt it from your message history/);
    for (const id of ['c0', 'c1', 'c2']) {
      expect(again.activity(id)).toEqual(activityOf(messages.filter((m) => m.contactId === id)));
    }
    await again.close();

    // A summary claiming more bytes than the history has is not trusted either.
    const { file: saved } = await savedSummaries(dir);
    const c1 = saved.columns.ids.indexOf('c1');
    saved.columns.logBytes[c1] = (saved.columns.logBytes[c1] ?? 0) + 1000;
    await fsp.writeFile(activityFile(dir), JSON.stringify(saved));
    const third = await open(dir);
    await third.flush();
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
    await again.flush();
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

  it('after a clean close, checks a contact that had no summary when it is first used', async () => {
    // Bert's history, made in another workspace and put beside a workspace that closed cleanly without it.
    const elsewhere = await tempDir();
    const other = await open(elsewhere);
    await other.saveContact(contact('bert'));
    await other.appendMessage(message('bert', 'b1', T0));
    await other.close();
    const dir = await tempDir();
    const store = await open(dir);
    await store.saveContact(contact('anna'));
    await store.saveContact(contact('bert'));
    await store.appendMessage(message('anna', 'a1', T0));
    await store.close();
    await fsp.copyFile(historyFileOf(elsewhere, 'bert'), historyFileOf(dir, 'bert'));

    const again = await open(dir);
    expect(again.activity('bert').messageCount).toBe(0);
    await again.history('anna', { limit: 10 });
    await again.history('bert', { limit: 10 });
    expect(again.activity('bert')).toEqual(activityOf([message('bert', 'b1', T0)]));
    expect(again.activity('anna')).toEqual(activityOf([message('anna', 'a1', T0)]));
    await again.close();
  });
});
