import { Index } from 'flexsearch';
import { words } from '../../domain/search/folding';
import {
  allWords,
  isEmptyQuery,
  parseQuery,
  TYPO_MIN_LENGTH,
  withinOneEdit,
  type ParsedQuery,
} from '../../domain/search/query';
import { TypoTable, Vocabulary } from './vocabulary';

/** One message as the index keeps it: enough to filter, rank and cut a snippet without the history. */
export interface IndexedMessage {
  id: string;
  contactId: string;
  at: number;
  direction: 'inbound' | 'outbound';
  text: string;
}

export interface IndexQuery {
  query: string;
  contactId?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  direction?: 'inbound' | 'outbound' | undefined;
  limit: number;
}

/** A message with its folded words, as given to FlexSearch: checking a candidate needs no folding. */
type Doc = IndexedMessage & { words: string };

export interface IndexSnapshot {
  parts: [string, string][];
  docs: readonly (IndexedMessage | undefined)[];
  vocabulary: [string, number, number][];
}

export interface RankedMessage {
  message: IndexedMessage;
  score: number;
}

/** How well a message's word answers a query word: the word itself, a longer word it starts, a typo. */
const EXACT = 3;
const PREFIX = 2;
const TYPO = 1;
/** Longer words a prefix stands for, the most frequent first: "a" must not mean every word. */
const MAX_COMPLETIONS = 40;
/**
 * The most messages one query word hands over for checking. A word in more messages than this (a very
 * common one) is searched in the newest this many; the others narrow it down.
 */
export const CANDIDATES = 4000;

/**
 * The full-text index of a workspace's messages, in memory: FlexSearch holds the word → messages lists;
 * this class picks, for each query, which lists to read (the rarest word first), checks the other words
 * and the phrases against the message's own text, filters and ranks. Pure: no files, no clock, no thread.
 *
 * Messages are numbered in the order they were added (oldest first when built), so FlexSearch's lists
 * run from old to new and the newest part of a long list is read by offset. A removed message leaves a
 * hole (FlexSearch's removal scans every list once loaded from disk); holes are skipped, and `compact()`
 * rebuilds without them.
 */
export class MessageIndex {
  private index = newFlexIndex();
  private docs: (Doc | undefined)[] = [];
  private readonly byContact = new Map<string, Map<string, number>>();
  /** Per word: live messages (for choosing) and entries in FlexSearch's list, holes included (offsets). */
  private readonly vocabulary = new Vocabulary();
  private readonly typos = new TypoTable();
  private holes = 0;

  get size(): number {
    return this.docs.length - this.holes;
  }

  /** How many messages of each contact are in (the store's count tells whether a contact is behind). */
  counts(): Map<string, number> {
    return new Map([...this.byContact].map(([contactId, ids]) => [contactId, ids.size]));
  }

  add(message: IndexedMessage): void {
    const known = this.byContact.get(message.contactId);
    if (known?.has(message.id)) this.remove(message.contactId, message.id);
    const doc = this.docs.length;
    const unique = [...new Set(words(message.text))];
    this.docs.push({ ...message, words: unique.join(' ') });
    let ids = known;
    if (!ids) this.byContact.set(message.contactId, (ids = new Map<string, number>()));
    ids.set(message.id, doc);
    for (const word of unique) if (this.vocabulary.add(word)) this.typos.add(word);
    if (unique.length > 0) this.index.add(doc, unique.join(' '));
  }

  remove(contactId: string, messageId: string): void {
    const ids = this.byContact.get(contactId);
    const doc = ids?.get(messageId);
    if (ids === undefined || doc === undefined) return;
    const message = this.docs[doc];
    ids.delete(messageId);
    if (ids.size === 0) this.byContact.delete(contactId);
    this.docs[doc] = undefined;
    this.holes++;
    if (!message) return;
    for (const word of new Set(words(message.text)))
      if (this.vocabulary.remove(word)) this.typos.remove(word);
  }

  removeContact(contactId: string): void {
    for (const messageId of [...(this.byContact.get(contactId)?.keys() ?? [])]) {
      this.remove(contactId, messageId);
    }
  }

  /** Whether enough holes piled up to rebuild: a quarter of the lists, or more. */
  wantsCompaction(): boolean {
    return this.holes > 10_000 && this.holes * 4 > this.docs.length;
  }

  /** Rebuilds FlexSearch's lists without holes, oldest message first. */
  compact(): void {
    const live = this.messages().sort((a, b) => a.at - b.at);
    this.index = newFlexIndex();
    this.docs = [];
    this.byContact.clear();
    this.vocabulary.clear();
    this.typos.clear();
    this.holes = 0;
    for (const message of live) this.add(message);
  }

  /** What saving needs: FlexSearch's lists as it exports them, the messages by number, the vocabulary. */
  snapshot(): IndexSnapshot {
    const parts: [string, string][] = [];
    this.index.export((key: string, data: string) => {
      parts.push([key, data]);
    });
    return {
      parts,
      docs: this.docs.map((doc) => doc && stripped(doc)),
      vocabulary: this.vocabulary.entriesList(),
    };
  }

  static fromSnapshot(snapshot: IndexSnapshot): MessageIndex {
    const restored = new MessageIndex();
    for (const [key, data] of snapshot.parts) restored.index.import(key, data);
    restored.docs = snapshot.docs.map(
      (doc) => doc && { ...doc, words: [...new Set(words(doc.text))].join(' ') },
    );
    restored.docs.forEach((message, doc) => {
      if (!message) {
        restored.holes++;
        return;
      }
      let ids = restored.byContact.get(message.contactId);
      if (!ids) restored.byContact.set(message.contactId, (ids = new Map<string, number>()));
      ids.set(message.id, doc);
    });
    for (const [word, count, entries] of snapshot.vocabulary) {
      restored.vocabulary.restore(word, count, entries);
      if (count > 0) restored.typos.add(word);
    }
    return restored;
  }

  messages(): IndexedMessage[] {
    return this.docs.filter((doc): doc is Doc => doc !== undefined).map(stripped);
  }

  search(request: IndexQuery): { ranked: RankedMessage[]; more: boolean; query: ParsedQuery } {
    const query = parseQuery(request.query);
    const none = { ranked: [], more: false, query };
    if (isEmptyQuery(query)) return none;
    const needed = allWords(query).map((word) => ({ word, forms: this.formsOf(word) }));
    if (needed.some(({ forms }) => forms.size === 0)) return none;
    const cost = (forms: Map<string, number>) =>
      [...forms.keys()].reduce((sum, form) => sum + this.vocabulary.count(form), 0);
    needed.sort((a, b) => cost(a.forms) - cost(b.forms));
    const rarest = needed[0];
    if (!rarest) return none;

    const contactDocs = request.contactId ? this.byContact.get(request.contactId) : undefined;
    if (request.contactId && !contactDocs) return none;
    // A message's score for the rarest word is known from the form it was found by: a one-word query
    // needs no look at the text at all.
    const found = new Map<number, number>();
    let truncated = false;
    const wholeContact = contactDocs !== undefined && contactDocs.size <= cost(rarest.forms);
    if (wholeContact) {
      for (const doc of contactDocs.values()) found.set(doc, 0);
    } else {
      const forms = [...rarest.forms].sort((a, b) => b[1] - a[1]);
      for (const [form, quality] of forms) {
        if (found.size >= CANDIDATES) {
          truncated = true;
          break;
        }
        const entries = this.vocabulary.entries(form);
        if (entries > CANDIDATES) truncated = true;
        const offset = Math.max(0, entries - CANDIDATES);
        for (const doc of this.index.search(form, { limit: CANDIDATES, offset })) {
          const number = Number(doc);
          if (!found.has(number)) found.set(number, quality);
        }
      }
    }

    const others = wholeContact ? needed : needed.slice(1);
    const ranked: { message: Doc; score: number }[] = [];
    for (const [doc, quality] of found) {
      const message = this.docs[doc];
      if (!message || !passes(message, request)) continue;
      const rest =
        others.length > 0 || query.phrases.length > 0 ? scoreOf(message, others, query.phrases) : 0;
      if (rest < 0) continue;
      const score = quality + rest;
      if (score > 0) ranked.push({ message, score });
    }
    ranked.sort((a, b) => b.score - a.score || b.message.at - a.message.at);
    return {
      ranked: ranked
        .slice(0, request.limit)
        .map(({ message, score }) => ({ message: stripped(message), score })),
      more: truncated || ranked.length > request.limit,
      query,
    };
  }

  /** The words of the index a query word stands for, each with how well it matches. */
  formsOf(word: string): Map<string, number> {
    const forms = new Map<string, number>();
    if (this.vocabulary.count(word) > 0) forms.set(word, EXACT);
    if (word.length >= 2) {
      for (const longer of this.vocabulary.startingWith(word, MAX_COMPLETIONS)) {
        if (!forms.has(longer)) forms.set(longer, PREFIX);
      }
    }
    if (word.length >= TYPO_MIN_LENGTH) {
      for (const near of this.typos.near(word)) {
        if (!forms.has(near) && withinOneEdit(word, near)) forms.set(near, TYPO);
      }
    }
    return forms;
  }
}

function newFlexIndex(): Index {
  // Words arrive folded and split already (domain/search/folding.ts): FlexSearch must take them as they are.
  return new Index({
    tokenize: 'strict',
    resolution: 1,
    fastupdate: false,
    cache: false,
    encoder: { normalize: false, split: ' ', dedupe: false, minlength: 1 },
  });
}

function passes(message: IndexedMessage, request: IndexQuery): boolean {
  if (request.contactId !== undefined && message.contactId !== request.contactId) return false;
  if (request.direction !== undefined && message.direction !== request.direction) return false;
  if (request.from !== undefined && message.at < request.from) return false;
  if (request.to !== undefined && message.at >= request.to) return false;
  return true;
}

/**
 * -1 when the message (its folded words) lacks a word or a phrase; otherwise how well its words match
 * (the word itself beats a longer word, which beats a typo), with a bonus per phrase found as typed.
 */
function scoreOf(
  message: Doc,
  needed: readonly { word: string; forms: Map<string, number> }[],
  phrases: readonly (readonly string[])[],
): number {
  const own = message.words.split(' ');
  let score = 0;
  for (const { forms } of needed) {
    let best = 0;
    for (const word of own) best = Math.max(best, forms.get(word) ?? 0);
    if (best === 0) return -1;
    score += best;
  }
  if (phrases.length === 0) return score;
  // Phrases need the words in order, repeats included: the distinct words above are not enough.
  const inOrder = words(message.text);
  for (const phrase of phrases) {
    if (!inOrder.some((_, start) => phrase.every((word, k) => inOrder[start + k] === word))) return -1;
    score += EXACT;
  }
  return score;
}

function stripped(doc: Doc): IndexedMessage {
  return { id: doc.id, contactId: doc.contactId, at: doc.at, direction: doc.direction, text: doc.text };
}
