import { words } from './folding';

/**
 * What the owner typed in the search field, understood: loose words (each also found as the start of a
 * longer word, "deliv" → "delivery") and "quoted phrases" (their words next to each other, in order).
 * A message is a hit only when it holds every word and every phrase.
 */
export interface ParsedQuery {
  words: string[];
  phrases: string[][];
}

/** Longer queries are cut: nobody types more, and each word costs a lookup. */
export const MAX_QUERY_WORDS = 8;

export function parseQuery(query: string): ParsedQuery {
  const phrases: string[][] = [];
  const loose: string[] = [];
  // An unclosed quote counts to the end of the text, as the owner is probably still typing.
  const parts = query.split('"');
  parts.forEach((part, index) => {
    const found = words(part);
    if (index % 2 === 1 && found.length > 1) phrases.push(found);
    else loose.push(...found);
  });
  const seen = new Set<string>();
  const unique = loose.filter((word) => !seen.has(word) && (seen.add(word), true));
  return {
    words: unique.slice(0, MAX_QUERY_WORDS),
    phrases: phrases.map((phrase) => phrase.slice(0, MAX_QUERY_WORDS)).slice(0, 2),
  };
}

/** Every word the query needs, phrases' words included (each phrase word must be in the message too). */
export function allWords(query: ParsedQuery): string[] {
  return [...new Set([...query.words, ...query.phrases.flat()])].slice(0, MAX_QUERY_WORDS);
}

export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.words.length === 0 && query.phrases.length === 0;
}

/**
 * Whether `candidate` is within one edit (insert, delete, replace, or swap of two neighbours) of `word`:
 * a typo. Only asked for words of five letters or more, where one slip still leaves the word recognisable.
 */
export function withinOneEdit(word: string, candidate: string): boolean {
  if (word === candidate) return true;
  const [a, b] = word.length <= candidate.length ? [word, candidate] : [candidate, word];
  if (b.length - a.length > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.slice(i) === b.slice(i + 1);
}

/** Words at least this long are also found with one typo. */
export const TYPO_MIN_LENGTH = 5;
