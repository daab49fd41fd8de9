/**
 * The indexed messages, stored compactly: a worker holding 500,000 messages as objects with strings spent
 * hundreds of MB and long garbage-collection pauses. Here each message is a row number; its time,
 * contact, direction and a hash of its id sit in typed arrays, its folded words as word numbers in one
 * flat array (so scoring and removal never fold text again), and its id and text as UTF-8 in one buffer,
 * decoded only for the few hits a search returns. A removed message stays a row (contact -1), a hole.
 */
export interface DocRow {
  id: string;
  contactId: string;
  at: number;
  inbound: boolean;
  text: string;
}

/** Every column, as saved: the index file writes them as bytes and reads them back without parsing rows. */
export interface DocColumns {
  contacts: string[];
  at: Float64Array;
  contact: Int32Array;
  inbound: Uint8Array;
  idHash: Int32Array;
  wordStart: Uint32Array;
  wordIds: Uint32Array;
  entryStart: Uint32Array;
  textStart: Uint32Array;
  blob: Uint8Array;
}

type Typed = Float64Array | Int32Array | Uint32Array | Uint8Array;

/**
 * A copy of `array` with room for at least `needed` items. It grows by a quarter, not double: still
 * amortised O(1) per append, but at most a quarter of a column is slack (doubling left the 40 MB of texts
 * in a 64 MB buffer, and doubled a reopened index's exact-sized columns at the first new message).
 */
function room<T extends Typed>(array: T, needed: number, make: (length: number) => T): T {
  if (needed <= array.length) return array;
  const bigger = make(Math.max(needed, Math.ceil(array.length * 1.25), 1024));
  bigger.set(array);
  return bigger;
}

/** 32-bit FNV-1a of a message id: finding a message among a contact's rows compares numbers first. */
export function idHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash | 0;
}

export class DocTable {
  /** Rows, holes included. */
  size = 0;
  private contactIds: string[] = [];
  private readonly contactNumbers = new Map<string, number>();
  /** Each contact's live rows, in the order they were added. */
  private byContact: number[][] = [];
  private at: Float64Array = new Float64Array(0);
  private contact: Int32Array = new Int32Array(0);
  private inbound: Uint8Array = new Uint8Array(0);
  private hashes: Int32Array = new Int32Array(0);
  private wordStart: Uint32Array = new Uint32Array(1);
  private wordIds: Uint32Array = new Uint32Array(0);
  private entryStart: Uint32Array = new Uint32Array(1);
  private textStart: Uint32Array = new Uint32Array(0);
  private blob: Buffer = Buffer.alloc(0);

  push(row: DocRow, words: readonly number[]): number {
    const doc = this.size++;
    const n = this.size;
    this.at = room(this.at, n, (l) => new Float64Array(l));
    this.contact = room(this.contact, n, (l) => new Int32Array(l));
    this.inbound = room(this.inbound, n, (l) => new Uint8Array(l));
    this.hashes = room(this.hashes, n, (l) => new Int32Array(l));
    this.textStart = room(this.textStart, n, (l) => new Uint32Array(l));
    this.wordStart = room(this.wordStart, n + 1, (l) => new Uint32Array(l));
    this.entryStart = room(this.entryStart, n + 1, (l) => new Uint32Array(l));
    const contact = this.contactNumber(row.contactId);
    this.at[doc] = row.at;
    this.contact[doc] = contact;
    this.inbound[doc] = row.inbound ? 1 : 0;
    this.hashes[doc] = idHash(row.id);
    (this.byContact[contact] ??= []).push(doc);

    const firstWord = this.wordStart[doc] ?? 0;
    this.wordIds = room(this.wordIds, firstWord + words.length, (l) => new Uint32Array(l));
    this.wordIds.set(words, firstWord);
    this.wordStart[n] = firstWord + words.length;

    const start = this.entryStart[doc] ?? 0;
    const idBytes = Buffer.byteLength(row.id);
    const textBytes = Buffer.byteLength(row.text);
    this.blob = room(this.blob, start + idBytes + textBytes, (l) => Buffer.allocUnsafeSlow(l));
    this.blob.write(row.id, start, 'utf8');
    this.blob.write(row.text, start + idBytes, 'utf8');
    this.textStart[doc] = start + idBytes;
    this.entryStart[n] = start + idBytes + textBytes;
    return doc;
  }

  alive(doc: number): boolean {
    return (this.contact[doc] ?? -1) >= 0;
  }

  atOf(doc: number): number {
    return this.at[doc] ?? 0;
  }

  isInbound(doc: number): boolean {
    return this.inbound[doc] === 1;
  }

  /** The contact's number (-1: a hole); `contactNumberOf` gives a contact's, undefined when it has none. */
  contactOf(doc: number): number {
    return this.contact[doc] ?? -1;
  }

  contactNumberOf(contactId: string): number | undefined {
    return this.contactNumbers.get(contactId);
  }

  /** The word numbers of a row (a view: no copy). */
  wordsOf(doc: number): Uint32Array {
    return this.wordIds.subarray(this.wordStart[doc] ?? 0, this.wordStart[doc + 1] ?? 0);
  }

  row(doc: number): DocRow {
    const start = this.entryStart[doc] ?? 0;
    const textStart = this.textStart[doc] ?? 0;
    return {
      id: this.blob.toString('utf8', start, textStart),
      contactId: this.contactIds[this.contact[doc] ?? -1] ?? '',
      at: this.atOf(doc),
      inbound: this.isInbound(doc),
      text: this.textOf(doc),
    };
  }

  textOf(doc: number): string {
    return this.blob.toString('utf8', this.textStart[doc] ?? 0, this.entryStart[doc + 1] ?? 0);
  }

  /** A contact's live rows, oldest added first (do not change the array). */
  docsOf(contactId: string): readonly number[] | undefined {
    const contact = this.contactNumbers.get(contactId);
    const docs = contact === undefined ? undefined : this.byContact[contact];
    return docs && docs.length > 0 ? docs : undefined;
  }

  /** How many live rows each contact has. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    this.byContact.forEach((docs, contact) => {
      const id = this.contactIds[contact];
      if (id !== undefined && docs.length > 0) counts.set(id, docs.length);
    });
    return counts;
  }

  /** The contact's row with this message id, if any: hashes first, the id itself only on a match. */
  find(contactId: string, messageId: string): number | undefined {
    const hash = idHash(messageId);
    const docs = this.docsOf(contactId) ?? [];
    for (let i = docs.length - 1; i >= 0; i--) {
      const doc = docs[i] ?? 0;
      if (this.hashes[doc] === hash && this.row(doc).id === messageId) return doc;
    }
    return undefined;
  }

  /** Turns rows of a contact into holes; returns the rows removed. */
  remove(contactId: string, which: (doc: number) => boolean): number[] {
    const contact = this.contactNumbers.get(contactId);
    const docs = contact === undefined ? undefined : this.byContact[contact];
    if (contact === undefined || !docs) return [];
    const removed: number[] = [];
    const kept: number[] = [];
    for (const doc of docs) (which(doc) ? removed : kept).push(doc);
    this.byContact[contact] = kept;
    for (const doc of removed) this.contact[doc] = -1;
    return removed;
  }

  /** The rows whose id is one of these (hash first). */
  matcher(ids: readonly string[]): (doc: number) => boolean {
    const wanted = new Map<number, Set<string>>();
    for (const id of ids) {
      const hash = idHash(id);
      const same = wanted.get(hash) ?? new Set<string>();
      wanted.set(hash, same.add(id));
    }
    return (doc) => wanted.get(this.hashes[doc] ?? 0)?.has(this.row(doc).id) === true;
  }

  columns(): DocColumns {
    const n = this.size;
    return {
      contacts: this.contactIds,
      at: this.at.subarray(0, n),
      contact: this.contact.subarray(0, n),
      inbound: this.inbound.subarray(0, n),
      idHash: this.hashes.subarray(0, n),
      wordStart: this.wordStart.subarray(0, n + 1),
      wordIds: this.wordIds.subarray(0, this.wordStart[n] ?? 0),
      entryStart: this.entryStart.subarray(0, n + 1),
      textStart: this.textStart.subarray(0, n),
      blob: this.blob.subarray(0, this.entryStart[n] ?? 0),
    };
  }

  static fromColumns(columns: DocColumns): DocTable {
    const table = new DocTable();
    const n = columns.at.length;
    const lengths = [
      columns.contact.length,
      columns.inbound.length,
      columns.idHash.length,
      columns.textStart.length,
      columns.wordStart.length - 1,
      columns.entryStart.length - 1,
    ];
    if (lengths.some((length) => length !== n)) throw new Error('The saved rows do not line up');
    if ((columns.wordStart[n] ?? 0) !== columns.wordIds.length) throw new Error('Saved words cut short');
    if ((columns.entryStart[n] ?? 0) !== columns.blob.length) throw new Error('Saved texts cut short');
    table.size = n;
    table.contactIds = columns.contacts;
    columns.contacts.forEach((id, contact) => table.contactNumbers.set(id, contact));
    table.at = columns.at;
    table.contact = columns.contact;
    table.inbound = columns.inbound;
    table.hashes = columns.idHash;
    table.wordStart = columns.wordStart;
    table.wordIds = columns.wordIds;
    table.entryStart = columns.entryStart;
    table.textStart = columns.textStart;
    table.blob = Buffer.from(columns.blob.buffer, columns.blob.byteOffset, columns.blob.byteLength);
    table.byContact = columns.contacts.map(() => []);
    for (let doc = 0; doc < n; doc++) {
      const contact = table.contact[doc] ?? -1;
      if (contact < 0) continue;
      const docs = table.byContact[contact];
      if (!docs) throw new Error('A saved row names an unknown contact');
      docs.push(doc);
    }
    return table;
  }

  private contactNumber(contactId: string): number {
    let contact = this.contactNumbers.get(contactId);
    if (contact === undefined) {
      contact = this.contactIds.length;
      this.contactIds.push(contactId);
      this.contactNumbers.set(contactId, contact);
    }
    return contact;
  }
}
