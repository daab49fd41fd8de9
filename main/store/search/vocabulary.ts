import { TYPO_MIN_LENGTH } from '../../domain/search/query';

/**
 * Every word of the index: in how many messages it is (to pick the rarest query word first and the most
 * frequent completions of a prefix), how long FlexSearch's list of it is (holes of removed messages
 * included, to read its newest part by offset), and all of them sorted (prefix completion).
 */
export class Vocabulary {
  private readonly words = new Map<string, { count: number; entries: number }>();
  private sorted: string[] = [];
  /** Words were restored in bulk: sorted once, at the first prefix lookup, not once per word. */
  private dirty = false;

  count(word: string): number {
    return this.words.get(word)?.count ?? 0;
  }

  entries(word: string): number {
    return this.words.get(word)?.entries ?? 0;
  }

  /** Counts one more message with the word; true when it is new to the index. */
  add(word: string): boolean {
    const known = this.words.get(word);
    if (known) {
      known.entries++;
      return known.count++ === 0;
    }
    this.words.set(word, { count: 1, entries: 1 });
    this.sortIfRestored();
    this.sorted.splice(lowerBound(this.sorted, word), 0, word);
    return true;
  }

  /** One message less holds the word; true when none does any more (its list keeps the holes). */
  remove(word: string): boolean {
    const known = this.words.get(word);
    if (!known || known.count === 0) return false;
    return --known.count === 0;
  }

  /** Up to `limit` longer words that start with `prefix` and are in some message, most frequent first. */
  startingWith(prefix: string, limit: number): string[] {
    this.sortIfRestored();
    const found: string[] = [];
    for (let i = lowerBound(this.sorted, prefix); i < this.sorted.length; i++) {
      const word = this.sorted[i];
      if (word === undefined || !word.startsWith(prefix)) break;
      if (word !== prefix && this.count(word) > 0) found.push(word);
    }
    if (found.length <= limit) return found;
    return found.sort((a, b) => this.count(b) - this.count(a)).slice(0, limit);
  }

  /** Puts back a saved word; in any order: sorted once, when first needed. */
  restore(word: string, count: number, entries: number): void {
    this.words.set(word, { count, entries });
    this.dirty = true;
  }

  clear(): void {
    this.dirty = false;
    this.words.clear();
    this.sorted = [];
  }

  private sortIfRestored(): void {
    if (!this.dirty) return;
    this.sorted = [...this.words.keys()].sort();
    this.dirty = false;
  }

  /** For saving: each word with its counts. */
  entriesList(): [string, number, number][] {
    return [...this.words].map(([word, { count, entries }]) => [word, count, entries]);
  }
}

function lowerBound(sorted: readonly string[], word: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? '') < word) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Words near each other by one typo, found without comparing against every word (the "symmetric delete"
 * idea): each word is filed under itself and under every way of dropping one of its letters; two words
 * one edit apart always share a key. Candidates are then checked exactly (withinOneEdit).
 */
export class TypoTable {
  private readonly table = new Map<string, Set<string>>();

  add(word: string): void {
    if (word.length < TYPO_MIN_LENGTH - 1) return;
    for (const key of keysOf(word)) {
      let words = this.table.get(key);
      if (!words) this.table.set(key, (words = new Set()));
      words.add(word);
    }
  }

  remove(word: string): void {
    if (word.length < TYPO_MIN_LENGTH - 1) return;
    for (const key of keysOf(word)) {
      const words = this.table.get(key);
      words?.delete(word);
      if (words?.size === 0) this.table.delete(key);
    }
  }

  near(word: string): Set<string> {
    const found = new Set<string>();
    for (const key of keysOf(word)) for (const near of this.table.get(key) ?? []) found.add(near);
    return found;
  }

  clear(): void {
    this.table.clear();
  }
}

function keysOf(word: string): string[] {
  const keys = [word];
  for (let i = 0; i < word.length; i++) keys.push(word.slice(0, i) + word.slice(i + 1));
  return keys;
}
