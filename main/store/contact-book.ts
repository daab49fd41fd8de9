import type { Low } from 'lowdb';
import { z } from 'zod';
import type { Contact } from '../contract/model';
import { contactRow } from './contact-rows';
import type { JournalFile } from './journal-file';
import { SerialQueue } from './serial-queue';
import type { ContactsFile } from './workspace-files';

/** Beside contacts.json: every change since contacts.json was last written whole, one line each. */
export const CONTACTS_JOURNAL = 'contacts.journal.jsonl';

/**
 * One line of the journal: contacts saved (whole records) and ids removed, applied in that order, all of it
 * or (a torn line) none. `g` is the generation of contacts.json it was written on top of: a line older than
 * the file's generation is already in it (a compaction that stopped before emptying the journal).
 */
export const ContactChange = z.object({
  g: z.number().int().nonnegative(),
  put: z.array(z.unknown()).default([]),
  del: z.array(z.string()).default([]),
});
type ContactChange = z.infer<typeof ContactChange>;

/** What opening contacts.json found: whether there is a file, and whether this version may write it. */
export interface BaseState {
  exists: boolean;
  writable: () => boolean;
}

/** Journal bytes allowed before compaction: at least this, or about half the size of contacts.json. */
const COMPACT_FLOOR = 256 * 1024;
const BYTES_PER_CONTACT = 200;

/**
 * The contact list in memory, indexed by id and by phone. contacts.json (written whole, atomically, with a
 * .bak) is the base; each later change is one fsynced line in contacts.journal.jsonl, so a mute, an opt-in
 * or a new number writes a few hundred bytes instead of the whole list (6 MB at 10,000 contacts). The journal
 * is folded in at open and compacted into the base when it grows past half the base, at close, and twice
 * when a contact is forgotten (so neither the base nor its .bak keeps them). Saves run one at a time;
 * memory changes only after the disk has the change, so a failed save leaves both as they were.
 */
export class ContactBook {
  /** Insertion order is the list's order: a saved contact keeps its place, a new one goes last. */
  private readonly byId = new Map<string, Contact>();
  /**
   * Built at the first lookup by number (an inbound message, a new contact), not at open: the first
   * screen needs none, and at 10,000 contacts it is half the cost of reading the list into memory.
   */
  private byPhone: Map<string, Contact> | null = null;
  private list: readonly Contact[] | null = null;
  private readonly queue = new SerialQueue();
  private generation: number;
  private damaged = 0;

  constructor(
    private readonly low: Low<ContactsFile>,
    private readonly journal: JournalFile | null = null,
    private readonly base: BaseState = { exists: true, writable: () => true },
  ) {
    for (const contact of low.data.contacts) this.put(contact);
    this.generation = low.data.generation ?? 0;
  }

  /** The book with the journal folded onto contacts.json. */
  static async open(low: Low<ContactsFile>, journal: JournalFile, base: BaseState): Promise<ContactBook> {
    const book = new ContactBook(low, journal, base);
    const { records, bad } = await journal.read();
    let damaged = bad;
    for (const record of records) {
      const change = ContactChange.safeParse(record);
      if (!change.success) {
        damaged++;
        continue;
      }
      if (change.data.g < book.generation) continue;
      damaged += book.apply(change.data);
    }
    book.damaged = damaged;
    return book;
  }

  /** Journal lines that could not be used when the book was opened (damage, not a crash). */
  get damagedLines(): number {
    return this.damaged;
  }

  all(): readonly Contact[] {
    this.list ??= [...this.byId.values()];
    return this.list;
  }

  get(id: string): Contact | undefined {
    return this.byId.get(id);
  }

  getByPhone(e164: string): Contact | undefined {
    if (!this.byPhone) {
      this.byPhone = new Map();
      for (const contact of this.byId.values()) this.byPhone.set(contact.phone, contact);
    }
    return this.byPhone.get(e164);
  }

  /** `contact` must already be valid (see Contact): one invalid record would make the file unreadable. */
  save(valid: Contact): Promise<void> {
    return this.queue.run(() => this.change([valid], []));
  }

  /** Adds contacts not in the book yet, in one write (a recovery may add thousands). */
  addAll(valid: readonly Contact[]): Promise<void> {
    return this.queue.run(async () => {
      const fresh = valid.filter((c) => !this.byId.has(c.id));
      if (fresh.length > 0) await this.change(fresh, []);
    });
  }

  /**
   * Saves and removes contacts in one write (an import, or its undo): all of them or, when the write
   * fails, none (one journal line is whole or ignored). `save` must already be valid.
   */
  saveAndRemove(save: readonly Contact[], remove: readonly string[]): Promise<void> {
    return this.queue.run(() => {
      const gone = new Set(remove);
      return this.change(
        save.filter((c) => !gone.has(c.id)),
        remove.filter((id) => this.byId.has(id)),
      );
    });
  }

  /**
   * Removes a contact for good: the change, then contacts.json written twice, because each write first
   * copies the file it replaces to contacts.json.bak, and a backup still holding the contact would bring it
   * back if contacts.json were ever damaged and restored from it. The journal is emptied with it.
   */
  forget(id: string): Promise<void> {
    return this.queue.run(async () => {
      await this.change([], [id]);
      await this.compact();
      await this.compact();
    });
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** At a clean close: folds the journal into contacts.json, so the next start reads one file. */
  close(): Promise<void> {
    return this.queue.run(async () => {
      if (this.journal && this.journal.size > 0 && this.base.writable()) await this.compact();
    });
  }

  private async change(put: readonly Contact[], del: readonly string[]): Promise<void> {
    if (put.length === 0 && del.length === 0) return;
    // The first save of a new workspace writes contacts.json itself: the base always exists once the book
    // holds anything, and a file without a journal stays readable by itself.
    if (this.journal === null || !this.base.exists) {
      await this.replace(() => {
        this.apply({ g: this.generation, put: [...put], del: [...del] });
      });
      return;
    }
    // A newer (or damaged and stuck) contacts.json refuses changes; its write throws the reason, unwritten.
    if (!this.base.writable()) await this.low.write();
    await this.journal.append({ g: this.generation, put: [...put], del: [...del] } satisfies ContactChange);
    this.apply({ g: this.generation, put: [...put], del: [...del] });
    if (this.journal.size > Math.max(COMPACT_FLOOR, (this.byId.size * BYTES_PER_CONTACT) / 2)) {
      // After this save is acknowledged, before the next one: the change is already durable in the journal,
      // and a compaction that fails leaves it there (tried again with the next change or at close).
      void this.queue.run(() => this.compact()).catch(() => undefined);
    }
  }

  /** Writes the whole list as a new generation of contacts.json, then empties the journal. */
  private async compact(): Promise<void> {
    await this.replace(() => undefined);
    await this.journal?.reset();
  }

  /**
   * Writes contacts.json with `mutate` applied; memory keeps the change only when the write succeeded.
   */
  private async replace(mutate: () => void): Promise<void> {
    const snapshot = new Map(this.byId);
    mutate();
    const previous = this.low.data;
    const generation = this.generation + 1;
    this.low.data = { schemaVersion: previous.schemaVersion, generation, contacts: [...this.byId.values()] };
    try {
      await this.low.write();
    } catch (err) {
      this.low.data = previous;
      this.byId.clear();
      this.byPhone = null;
      for (const contact of snapshot.values()) this.put(contact);
      this.list = null;
      throw err;
    }
    this.generation = generation;
    this.base.exists = true;
  }

  /** Applies one change to memory; returns how many records in it were not valid contacts. */
  private apply(change: ContactChange): number {
    let bad = 0;
    for (const raw of change.put) {
      const row = contactRow(raw);
      if (row.success) this.put(row.data);
      else bad++;
    }
    for (const id of change.del) this.remove(id);
    this.list = null;
    return bad;
  }

  private put(contact: Contact): void {
    const phones = this.byPhone;
    if (phones) {
      const old = this.byId.get(contact.id);
      if (old && old.phone !== contact.phone && phones.get(old.phone)?.id === contact.id)
        phones.delete(old.phone);
      phones.set(contact.phone, contact);
    }
    this.byId.set(contact.id, contact);
  }

  private remove(id: string): void {
    const old = this.byId.get(id);
    if (!old) return;
    this.byId.delete(id);
    if (this.byPhone?.get(old.phone)?.id === id) this.byPhone.delete(old.phone);
  }
}
