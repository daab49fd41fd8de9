import { appendFile, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../main/contract/model';
import type { SearchHit, SearchQueryInput } from '../../../main/contract/search';
import { SearchQuery } from '../../../main/contract/search';
import { MessageSearch } from '../../../main/services/message-search';
import { openWorkspaceStore } from '../../../main/store/open-workspace';
import { INDEX_FILE } from '../../../main/store/search/index-file';
import { startSearchIndex, type SearchIndex } from '../../../main/store/search/search-index';
import type { WorkspaceStore } from '../../../main/store/workspace-store';
import { generateWorkspace } from '../../bench/generate-workspace';
import { FakeClock } from '../../support/fake-clock';
import { silentLog } from '../../support/recorders';
import { useCleanup, useTempDirs } from '../../support/temp-dir';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const DAY = 86_400_000;

/** What the index was asked to do, so a test can tell a reopened index from a rebuilt one. */
function recording(dir: string) {
  const log = { loads: [] as (string | null)[], replaced: [] as string[] };
  const start = (at: string): SearchIndex => {
    const index = startSearchIndex(at);
    return {
      ...bindAll(index),
      load: async () => {
        const loaded = await index.load();
        log.loads.push(loaded.problem);
        return loaded;
      },
      replaceContact: (contactId, messages) => {
        log.replaced.push(contactId);
        index.replaceContact(contactId, messages);
      },
    };
  };
  return { log, start: () => start(dir) };
}

function bindAll(index: SearchIndex): SearchIndex {
  return {
    load: () => index.load(),
    add: (m) => index.add(m),
    replaceContact: (c, m) => index.replaceContact(c, m),
    removeContact: (c) => index.removeContact(c),
    removeMessages: (c, ids) => index.removeMessages(c, ids),
    search: (q) => index.search(q),
    settled: () => index.settled(),
    save: () => index.save(),
    close: () => index.close(),
  };
}

function message(
  contactId: string,
  id: string,
  text: string,
  at: number,
  direction: Message['direction'],
): Message {
  return {
    id,
    contactId,
    direction,
    kind: 'text',
    text,
    at,
    status: direction === 'inbound' ? 'received' : 'read',
    providerId: null,
    followUp: false,
    template: null,
    error: null,
    consent: null,
  };
}

// Each test generates a 3,000-message workspace and starts a worker thread: seconds, not milliseconds.
describe('Searching messages', { timeout: 30_000 }, () => {
  const tempDir = useTempDirs();
  const cleanup = useCleanup();

  async function workspace() {
    const dir = await tempDir();
    await generateWorkspace(dir, {
      contacts: 40,
      messages: 3000,
      biggest: 600,
      years: 2,
      seed: 12,
      now: NOW,
    });
    return dir;
  }

  async function open(dir: string, start?: () => SearchIndex) {
    const clock = new FakeClock(NOW);
    const store = await openWorkspaceStore(dir, { now: () => clock.now(), log: silentLog });
    const search = new MessageSearch({
      store,
      clock,
      scheduler: clock,
      log: silentLog,
      ...(start ? { startIndex: start } : {}),
    });
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await search.close();
      await store.close();
    };
    cleanup.push(close);
    const find = async (query: SearchQueryInput) => (await search.search(SearchQuery.parse(query))).hits;
    return { store, search, find, close };
  }

  /** Two customers with messages the generated history does not have. */
  async function plant(store: WorkspaceStore) {
    const [anna, bert] = store.contacts();
    if (!anna || !bert) throw new Error('The generated workspace has no contacts');
    const planted = [
      message(anna.id, 'p1', 'La crème brûlée était délicieuse, merci!', NOW - 30 * DAY, 'inbound'),
      message(
        anna.id,
        'p2',
        'Your parcel with the zebrastripe coat left the warehouse',
        NOW - 20 * DAY,
        'outbound',
      ),
      message(bert.id, 'p3', 'The coat is zebrastripe, not blue', NOW - 10 * DAY, 'inbound'),
      message(bert.id, 'p4', 'Zebrastripes are back in stock', NOW - 5 * DAY, 'outbound'),
      message(bert.id, 'p5', 'A zebrastripe scarf, then', NOW - 2 * DAY, 'inbound'),
    ];
    for (const one of planted) await store.appendMessage(one);
    return { anna: anna.id, bert: bert.id };
  }

  const ids = (hits: SearchHit[]) => hits.map((hit) => hit.messageId);
  const marked = (hit: SearchHit | undefined) =>
    hit?.snippet.highlights.map(({ start, end }) => hit.snippet.text.slice(start, end)) ?? [];

  it('finds words whatever their case and accents, and marks them in the owner’s own text', async () => {
    const { store, find } = await open(await workspace());
    await plant(store);
    const hits = await find({ query: 'CREME brulee' });
    expect(ids(hits)).toEqual(['p1']);
    expect(marked(hits[0])).toEqual(['crème', 'brûlée']);
    expect(ids(await find({ query: 'délicieuse' }))).toEqual(['p1']);
  });

  it('finds the start of a word, a phrase as typed, and a longer word with one typo', async () => {
    const { store, find } = await open(await workspace());
    await plant(store);
    expect(ids(await find({ query: 'warehou' }))).toEqual(['p2']);
    // Both hold "zebrastripe" and "coat"; only one has them next to each other, in this order.
    expect(ids(await find({ query: '"zebrastripe coat"' }))).toEqual(['p2']);
    expect(ids(await find({ query: 'zebrastripe coat' })).sort()).toEqual(['p2', 'p3']);
    expect(ids(await find({ query: 'zebrastirpe scarf' }))).toEqual(['p5']);
    // A slip in the first half of the word (found by its end, not its start).
    expect(ids(await find({ query: 'zebrstripe scarf' }))).toEqual(['p5']);
    expect(await find({ query: 'zebr scar xylophone' })).toEqual([]);
  });

  it('finds an order number as one word, not as its pieces', async () => {
    const { store, find } = await open(await workspace());
    const { anna, bert } = await plant(store);
    await store.appendMessage(message(anna, 'o1', 'Your order #A96885 has shipped', NOW - DAY, 'outbound'));
    await store.appendMessage(message(bert, 'o2', 'Row a, shelf 968, bin 85', NOW - DAY, 'inbound'));
    expect(ids(await find({ query: '#a96885' }))).toEqual(['o1']);
    expect(marked((await find({ query: 'A96885' }))[0])).toEqual(['A96885']);
  });

  it('ranks the word itself above longer words and typos, newer first among equals', async () => {
    const { store, find } = await open(await workspace());
    await plant(store);
    // p4 has only "zebrastripes" (a longer word): it comes after every exact "zebrastripe".
    expect(ids(await find({ query: 'zebrastripe' }))).toEqual(['p5', 'p3', 'p2', 'p4']);
  });

  it('filters by contact, direction and dates', async () => {
    const { store, find } = await open(await workspace());
    const { anna, bert } = await plant(store);
    expect(ids(await find({ query: 'zebrastripe', contactId: anna }))).toEqual(['p2']);
    expect(ids(await find({ query: 'zebrastripe', contactId: bert, direction: 'inbound' }))).toEqual([
      'p5',
      'p3',
    ]);
    expect(ids(await find({ query: 'zebrastripe', from: NOW - 12 * DAY, to: NOW - 3 * DAY }))).toEqual([
      'p3',
      'p4',
    ]);
  });

  it('finds a message as soon as it is stored, and forgets removed messages and deleted contacts', async () => {
    const { store, find } = await open(await workspace());
    const { anna, bert } = await plant(store);
    expect(await find({ query: 'quokka' })).toEqual([]);
    await store.appendMessage(message(anna, 'n1', 'Is the quokka mug still available?', NOW, 'inbound'));
    expect(ids(await find({ query: 'quokka' }))).toEqual(['n1']);
    await store.removeMessages(anna, new Set(['n1']));
    expect(await find({ query: 'quokka' })).toEqual([]);
    await store.forgetContact(bert);
    expect(ids(await find({ query: 'zebrastripe' }))).toEqual(['p2']);
  });

  it('searches the generated history: common words, prefixes and several words at once', async () => {
    const { find } = await open(await workspace());
    // Dutch "bestelling", its longer forms ("bestellingen") and, one typo away, German "Bestellung".
    const all = await find({ query: 'bestelling', limit: 200 });
    const exact = all.filter((hit) => marked(hit).some((word) => word.toLowerCase() === 'bestelling'));
    expect(exact.length).toBeGreaterThan(0);
    expect(all.slice(0, exact.length)).toEqual(exact);
    for (const hit of all) expect(marked(hit).some((word) => /^bestel/i.test(word))).toBe(true);
    // Newest first among equally good hits.
    const times = exact.map((hit) => hit.at);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // Two words: every hit holds both.
    const both = await find({ query: 'bestelling zaterdag', limit: 200 });
    expect(both.length).toBeGreaterThan(0);
    for (const hit of both)
      expect(marked(hit).map((word) => word.toLowerCase())).toEqual(
        expect.arrayContaining(['bestelling', 'zaterdag']),
      );
  });

  it('opens the saved index at the next start without indexing anything again', async () => {
    const dir = await workspace();
    const first = await open(dir);
    await plant(first.store);
    expect(ids(await first.find({ query: 'crème brûlée' }))).toEqual(['p1']);
    await first.close();

    const { log, start } = recording(dir);
    const again = await open(dir, start);
    expect(ids(await again.find({ query: 'crème brûlée' }))).toEqual(['p1']);
    expect(log).toEqual({ loads: [null], replaced: [] });
  });

  it('catches up with messages stored while it was not watching (a crash before the save)', async () => {
    const dir = await workspace();
    const first = await open(dir);
    const { anna } = await plant(first.store);
    await first.find({ query: 'crème brûlée' });
    await first.close();
    // Written by a store the index did not watch: the index on disk is one message behind.
    const clock = new FakeClock(NOW);
    const unwatched = await openWorkspaceStore(dir, { now: () => clock.now(), log: silentLog });
    await unwatched.appendMessage(message(anna, 'late', 'The axolotl plush arrived', NOW, 'inbound'));
    await unwatched.close();

    const { log, start } = recording(dir);
    const again = await open(dir, start);
    expect(ids(await again.find({ query: 'axolotl' }))).toEqual(['late']);
    expect(log.replaced).toEqual([anna]);
  });

  it('rebuilds a damaged or foreign index file, and keeps the old one when a save was cut short', async () => {
    const dir = await workspace();
    const first = await open(dir);
    await plant(first.store);
    await first.find({ query: 'crème brûlée' });
    await first.close();
    // A save that died before its rename leaves only a temp file: the index beside it still opens.
    await writeFile(join(dir, `.${INDEX_FILE}.999.tmp`), '{"format":');
    const reopened = recording(dir);
    const again = await open(dir, reopened.start);
    expect(ids(await again.find({ query: 'crème brûlée' }))).toEqual(['p1']);
    expect(reopened.log.loads).toEqual([null]);
    await again.close();

    const path = join(dir, INDEX_FILE);
    const size = (await readFile(path)).length;
    await truncate(path, Math.floor(size / 2));
    const damaged = recording(dir);
    const rebuilt = await open(dir, damaged.start);
    expect(ids(await rebuilt.find({ query: 'crème brûlée' }))).toEqual(['p1']);
    expect(damaged.log.loads).toEqual(['damaged']);
    await rebuilt.close();

    await writeFile(path, '{"format":"carewindow-search/0"}\n');
    await appendFile(path, '{"end":true}\n');
    const foreign = recording(dir);
    const fresh = await open(dir, foreign.start);
    expect(ids(await fresh.find({ query: 'crème brûlée' }))).toEqual(['p1']);
    expect(foreign.log.loads).toEqual(['other-version']);
  });
});
