import { foldWithOrigin, tokens } from './folding';

/** A part of a message to show as a search hit, with the ranges to highlight (never HTML). */
export interface Snippet {
  text: string;
  /** Offsets into `text` (UTF-16), start inclusive, end exclusive, in order, not overlapping. */
  highlights: { start: number; end: number }[];
}

/** What a snippet shows at most around the first highlight. */
export const SNIPPET_LENGTH = 160;
const BEFORE = 40;

/**
 * Cuts a snippet from a message: every word that matched (`matches(word)`) and every phrase found, marked;
 * the text around the first of them, cut at word boundaries with "…" where it was shortened.
 */
export function snippetOf(
  text: string,
  matches: (word: string) => boolean,
  phrases: readonly (readonly string[])[],
): Snippet {
  const { folded, origin } = foldWithOrigin(text);
  const words = tokens(folded);
  const marked: { start: number; end: number }[] = [];
  words.forEach((token, index) => {
    if (matches(token.word)) marked.push(rangeOf(token.start, token.end));
    for (const phrase of phrases) {
      if (phrase.every((word, k) => words[index + k]?.word === word)) {
        const last = words[index + phrase.length - 1];
        if (last) marked.push(rangeOf(token.start, last.end));
      }
    }
  });
  function rangeOf(start: number, end: number) {
    const from = origin[start] ?? 0;
    const to = end < origin.length ? (origin[end] ?? text.length) : text.length;
    return { start: from, end: to };
  }
  const ranges = merge(marked);
  const first = ranges[0]?.start ?? 0;
  let from = Math.max(0, first - BEFORE);
  let to = Math.min(text.length, from + SNIPPET_LENGTH);
  if (to === text.length) from = Math.max(0, to - SNIPPET_LENGTH);
  from = wordStart(text, from);
  to = wordEnd(text, to);
  const lead = from > 0 ? '…' : '';
  const tail = to < text.length ? '…' : '';
  // One line per hit; each line break becomes one space, so the offsets still hold.
  const body = text.slice(from, to).replace(/[\r\n\t]/g, ' ');
  const highlights = ranges
    .filter((range) => range.end > from && range.start < to)
    .map((range) => ({
      start: Math.max(range.start, from) - from + lead.length,
      end: Math.min(range.end, to) - from + lead.length,
    }));
  return { text: lead + body + tail, highlights };
}

function merge(ranges: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: { start: number; end: number }[] = [];
  for (const range of sorted) {
    const last = out[out.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else out.push({ ...range });
  }
  return out;
}

/** Moves a cut back to the start of the word it falls in (at most 15 characters, for long "words"). */
function wordStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && at - i < 15 && /\S/.test(text[i - 1] ?? '')) i--;
  return i > 0 && at - i >= 15 ? at : i;
}

function wordEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && i - at < 15 && /\S/.test(text[i] ?? '')) i++;
  return i < text.length && i - at >= 15 ? at : i;
}
