// The store tells its listeners (the search index) every change to the stored messages, once it is durable.
import { describe, expect, it } from 'vitest';
import type { StoredMessagesChange } from '../../main/store/workspace-store';
import { breakableFs, contact, message, T0, useTempDirs } from './store-test-kit';
import { open } from './workspace-store-kit';

const tempDir = useTempDirs();

describe('openWorkspaceStore: onMessagesChanged', () => {
  it('tells messages appended, imported, removed and forgotten, in that order', async () => {
    const store = await open(await tempDir());
    await store.saveContact(contact('anna'));
    const told: StoredMessagesChange[] = [];
    const stop = store.onMessagesChanged?.((change) => told.push(change));
    await store.appendMessage(message('anna', 'm1', T0));
    await store.importMessages('anna', [message('anna', 'old1', T0 - 1000), message('anna', 'm1', T0)]);
    await store.removeMessages('anna', new Set(['old1']));
    await store.forgetContact('anna');
    expect(told.map((change) => change.kind)).toEqual(['added', 'added', 'removed', 'forgotten']);
    expect(told[0]).toMatchObject({ kind: 'added', messages: [{ id: 'm1' }] });
    // An import tells only what it added: m1 was there already.
    expect(told[1]).toMatchObject({ kind: 'added', messages: [{ id: 'old1' }] });
    expect(told[2]).toEqual({ kind: 'removed', contactId: 'anna', ids: ['old1'] });
    expect(told[3]).toEqual({ kind: 'forgotten', contactId: 'anna' });
    stop?.();
    await store.saveContact(contact('bert'));
    await store.appendMessage(message('bert', 'b1', T0));
    expect(told).toHaveLength(4);
    await store.close();
  });

  it('keeps a write that is done when a listener throws, and tells nothing of a write that failed', async () => {
    const { fs, failing } = breakableFs('ENOSPC');
    const store = await open(await tempDir(), { fs });
    await store.saveContact(contact('anna'));
    const told: string[] = [];
    store.onMessagesChanged?.(() => {
      throw new Error('a listener that fails');
    });
    store.onMessagesChanged?.((change) => told.push(change.kind));
    await expect(store.appendMessage(message('anna', 'm1', T0))).resolves.toMatchObject({ messageCount: 1 });
    failing.on = true;
    await expect(store.appendMessage(message('anna', 'm2', T0 + 1))).rejects.toThrow();
    failing.on = false;
    expect(told).toEqual(['added']);
    await store.close();
  });
});
