/**
 * One line of a WhatsApp "Export chat" file read as a message header, if it has the shape of one:
 *   iOS       [31/12/2024, 23:59:59] Name: text
 *   Android   31/12/2024, 23:59 - Name: text        12/31/24, 11:59 PM - Name: text
 *   older     2024-12-31 23:59: Name: text          31.12.24 klo 23.59 - Name: text
 * Only the shape is read here; whether the date is day- or month-first, and whether the line really
 * starts a message, is decided from the whole file (parse.ts). Pure and linear: one anchored regular
 * expression with bounded repeats and one indexOf per line.
 */

/** Invisible marks phones put before a header or around a name: BOM, LRM, RLM, ALM, embeddings, isolates. */
export const BIDI_MARKS = /[\uFEFF\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/gu;
const LEADING_MARKS = /^[\uFEFF\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]+/u;

/** A space as phones print it: normal, no-break (U+00A0) or narrow no-break (U+202F). */
const SP = '[ \\u00A0\\u202F]';

/**
 * After the time, in the forms seen in exports: AM am a.m. a. m. p. m., the German, Greek and East Asian
 * words. Captured so 12-hour clocks can be read; which half of the day it is decides only by its first
 * letter or word (meridiemIsPm).
 */
const MERIDIEM = `[aApP]\\.?${SP}?[mM]\\.?|vorm\\.|nachm\\.|π\\.${SP}?μ\\.|μ\\.${SP}?μ\\.|午前|午後|上午|下午`;

const HEADER = new RegExp(
  [
    '^(\\[)?',
    // The date: three numbers and one separator, used twice; an optional trailing dot ("31.12.2024.").
    '(\\d{1,4})([./-])(\\d{1,2})\\3(\\d{1,4})\\.?',
    `,?${SP}*`,
    // A localized word between date and time: Finnish "klo", French "à", German "um", Dutch "om".
    `(?:\\p{L}{1,5}\\.?${SP}+)?`,
    `(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?`,
    `(?:${SP}?(${MERIDIEM}))?`,
    // The end of the header: "] ", " - ", or (old exports) ": ".
    `(?:(\\])${SP}?(?:[-–]${SP})?|${SP}[-–]${SP}|:${SP})`,
  ].join(''),
  'u',
);

/** The longest author name read: a longer "name" before ": " is text, not a name. */
const MAX_AUTHOR = 100;

export interface HeaderFields {
  /** The three date numbers as printed, in the file's order (which one is the day is decided later). */
  date: readonly [string, string, string];
  hour: number;
  minute: number;
  second: number;
  /** 'am' / 'pm' for a 12-hour clock, null for a 24-hour one. */
  meridiem: 'am' | 'pm' | null;
  /** Exactly as printed; null for a line without "Name: " (Android prints WhatsApp's notices that way). */
  author: string | null;
  /** The rest of the line after "Name: " (or after the header when there is no author). */
  body: string;
}

/** Reads a line as a header; null when it does not have the shape of one. */
export function readHeader(line: string): HeaderFields | null {
  const start = LEADING_MARKS.exec(line)?.[0].length ?? 0;
  const rest = start === 0 ? line : line.slice(start);
  const match = HEADER.exec(rest);
  if (!match) return null;
  const [whole, open, a, , b, c, h, m, s, meridiem, close] = match;
  // Brackets come in pairs: "[date, time] " or neither.
  if ((open === undefined) !== (close === undefined)) return null;
  if (a === undefined || b === undefined || c === undefined || h === undefined || m === undefined)
    return null;
  const after = rest.slice(whole.length);
  const { author, body } = splitAuthor(after);
  return {
    date: [a, b, c],
    hour: Number(h),
    minute: Number(m),
    second: s === undefined ? 0 : Number(s),
    meridiem: meridiem === undefined ? null : meridiemIsPm(meridiem) ? 'pm' : 'am',
    author,
    body,
  };
}

/** "Name: text" → author and body; "Name:" at the end of the line is an empty message. */
function splitAuthor(after: string): { author: string | null; body: string } {
  const colon = after.indexOf(': ');
  if (colon > 0 && colon <= MAX_AUTHOR)
    return { author: after.slice(0, colon), body: after.slice(colon + 2) };
  if (after.endsWith(':') && after.length > 1 && after.length <= MAX_AUTHOR + 1) {
    return { author: after.slice(0, -1), body: '' };
  }
  return { author: null, body: after };
}

function meridiemIsPm(word: string): boolean {
  const first = word[0] ?? '';
  return (
    first === 'p' ||
    first === 'P' ||
    word.startsWith('nachm') ||
    word.startsWith('μ') ||
    word === '午後' ||
    word === '下午'
  );
}

/** A name without the invisible marks phones wrap around it: for matching and for a contact's name. */
export function plainName(author: string): string {
  return author.replace(BIDI_MARKS, '').trim();
}
