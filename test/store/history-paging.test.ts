import { describe, expect, it } from 'vitest';
import type { Message } from '../../main/contract/model';
import { openWorkspaceStore } from '../../main/store/open-workspace';
import type { HistoryQuery, WorkspaceStore } from '../../main/store/workspace-store';
import { contact, message, MINUTE, T0, useTempDirs } from './store-test-kit';

const tempDir = useTempDirs();

function open(dir: string): Promise<WorkspaceStore> {
  return openWorkspaceStore(dir, { now: () => T0, summaryDelayMs: 60_000, summaryMaxDelayMs: 60_000 });
}

/** Pages back from the newest as the renderer does (cursor on the oldest shown), recording every page. */
async function pageThrough(
  store: WorkspaceStore,
  limit: number,
): Promise<{ ids: string[]; pages: { ids: string[]; hasMore: boolean }[] }> {
  const ids: string[] = [];
  const pages: { ids: string[]; hasMore: boolean }[] = [];
  let query: HistoryQuery = { limit };
  for (let n = 0; n < 100; n++) {
    const page = await store.history('anna', query);
    pages.push({ ids: page.messages.map((m) => m.id), hasMore: page.hasMore });
    ids.unshift(...page.messages.map((m) => m.id));
    const oldest = page.messages[0];
    if (!page.hasMore || !oldest) break;
    query = { before: oldest.at, beforeId: oldest.id, limit };
  }
  return { ids, pages };
}

describe('history paging with a cursor on (at, id)', () => {
  // Appended out of order, so the log order is neither the time order nor the id order.
  const log: Message[] = [
    message('anna', 'e', T0 + 2 * MINUTE),
    message('anna', 'c', T0),
    message('anna', 'a', T0),
    message('anna', 'z', T0 - MINUTE),
    message('anna', 'b', T0, { direction: 'outbound', status: 'sent' }),
    message('anna', 'd', T0 + MINUTE),
    message('anna', 'd2', T0 + MINUTE),
  ];
  const expected = ['z', 'a', 'b', 'c', 'd', 'd2', 'e'];

  async function withHistory(run: (store: WorkspaceStore) => Promise<void>): Promise<void> {
    const dir = await tempDir();
    const store = await open(dir);
    await store.saveContact(contact('anna'));
    for (const m of log) await store.appendMessage(m);
    await run(store);
    await store.close();
    // The same again from disk, not from the cache.
    const again = await open(dir);
    await run(again);
    await again.close();
  }

  it.each([1, 2, 3])(
    'returns every message exactly once, in order, with limit %i, hasMore false only on the last page',
    async (limit) => {
      await withHistory(async (store) => {
        const { ids, pages } = await pageThrough(store, limit);
        expect(ids).toEqual(expected);
        expect(pages.map((p) => p.ids.length)).toEqual(
          Array.from({ length: Math.ceil(expected.length / limit) }, (_, i) =>
            Math.min(limit, expected.length - i * limit),
          ),
        );
        expect(pages.map((p) => p.hasMore)).toEqual(pages.map((_, i) => i < pages.length - 1));
      });
    },
  );

  it('pages a, b, c sharing a millisecond and d after them, two at a time: [c, d] then [a, b]', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.saveContact(contact('anna'));
    for (const m of [
      message('anna', 'a', T0),
      message('anna', 'b', T0),
      message('anna', 'c', T0),
      message('anna', 'd', T0 + 1),
    ]) {
      await store.appendMessage(m);
    }
    const first = await store.history('anna', { limit: 2 });
    expect({
      ids: first.messages.map((m) => m.id),
      hasMore: first.hasMore,
      hasNewer: first.hasNewer,
    }).toEqual({
      ids: ['c', 'd'],
      hasMore: true,
      hasNewer: false,
    });
    const second = await store.history('anna', { before: T0, beforeId: 'c', limit: 2 });
    expect({
      ids: second.messages.map((m) => m.id),
      hasMore: second.hasMore,
      hasNewer: second.hasNewer,
    }).toEqual({
      ids: ['a', 'b'],
      hasMore: false,
      hasNewer: true,
    });
    // Without an id, `before` keeps its old meaning: strictly older than that millisecond.
    expect(await store.history('anna', { before: T0, limit: 2 })).toEqual({
      messages: [],
      hasMore: false,
      hasNewer: true,
    });
    expect((await store.history('anna', { before: T0 + 1, limit: 5 })).messages.map((m) => m.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
    // A cursor between two ids of the same millisecond, and one on an id that is not there.
    expect(
      (await store.history('anna', { before: T0, beforeId: 'b', limit: 5 })).messages.map((m) => m.id),
    ).toEqual(['a']);
    expect(
      (await store.history('anna', { before: T0, beforeId: 'bb', limit: 5 })).messages.map((m) => m.id),
    ).toEqual(['a', 'b']);
    expect(await store.history('anna', { before: T0, beforeId: 'a', limit: 5 })).toEqual({
      messages: [],
      hasMore: false,
      hasNewer: true,
    });
    await store.close();
  });
});
