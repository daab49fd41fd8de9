/**
 * Text as search compares it: case and accents do not count ("Crème" finds "creme", "CREME" and "crème").
 * Each character is decomposed (NFD), its combining marks dropped and the rest lower-cased, one character
 * at a time, so every folded position still knows where it came from in the original: snippets highlight
 * the owner's own text, accents and all.
 */
export interface FoldedText {
  folded: string;
  /** For each UTF-16 unit of `folded`, the offset in the original text of the character it came from. */
  origin: number[];
}

const MARK = /\p{M}/u;

export function foldChar(char: string): string {
  let out = '';
  for (const unit of char.normalize('NFD')) if (!MARK.test(unit)) out += unit;
  // ß → ss, ﬁ → fi: lower-casing never needs more than NFD cannot give; toLowerCase is locale-free here.
  return out.toLowerCase();
}

/** The whole text folded, without the position map (indexing, queries). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function foldWithOrigin(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    // ASCII (most of most texts) has nothing to decompose: NFD and a regex per character were most of a snippet's cost.
    const part = char.charCodeAt(0) < 0x80 ? char.toLowerCase() : foldChar(char);
    for (let i = 0; i < part.length; i++) origin.push(offset);
    folded += part;
    offset += char.length;
  }
  return { folded, origin };
}

/** A word: letters and digits of any script (an apostrophe or a dash ends it). */
const WORD = /[\p{L}\p{N}]+/gu;

export interface Token {
  word: string;
  /** Start and end (exclusive) in the folded text. */
  start: number;
  end: number;
}

export function tokens(folded: string): Token[] {
  const out: Token[] = [];
  for (const match of folded.matchAll(WORD)) {
    out.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  return out;
}

/** The folded words of a text, in order (what the index holds for a message). */
export function words(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}
