import { Index } from 'flexsearch';
import { words } from '../../domain/search/folding';
import { allWords, isEmptyQuery, parseQuery, type ParsedQuery } from '../../domain/search/query';
import { DocTable, type DocColumns } from './doc-table';
import { CANDIDATES, readNewestFirst } from './list-reading';
import { TopHits, type Hit } from './top-hits';
import { EXACT, Vocabulary } from './vocabulary';

/** One message as it is given to the index (the snippet is cut from its text). */
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

/** Everything saving needs; `fromSnapshot` takes it back without folding or indexing a text again. */
export interface IndexSnapshot {
  flex: [string, string][];
  words: string[];
  counts: Int32Array;
  entries: Int32Array;
  rows: DocColumns;
}

export interface RankedMessage {
  message: IndexedMessage;
  score: number;
}

/**
 * The full-text index of a workspace's messages, in memory: FlexSearch holds the word → messages lists;
 * this class picks, for each query, which lists to read (the rarest word first), reads them newest first
 * and stops as soon as nothing unread can rank among the first `limit`, checks the other words against
 * each message's word numbers (and phrases against its text), filters and ranks. Pure: no files, no
 * clock, no thread.
 *
 * Messages are handed to FlexSearch in batches sorted by time (at the next search or save), so its lists
 * run from old to new: a full build, or a reopen, is in time order; history imported later lands at the
 * end of the lists (its hits may come after newer ones of a very common word until a compaction).
 * A removed message leaves a hole (FlexSearch's removal scans every list once loaded from disk); holes
 * are skipped, and `compact()` rebuilds without them.
 */
export class MessageIndex {
  private flex = newFlexIndex();
  private rows = new DocTable();
  private vocabulary = new Vocabulary();
  /** Rows not yet in FlexSearch. */
  private pending: number[] = [];
  private holes = 0;

  get size(): number {
    return this.rows.size - this.holes;
  }

  /** How many messages of each contact are in (the store's count tells whether a contact is behind). */
  counts(): Map<string, number> {
    return this.rows.counts();
  }

  add(message: IndexedMessage): void {
    const known = this.rows.find(message.contactId, message.id);
    if (known !== undefined) this.dropRows(this.rows.remove(message.contactId, (doc) => doc === known));
    this.insert(message);
  }

  /** A contact's messages instead of what the index had of them (a catch-up, a first build). */
  replaceContact(contactId: string, messages: readonly IndexedMessage[]): void {
    this.removeContact(contactId);
    const seen = new Set<string>();
    for (const message of messages) {
      if (message.contactId !== contactId || seen.has(message.id)) continue;
      seen.add(message.id);
      this.insert(message);
    }
  }

  removeMessages(contactId: string, ids: readonly string[]): void {
    this.dropRows(this.rows.remove(contactId, this.rows.matcher(ids)));
  }

  removeContact(contactId: string): void {
    this.dropRows(this.rows.remove(contactId, () => true));
  }

  /** Whether enough holes piled up to rebuild: a quarter of the rows, or more. */
  wantsCompaction(): boolean {
    return this.holes > 10_000 && this.holes * 4 > this.rows.size;
  }

  /** Rebuilds without holes, oldest message first: from the rows' own words, no text is folded again. */
  compact(): void {
    const old = this.rows;
    const oldWords = this.vocabulary;
    const live: number[] = [];
    for (let doc = 0; doc < old.size; doc++) if (old.alive(doc)) live.push(doc);
    live.sort((a, b) => old.atOf(a) - old.atOf(b) || a - b);
    this.flex = newFlexIndex();
    this.rows = new DocTable();
    this.vocabulary = new Vocabulary();
    this.pending = [];
    this.holes = 0;
    for (const doc of live) {
      const ids = [...old.wordsOf(doc)].map((id) => this.vocabulary.add(oldWords.word(id)));
      this.pending.push(this.rows.push(old.row(doc), ids));
    }
    this.flush();
  }

  /** What saving needs: FlexSearch's lists as it exports them, the rows' columns, the vocabulary. */
  snapshot(): IndexSnapshot {
    this.flush();
    const flex: [string, string][] = [];
    this.flex.export((key: string, data: string) => {
      flex.push([key, data]);
    });
    return { flex, ...this.vocabulary.saved(), rows: this.rows.columns() };
  }

  static fromSnapshot(snapshot: IndexSnapshot): MessageIndex {
    const restored = new MessageIndex();
    for (const [key, data] of snapshot.flex) restored.flex.import(key, data);
    restored.vocabulary = Vocabulary.restored(snapshot.words, snapshot.counts, snapshot.entries);
    restored.rows = DocTable.fromColumns(snapshot.rows);
    for (let doc = 0; doc < restored.rows.size; doc++) if (!restored.rows.alive(doc)) restored.holes++;
    return restored;
  }

  search(request: IndexQuery): { ranked: RankedMessage[]; more: boolean; query: ParsedQuery } {
    const query = parseQuery(request.query);
    const none = { ranked: [], more: false, query };
    if (isEmptyQuery(query)) return none;
    this.flush();
    const needed = allWords(query).map((word) => this.vocabulary.forms(word));
    if (needed.some((forms) => forms.size === 0)) return none;
    const cost = (forms: Map<number, number>) =>
      [...forms.keys()].reduce((sum, form) => sum + this.vocabulary.count(form), 0);
    needed.sort((a, b) => cost(a) - cost(b));
    const [rarest, ...others] = needed;
    if (!rarest) return none;
    const contact =
      request.contactId === undefined ? undefined : this.rows.contactNumberOf(request.contactId);
    if (request.contactId !== undefined && contact === undefined) return none;

    const top = new TopHits(request.limit + 1);
    /** The most a message can score beyond its rarest word: every other word and phrase as typed. */
    const bonus = EXACT * (others.length + query.phrases.length);
    // Every word is checked against the row's own words, the rarest too: a hit never rests on how
    // FlexSearch split a word (it once cut "a96885" into "a 968 85").
    const consider = (doc: number) => {
      if (!this.rows.alive(doc) || !this.passes(doc, request, contact)) return;
      let score = 0;
      for (const forms of needed) {
        const best = bestOf(this.rows.wordsOf(doc), forms);
        if (best === 0) return;
        score += best;
      }
      const at = this.rows.atOf(doc);
      if (query.phrases.length > 0) {
        // Reading the text is the dear part: only for a message that would still make the list.
        if (!top.wouldTake(score + EXACT * query.phrases.length, at)) return;
        if (!hasPhrases(this.rows.textOf(doc), query.phrases)) return;
        score += EXACT * query.phrases.length;
      }
      top.offer({ doc, score, at });
    };

    let truncated: boolean;
    const contactDocs = request.contactId === undefined ? undefined : this.rows.docsOf(request.contactId);
    if (contactDocs && contactDocs.length <= cost(rarest)) {
      // A small conversation: its own messages are fewer than the word's.
      const from = Math.max(0, contactDocs.length - CANDIDATES);
      truncated = from > 0;
      for (let i = contactDocs.length - 1; i >= from; i--) {
        const doc = contactDocs[i] ?? 0;
        consider(doc);
      }
    } else {
      const lists = [...rarest].map(([form, quality]) => ({
        word: this.vocabulary.word(form),
        entries: this.vocabulary.entriesOf(form),
        quality,
      }));
      truncated = readNewestFirst(this.flex, lists, (doc) => this.rows.atOf(doc), top, bonus, consider);
    }
    const hits = top.sorted();
    return {
      ranked: hits.slice(0, request.limit).map((hit) => this.ranked(hit)),
      more: truncated || hits.length > request.limit,
      query,
    };
  }

  /** The words of the index a query word stands for, each with how well it matches (snippets mark them). */
  formsOf(word: string): Map<string, number> {
    return new Map(
      [...this.vocabulary.forms(word)].map(([id, quality]) => [this.vocabulary.word(id), quality]),
    );
  }

  private ranked(hit: Hit): RankedMessage {
    const row = this.rows.row(hit.doc);
    return {
      message: {
        id: row.id,
        contactId: row.contactId,
        at: row.at,
        direction: row.inbound ? 'inbound' : 'outbound',
        text: row.text,
      },
      score: hit.score,
    };
  }

  private passes(doc: number, request: IndexQuery, contact: number | undefined): boolean {
    if (contact !== undefined && this.rows.contactOf(doc) !== contact) return false;
    if (request.direction !== undefined && this.rows.isInbound(doc) !== (request.direction === 'inbound'))
      return false;
    const at = this.rows.atOf(doc);
    if (request.from !== undefined && at < request.from) return false;
    if (request.to !== undefined && at >= request.to) return false;
    return true;
  }

  private insert(message: IndexedMessage): void {
    const ids = [...new Set(words(message.text))].map((word) => this.vocabulary.add(word));
    const row = { ...message, inbound: message.direction === 'inbound' };
    this.pending.push(this.rows.push(row, ids));
  }

  private dropRows(docs: readonly number[]): void {
    for (const doc of docs) for (const id of this.rows.wordsOf(doc)) this.vocabulary.remove(id);
    this.holes += docs.length;
  }

  /** Hands the rows added since the last search or save to FlexSearch, oldest first. */
  private flush(): void {
    if (this.pending.length === 0) return;
    const rows = this.rows;
    const live = this.pending.filter((doc) => rows.alive(doc));
    this.pending = [];
    live.sort((a, b) => rows.atOf(a) - rows.atOf(b) || a - b);
    for (const doc of live) {
      const ids = rows.wordsOf(doc);
      if (ids.length === 0) continue;
      let text = '';
      for (const id of ids) {
        text += (text ? ' ' : '') + this.vocabulary.word(id);
        this.vocabulary.listed(id);
      }
      this.flex.add(doc, text);
    }
  }
}

function bestOf(own: Uint32Array, forms: Map<number, number>): number {
  let best = 0;
  for (const id of own) best = Math.max(best, forms.get(id) ?? 0);
  return best;
}

/** Phrases need the words in order, repeats included: the distinct words kept per row are not enough. */
function hasPhrases(text: string, phrases: readonly (readonly string[])[]): boolean {
  const inOrder = words(text);
  return phrases.every((phrase) =>
    inOrder.some((_, start) => phrase.every((word, k) => inOrder[start + k] === word)),
  );
}

function newFlexIndex(): Index {
  // Words arrive folded and split already (domain/search/folding.ts): FlexSearch must take them as they
  // are. `numeric: false`: by default it cuts "a96885" into "a 968 85", three lists to intersect (slow,
  // and wrong for an order number); `cache: false`: its encoder would keep up to 200,000 texts.
  return new Index({
    tokenize: 'strict',
    resolution: 1,
    fastupdate: false,
    cache: false,
    encoder: { normalize: false, split: ' ', numeric: false, dedupe: false, minlength: 1, cache: false },
  });
}
