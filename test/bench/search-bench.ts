import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fold, words } from '../../main/domain/search/folding';
import { INDEX_FILE } from '../../main/store/search/index-file';
import type { IndexedMessage } from '../../main/store/search/message-index';
import { startSearchIndex } from '../../main/store/search/search-index';
import type { WorkerMemory } from '../../main/store/search/worker-protocol';
import { openWorkspaceStore } from '../../main/store/open-workspace';
import { workspaceDir } from '../../main/store/workspace-paths';
import { benchWorkspace, scratchCopy } from './bench-workspace';
import type { GenerateOptions } from './generate-workspace';
import { describeFigure, figureOf, goal, note, ratio, report, type Figure } from './measure';
import { SeededRandom } from './seeded-random';

const MB = 1024 * 1024;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The process's resident memory after a full collection on this thread (the worker collects on its own). */
function settledRss(): number {
  gc();
  return process.memoryUsage().rss;
}

const KINDS = ['common word', 'rare word', 'prefix', 'two words', 'typo'] as const;

/**
 * Full-text search on the generated workspace: building the index in its worker thread, its size on disk
 * and in memory, reopening it, and 100 varied queries (common and rare words, prefixes, two words, typos)
 * through the worker, against a linear scan of the same messages in the same run (fold every text, look
 * for every word): the floor a search without an index pays.
 */
export async function benchSearch(size: GenerateOptions): Promise<void> {
  const workspace = await benchWorkspace(size);
  const scratch = await scratchCopy(workspace.pristineRoot);
  const dir = workspaceDir(scratch.dataRoot, 'real');
  const store = await openWorkspaceStore(dir, { now: () => workspace.info.now });
  try {
    const messages: IndexedMessage[] = [];
    for (const contact of store.contacts()) {
      for (const m of await store.allMessages(contact.id)) {
        messages.push({ id: m.id, contactId: m.contactId, at: m.at, direction: m.direction, text: m.text });
      }
    }
    const byContact = new Map<string, IndexedMessage[]>();
    for (const m of messages) byContact.set(m.contactId, [...(byContact.get(m.contactId) ?? []), m]);
    const rssBefore = settledRss();

    // Built the way the app builds it (services/message-search.ts): each contact's history posted to the
    // worker thread, waiting for it every 20,000 messages, then a search.
    let started = performance.now();
    const index = startSearchIndex(dir);
    await index.load();
    let ahead = 0;
    for (const [contactId, own] of byContact) {
      index.replaceContact(contactId, own);
      ahead += own.length;
      if (ahead >= 20_000) {
        ahead = 0;
        await index.settled();
      }
    }
    await index.search({ query: 'x', limit: 1 });
    const built = performance.now() - started;
    const rssBuilt = settledRss();
    const workerBuilt = await index.memory();
    started = performance.now();
    await index.save();
    const saved = performance.now() - started;
    const onDisk = (await stat(join(dir, INDEX_FILE))).size;

    const queries = varied(messages, new SeededRandom(7));
    const times: number[] = [];
    for (const { query } of queries) await index.search({ query, limit: 50 }); // warm-up
    for (const { query } of queries) {
      const at = performance.now();
      await index.search({ query, limit: 50 });
      times.push(performance.now() - at);
    }
    const indexed = figureOf(times);
    await index.close();

    const scanTimes = queries.slice(0, 30).map(({ query }) => {
      const at = performance.now();
      const needed = words(query);
      let found = 0;
      for (const { text } of messages) {
        const own = fold(text);
        if (needed.every((word) => own.includes(word))) found++;
      }
      if (found < 0) throw new Error('unreachable');
      return performance.now() - at;
    });
    const scan: Figure = figureOf(scanTimes);

    // A start of the app: a fresh worker reads the saved index (no text folded or indexed again).
    const rssClosed = settledRss();
    started = performance.now();
    const reopened = startSearchIndex(dir);
    const loaded = await reopened.load();
    await reopened.search({ query: queries[0]?.query ?? 'x', limit: 50 });
    const reopenedIn = performance.now() - started;
    const rssReopened = settledRss();
    const workerReopened = await reopened.memory();
    await reopened.close();

    const mb = (bytes: number) => `+${(bytes / MB).toFixed(0)} MB`;
    const grown = Math.max(rssBuilt - rssBefore, rssReopened - rssClosed);
    note('search: messages indexed', messages.length.toLocaleString('en'));
    note('search: index build in its worker (all messages)', `${(built / 1000).toFixed(1)} s`);
    note('search: index on disk', `${(onDisk / MB).toFixed(0)} MB, saved in ${(saved / 1000).toFixed(1)} s`);
    note(
      'search: reopened from disk and first search',
      `${(reopenedIn / 1000).toFixed(1)} s${loaded.problem ? ` (problem: ${loaded.problem})` : ''}`,
    );
    note(
      'search: process RSS with the index (worker included)',
      `${mb(rssBuilt - rssBefore)} after the build, ${mb(rssReopened - rssClosed)} reopened from disk`,
    );
    const held = (m: WorkerMemory) =>
      `${mb(m.heapUsed + m.arrayBuffers)} (heap ${(m.heapUsed / MB).toFixed(0)} + buffers ${(m.arrayBuffers / MB).toFixed(0)} MB${m.collected ? '' : ', before GC'})`;
    note('search: the worker holds, built', held(workerBuilt));
    note('search: the worker holds, reopened', held(workerReopened));
    report('search: linear scan of every message (30 queries)', scan);
    report('search: 100 varied queries through the worker', indexed, 'linear scan', scan);
    for (const kind of KINDS) {
      const own = figureOf(times.filter((_, i) => queries[i]?.kind === kind));
      report(`search:   ${kind} (20 queries)`, own);
    }
    const speedup = ratio(scan, indexed);
    goal('search p95 ≤ 10 ms', indexed.p95 <= 10, describeFigure(indexed));
    goal(
      'search ≥ 4× faster than a linear scan (p50 and p95)',
      speedup.p50 >= 4 && speedup.p95 >= 4,
      `${speedup.p50.toFixed(0)}× / ${speedup.p95.toFixed(0)}×`,
    );
    goal(
      'search index memory ≤ +250 MB (process RSS, worker included)',
      grown <= 250 * MB,
      `${mb(rssBuilt - rssBefore)} built, ${mb(rssReopened - rssClosed)} reopened`,
    );
    goal(
      'search index reopened from disk, not rebuilt',
      loaded.problem === null && loaded.counts.length > 0,
      `${(reopenedIn / 1000).toFixed(1)} s, ${loaded.problem ?? 'no rebuild'}`,
    );
  } finally {
    await store.close();
    await scratch.remove();
  }
}

/** 100 queries as an owner types them: common and rare words, starts of words, two words, typos. */
function varied(
  messages: readonly IndexedMessage[],
  random: SeededRandom,
): { query: string; kind: (typeof KINDS)[number] }[] {
  const counts = new Map<string, number>();
  for (const m of messages)
    for (const word of new Set(words(m.text))) counts.set(word, (counts.get(word) ?? 0) + 1);
  const byCount = [...counts].filter(([word]) => word.length >= 3).sort((a, b) => b[1] - a[1]);
  const common = byCount.slice(0, 50).map(([word]) => word);
  const rare = byCount.filter(([, count]) => count <= 20).map(([word]) => word);
  const middle = byCount.slice(50, 500).map(([word]) => word);
  const pick = (list: readonly string[]) => list[Math.floor(random.next() * list.length)] ?? 'winkel';
  const typo = (word: string) => {
    const at = 1 + Math.floor(random.next() * (word.length - 2));
    return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
  };
  const long = middle.filter((word) => word.length >= 6);
  const make: Record<(typeof KINDS)[number], () => string> = {
    'common word': () => pick(common),
    'rare word': () => pick(rare),
    prefix: () => pick(middle).slice(0, 4),
    'two words': () => `${pick(common)} ${pick(middle)}`,
    typo: () => typo(pick(long.length > 0 ? long : middle)),
  };
  return KINDS.flatMap((kind) => Array.from({ length: 20 }, () => ({ query: make[kind](), kind })));
}
