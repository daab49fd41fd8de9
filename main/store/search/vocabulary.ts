import { TYPO_MIN_LENGTH, withinOneEdit } from '../../domain/search/query';

/** How well a message's word answers a query word: the word itself, a longer word it starts, a typo. */
export const EXACT = 3;
const PREFIX = 2;
const TYPO = 1;
/** Longer words a prefix stands for, the most frequent first: "a" must not mean every word. */
const MAX_COMPLETIONS = 40;

/** New words looked through one by one before the sorted lists are rebuilt (a re-sort costs O(V log V)). */
const UNSORTED_MAX = 512;

/**
 * Every word of the index, numbered (rows keep word numbers, not strings): in how many live messages it
 * is (to pick the rarest query word first and the most frequent completions of a prefix) and how long
 * FlexSearch's list of it is (holes included, to read its newest part by offset). Prefixes and typos
 * are looked up in two sorted lists, by the word and by the word reversed, so there is no table of
 * every word's variants: those cost more memory than the rest of the index.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private words: string[] = [];
  private counts: Int32Array = new Int32Array(1024);
  private entries: Int32Array = new Int32Array(1024);
  /** Word numbers by word, and by the word reversed; words added since are in `unsorted`. */
  private sorted: number[] = [];
  private reversed: { key: string; id: number }[] = [];
  private unsorted: number[] = [];

  get size(): number {
    return this.words.length;
  }

  id(word: string): number | undefined {
    return this.ids.get(word);
  }

  word(id: number): string {
    return this.words[id] ?? '';
  }

  count(id: number): number {
    return this.counts[id] ?? 0;
  }

  entriesOf(id: number): number {
    return this.entries[id] ?? 0;
  }

  /** Counts one more message with the word; returns its number. */
  add(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.ids.set(word, id);
      this.unsorted.push(id);
      if (id >= this.counts.length) {
        this.counts = grow(this.counts);
        this.entries = grow(this.entries);
      }
    }
    this.counts[id] = (this.counts[id] ?? 0) + 1;
    return id;
  }

  /** One message less holds the word (its list keeps the hole). */
  remove(id: number): void {
    if ((this.counts[id] ?? 0) > 0) this.counts[id] = (this.counts[id] ?? 0) - 1;
  }

  /** FlexSearch's list of the word got one entry longer. */
  listed(id: number): void {
    this.entries[id] = (this.entries[id] ?? 0) + 1;
  }

  /** The words a query word stands for, each with how well it matches: itself, longer words, typos. */
  forms(word: string): Map<number, number> {
    const forms = new Map<number, number>();
    const exact = this.ids.get(word);
    if (exact !== undefined && this.count(exact) > 0) forms.set(exact, EXACT);
    if (word.length >= 2) {
      for (const longer of this.startingWith(word, MAX_COMPLETIONS)) {
        if (!forms.has(longer)) forms.set(longer, PREFIX);
      }
    }
    if (word.length >= TYPO_MIN_LENGTH) {
      for (const near of this.near(word)) if (!forms.has(near)) forms.set(near, TYPO);
    }
    return forms;
  }

  /** Up to `limit` longer words that start with `prefix` and are in some message, most frequent first. */
  startingWith(prefix: string, limit: number): number[] {
    const found = this.withPrefix(prefix, (id) => this.word(id) !== prefix);
    if (found.length <= limit) return found;
    return found.sort((a, b) => this.count(b) - this.count(a)).slice(0, limit);
  }

  /**
   * Words one typo (insert, delete, replace, swap of neighbours) from `word`. Such a word keeps either the
   * first half of `word` or everything after its middle letter, so only words sharing one of those are
   * compared.
   */
  near(word: string): number[] {
    const half = word.length >> 1;
    const close = (id: number) => {
      const candidate = this.word(id);
      return Math.abs(candidate.length - word.length) <= 1 && withinOneEdit(word, candidate);
    };
    const found = new Set(this.withPrefix(word.slice(0, half), close));
    for (const id of this.withSuffix(word.slice(half + 1), close)) found.add(id);
    found.delete(this.ids.get(word) ?? -1);
    return [...found];
  }

  /** Words and counts, by number: what the index file saves. */
  saved(): { words: string[]; counts: Int32Array; entries: Int32Array } {
    const n = this.words.length;
    return { words: this.words, counts: this.counts.subarray(0, n), entries: this.entries.subarray(0, n) };
  }

  static restored(words: string[], counts: Int32Array, entries: Int32Array): Vocabulary {
    if (counts.length !== words.length || entries.length !== words.length)
      throw new Error('The saved vocabulary does not line up');
    const vocabulary = new Vocabulary();
    vocabulary.words = words;
    words.forEach((word, id) => vocabulary.ids.set(word, id));
    vocabulary.counts = counts;
    vocabulary.entries = entries;
    vocabulary.unsorted = words.map((_, id) => id);
    return vocabulary;
  }

  private withPrefix(prefix: string, keep: (id: number) => boolean): number[] {
    this.sortIfMany();
    const found: number[] = [];
    const live = (id: number) => this.count(id) > 0 && keep(id);
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.word(this.sorted[mid] ?? 0) < prefix) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < this.sorted.length; i++) {
      const id = this.sorted[i] ?? 0;
      if (!this.word(id).startsWith(prefix)) break;
      if (live(id)) found.push(id);
    }
    for (const id of this.unsorted) if (this.word(id).startsWith(prefix) && live(id)) found.push(id);
    return found;
  }

  private withSuffix(suffix: string, keep: (id: number) => boolean): number[] {
    this.sortIfMany();
    const key = reverse(suffix);
    const found: number[] = [];
    const live = (id: number) => this.count(id) > 0 && keep(id);
    let low = 0;
    let high = this.reversed.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.reversed[mid]?.key ?? '') < key) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < this.reversed.length; i++) {
      const entry = this.reversed[i];
      if (!entry?.key.startsWith(key)) break;
      if (live(entry.id)) found.push(entry.id);
    }
    for (const id of this.unsorted) if (this.word(id).endsWith(suffix) && live(id)) found.push(id);
    return found;
  }

  private sortIfMany(): void {
    if (this.unsorted.length <= UNSORTED_MAX) return;
    this.unsorted = [];
    const ids = this.words.map((_, id) => id);
    this.sorted = ids.sort((a, b) => compare(this.word(a), this.word(b)));
    // Typos are only looked for in words of five letters or more: shorter ones need no reversed key.
    this.reversed = this.words
      .map((word, id) => ({ key: reverse(word), id }))
      .filter(({ key }) => key.length >= TYPO_MIN_LENGTH - 1)
      .sort((a, b) => compare(a.key, b.key));
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** UTF-16 units reversed: the same for the stored words and the query, which is all it needs to be. */
function reverse(word: string): string {
  let out = '';
  for (let i = word.length - 1; i >= 0; i--) out += word.charAt(i);
  return out;
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
