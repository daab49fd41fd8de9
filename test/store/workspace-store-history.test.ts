// Message history of a workspace store: appending, paging, status changes, torn lines, full disks.
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { activityOf } from '../../main/domain/activity';
import { breakableFs, contact, exists, message, MINUTE, readText, T0, useTempDirs } from './store-test-kit';
import { appendAll, logOf, open } from './workspace-store-kit';

const tempDir = useTempDirs();

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
    expect(first.hasNewer).toBe(false);
    const oldestPage = await store.history('anna', { before: T0 + MINUTE, limit: 10 });
    expect(oldestPage).toEqual({ messages: all.slice(0, 2).reverse(), hasMore: false, hasNewer: true });
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
    // A line torn by a crash: that run never closed cleanly.
    await fsp.unlink(path.join(dir, '.activity-closed-cleanly'));
    const damagedBytes = await readText(file);

    const again = await open(dir);
    await again.flush(); // the background check after an unclean close reads the history
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
