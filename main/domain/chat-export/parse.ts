import { DAY, MINUTE, SECOND } from '../durations';
import { epochAt, offsetAt, type LocalDate } from '../zoned-time';
import { DateOrderEvidence, readDate, type DateOrder, type DateOrderDecision } from './date-order';
import { readHeader, type HeaderFields } from './header';
import { mediaOf, type MediaRef } from './media';
import { isNotice } from './notices';

/**
 * Reads the `.txt` of WhatsApp's "Export chat" (Android or iPhone, any locale) into messages. Pure and
 * linear: every line is read as a header once (header.ts), then three passes over those results, each
 * constant work per line; bodies are joined once at the end.
 *
 * Which header-shaped lines really start a message (a line inside a message can look like one):
 *   1. A line without "Name: " starts a message only where WhatsApp speaks: before the first message, or
 *      when it is one of WhatsApp's notices (notices.ts). Otherwise it is text of the message above.
 *   2. When two or more people wrote more than once, someone who "wrote" a single line is not in the chat:
 *      a one-to-one export has two participants, and that line is a date pasted into a message.
 *   3. A single-line author whose time runs backwards (before the message above it) is a pasted line too:
 *      exports are in time order.
 *   4. An author whose every message starts with the same "Word: " is a name containing ": " ("Shop: Oost").
 * Times are the phone's wall-clock times, read in `timeZone` (the owner's, unless the owner says otherwise).
 */

export interface ChatExportMessage {
  /** 1-based line of the header in the file. */
  line: number;
  at: number;
  /** As printed; null for a notice WhatsApp printed without an author. */
  author: string | null;
  text: string;
  media: MediaRef | null;
  /** One of WhatsApp's notices (encryption, number changed…), not someone's words. */
  system: boolean;
}

export interface ChatExportProblem {
  line: number;
  reason: string;
}

export interface ParsedChatExport {
  /** Authors of messages, as printed, in order of first appearance. */
  participants: string[];
  messages: ChatExportMessage[];
  problems: ChatExportProblem[];
  dateOrder: DateOrderDecision;
  /** What the parser did, counted, so a test can see it stays linear without timing it. */
  work: { lines: number; headerReads: number };
}

export interface ParseOptions {
  /** IANA zone the phone's times are read in. */
  timeZone: string;
  /** The owner's answer when the file could not tell day-first from month-first. */
  dateOrder?: DateOrder;
  /** The order to suggest first when the file cannot tell (from the owner's locale). */
  preferredOrder?: DateOrder;
}

const LINE_BREAK = /\r\n|\n|\r/;
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

interface AuthorTally {
  count: number;
  /** Messages that are neither notices nor media lines: the ones rule 4 looks at. */
  written: number;
  /** The "Word" every message of this author starts with as "Word: ", null once two differ. */
  prefix: string | null | undefined;
}

export function parseChatExport(text: string, options: ParseOptions): ParsedChatExport {
  const lines = text.split(LINE_BREAK);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const headers: (HeaderFields | null)[] = lines.map((line) => readHeader(line));

  const tallies = tallyAuthors(headers);
  renameColonAuthors(headers, tallies);
  let frequent = 0;
  for (const tally of tallies.values()) if (tally.count >= 2) frequent++;
  const isParticipant = (author: string): boolean => frequent < 2 || (tallies.get(author)?.count ?? 0) >= 2;

  const evidence = new DateOrderEvidence();
  for (const header of headers) {
    if (header && (header.author === null || isParticipant(header.author))) {
      evidence.add(header.date, header.hour * 60 + header.minute);
    }
  }
  const decided = evidence.decide(options.preferredOrder ?? 'DMY');
  const order = options.dateOrder ?? decided.order;
  const timeOf = instantReader(options.timeZone, order);

  const problems: ChatExportProblem[] = [];
  const drafts: { message: ChatExportMessage; body: string[] }[] = [];
  let current: { message: ChatExportMessage; body: string[] } | null = null;
  let dropping = false;
  lines.forEach((line, index) => {
    const header = headers[index] ?? null;
    if (header === null || !startsAMessage(header, current !== null, isParticipant)) {
      if (current) current.body.push(line);
      else if (!dropping && line.trim() !== '') {
        problems.push({ line: index + 1, reason: 'Not part of any message: no date and time before it.' });
      }
      return;
    }
    const at = timeOf(header);
    if (typeof at === 'string') {
      problems.push({ line: index + 1, reason: at });
      current = null;
      dropping = true;
      return;
    }
    // Rule 3: a one-line author going back in time is a date pasted into the message above.
    if (
      current &&
      header.author !== null &&
      (tallies.get(header.author)?.count ?? 0) < 2 &&
      at < current.message.at
    ) {
      current.body.push(line);
      return;
    }
    dropping = false;
    current = {
      message: { line: index + 1, at, author: header.author, text: '', media: null, system: false },
      body: [header.body],
    };
    drafts.push(current);
  });

  if (drafts.length === 0 && lines.some((line) => line.trim() !== '')) {
    problems.unshift({
      line: 1,
      reason: 'This is not a WhatsApp chat export: no line starts with a date and a time.',
    });
  }
  const participants: string[] = [];
  const seen = new Set<string>();
  const messages = drafts.map(({ message, body }) => {
    const finished = finish(message, body);
    if (finished.author !== null && !seen.has(finished.author)) {
      seen.add(finished.author);
      participants.push(finished.author);
    }
    return finished;
  });
  return {
    participants,
    messages,
    problems,
    dateOrder: options.dateOrder ? { order, ambiguous: false, readings: [] } : decided,
    work: { lines: lines.length, headerReads: headers.length },
  };
}

/** Rules 1 and 2. */
function startsAMessage(
  header: HeaderFields,
  inMessage: boolean,
  isParticipant: (author: string) => boolean,
): boolean {
  if (header.author === null) return !inMessage || isNotice(header.body, false);
  return isParticipant(header.author);
}

function tallyAuthors(headers: readonly (HeaderFields | null)[]): Map<string, AuthorTally> {
  const tallies = new Map<string, AuthorTally>();
  for (const header of headers) {
    if (header?.author == null) continue;
    const tally = tallies.get(header.author) ?? { count: 0, written: 0, prefix: undefined };
    tally.count++;
    // Once two messages disagree the author is settled; only until then is each body looked at.
    if (tally.prefix !== null && !isNotice(header.body, true) && mediaOf(header.body) === null) {
      tally.written++;
      const colon = header.body.indexOf(': ');
      const prefix = colon > 0 ? header.body.slice(0, colon) : null;
      tally.prefix = tally.prefix === undefined || tally.prefix === prefix ? prefix : null;
    }
    tallies.set(header.author, tally);
  }
  return tallies;
}

/** What can follow ": " inside a name: words, not a tag ("<attached") or invisible marks. */
const NAME_PART = /^[\p{L}\p{N}][\p{L}\p{N}\p{M} .'&-]{0,40}$/u;

/** Rule 4: "Shop: Oost: hello" twice or more is the author "Shop: Oost". */
function renameColonAuthors(headers: (HeaderFields | null)[], tallies: Map<string, AuthorTally>): void {
  const renamed = new Map<string, string>();
  for (const [author, tally] of tallies) {
    if (tally.written >= 2 && typeof tally.prefix === 'string' && NAME_PART.test(tally.prefix)) {
      renamed.set(author, `${author}: ${tally.prefix}`);
    }
  }
  if (renamed.size === 0) return;
  headers.forEach((header, index) => {
    const name = header?.author == null ? undefined : renamed.get(header.author);
    if (header === null || name === undefined || header.author === null) return;
    const prefixLength = name.length - header.author.length;
    if (!header.body.startsWith(name.slice(header.author.length + 2))) return;
    headers[index] = { ...header, author: name, body: header.body.slice(prefixLength) };
  });
  for (const [from, to] of renamed) {
    const tally = tallies.get(from);
    tallies.delete(from);
    if (tally) tallies.set(to, { ...tally, prefix: null });
  }
}

/**
 * A header's instant, or why it has none. Intl is slow (~40 µs an offset), so each local day is looked
 * at once: a day whose offset is the same at both ends is read with that offset; a day with a DST change
 * is converted hour by hour.
 */
function instantReader(zone: string, order: DateOrder): (header: HeaderFields) => number | string {
  const hourStarts = new Map<string, number>();
  const dayOffsets = new Map<string, number | null>();
  const hourStart = (date: LocalDate, hour: number): number => {
    const day = `${String(date.year)}-${String(date.month)}-${String(date.day)}`;
    let offset = dayOffsets.get(day);
    if (offset === undefined) {
      const midnight = Date.UTC(date.year, date.month - 1, date.day);
      const before = offsetAt(midnight - DAY, zone);
      offset = before === offsetAt(midnight + DAY, zone) ? before : null;
      dayOffsets.set(day, offset);
    }
    if (offset !== null) return Date.UTC(date.year, date.month - 1, date.day, hour) - offset;
    const key = `${day}-${String(hour)}`;
    let start = hourStarts.get(key);
    if (start === undefined) {
      start = epochAt(date, hour, 0, zone);
      hourStarts.set(key, start);
    }
    return start;
  };
  return (header) => {
    const date = readDate(header.date, order);
    if (date === null) return `“${header.date.join('/')}” is not a date when read ${describe(order)}.`;
    if (date.year < FIRST_YEAR || date.year > LAST_YEAR) return `The year ${date.year} cannot be right.`;
    let hour = header.hour;
    if (header.meridiem !== null) {
      if (hour < 1 || hour > 12) return `${hour} is not an hour on a 12-hour clock.`;
      hour = (hour % 12) + (header.meridiem === 'pm' ? 12 : 0);
    }
    if (hour > 23 || header.minute > 59 || header.second > 59) return 'This time of day does not exist.';
    const start = hourStart(date, hour);
    // Within an hour the wall clock runs with elapsed time: DST moves clocks at whole hours (the rare
    // half-hour shift, Lord Howe Island, is read up to 30 minutes off).
    return start + header.minute * MINUTE + header.second * SECOND;
  };
}

function describe(order: DateOrder): string {
  return order === 'DMY' ? 'day first' : order === 'MDY' ? 'month first' : 'year first';
}

const LEADING_LRM = /^[\u200E\u200F]+/u;

function finish(message: ChatExportMessage, body: string[]): ChatExportMessage {
  const first = (body[0] ?? '').replace(LEADING_LRM, '');
  const system = message.author === null || isNotice(body[0] ?? '', true);
  const media = system ? null : mediaOf(first);
  const rest = media ? body.slice(1) : [first, ...body.slice(1)];
  return { ...message, text: rest.join('\n'), media, system };
}
