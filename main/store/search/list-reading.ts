import type { Index } from 'flexsearch';
import type { TopHits } from './top-hits';

/**
 * The most messages one search looks at. A word in more messages than this (a very common one, with a
 * filter that rejects most of them) is searched in its newest this many.
 */
export const CANDIDATES = 4000;
/** The first read of a list: most searches end within it (they need `limit` hits, newest first). */
const FIRST_READ = 256;

/** One word's FlexSearch list, how long it is (holes included) and how well the word matches. */
export interface WordList {
  word: string;
  entries: number;
  quality: number;
}

/**
 * Reads a query word's lists, the best-matching forms first and, among forms that match equally well,
 * merged newest first (each list runs old to new); stops as soon as no unread message can still rank
 * among the hits kept: `bonus` is the most the rest of the query can add to a list's quality. So a
 * common word reads about `limit` entries, not its whole list. True when it stopped at CANDIDATES with
 * hits possibly left unread.
 */
export function readNewestFirst(
  flex: Index,
  lists: readonly WordList[],
  atOf: (doc: number) => number,
  top: TopHits,
  bonus: number,
  consider: (doc: number) => void,
): boolean {
  const qualities = [...new Set(lists.map((list) => list.quality))].sort((a, b) => b - a);
  const seen = new Set<number>();
  for (const quality of qualities) {
    const readers = lists
      .filter((list) => list.quality === quality)
      .map((list) => new ListReader(flex, list.word, list.entries));
    for (;;) {
      let newest: ListReader | undefined;
      let newestAt = -Infinity;
      for (const reader of readers) {
        const doc = reader.peek();
        if (doc !== undefined && atOf(doc) > newestAt) {
          newest = reader;
          newestAt = atOf(doc);
        }
      }
      const doc = newest?.next();
      if (doc === undefined) break;
      if (top.cannotTake(quality + bonus, newestAt)) return false;
      if (seen.has(doc)) continue;
      if (seen.size >= CANDIDATES) return true;
      seen.add(doc);
      consider(doc);
    }
  }
  return false;
}

/** Reads one FlexSearch list from its newest entry back, a block at a time. */
class ListReader {
  private block: number[] = [];
  private at = -1;

  constructor(
    private readonly flex: Index,
    private readonly word: string,
    private unread: number,
  ) {}

  peek(): number | undefined {
    if (this.at < 0) this.fill();
    return this.at >= 0 ? this.block[this.at] : undefined;
  }

  next(): number | undefined {
    const doc = this.peek();
    this.at--;
    return doc;
  }

  private fill(): void {
    if (this.unread <= 0) return;
    // Later blocks are bigger: a list read past its first block is likely read far.
    const size = Math.min(this.unread, this.block.length === 0 ? FIRST_READ : CANDIDATES);
    const offset = this.unread - size;
    this.block = this.flex.search(this.word, { limit: size, offset }).map(Number);
    this.unread = offset;
    this.at = this.block.length - 1;
  }
}
