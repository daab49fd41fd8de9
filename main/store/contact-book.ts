import type { Low } from 'lowdb';
import type { Contact } from '../contract/model';
import type { ContactsFile } from './workspace-files';
import { SerialQueue } from './serial-queue';

/**
 * The contact list in memory, indexed by id and by phone, saved whole to contacts.json on every change.
 * Saves run one at a time, and memory changes only after the file is safely written: a save that fails
 * leaves both the file and what the app shows as they were.
 */
export class ContactBook {
  private list: readonly Contact[];
  private byId = new Map<string, Contact>();
  private byPhone = new Map<string, Contact>();
  private readonly queue = new SerialQueue();

  constructor(private readonly low: Low<ContactsFile>) {
    this.list = low.data.contacts;
    this.index();
  }

  all(): readonly Contact[] {
    return this.list;
  }

  get(id: string): Contact | undefined {
    return this.byId.get(id);
  }

  getByPhone(e164: string): Contact | undefined {
    return this.byPhone.get(e164);
  }

  /** `contact` must already be valid (see Contact): one invalid record would make the file unreadable. */
  save(valid: Contact): Promise<void> {
    return this.queue.run(() => {
      const exists = this.byId.has(valid.id);
      return this.replace(
        exists ? this.list.map((c) => (c.id === valid.id ? valid : c)) : [...this.list, valid],
      );
    });
  }

  /** Adds contacts not in the book yet, in one write (a recovery may add thousands). */
  addAll(valid: readonly Contact[]): Promise<void> {
    return this.queue.run(async () => {
      const fresh = valid.filter((c) => !this.byId.has(c.id));
      if (fresh.length > 0) await this.replace([...this.list, ...fresh]);
    });
  }

  /**
   * Saves and removes contacts in one write (an import, or its undo): all of them or, when the write
   * fails, none. `save` must already be valid.
   */
  saveAndRemove(save: readonly Contact[], remove: readonly string[]): Promise<void> {
    return this.queue.run(() => {
      const gone = new Set(remove);
      const saved = new Map(save.map((c) => [c.id, c]));
      const kept = this.list.filter((c) => !gone.has(c.id)).map((c) => saved.get(c.id) ?? c);
      const fresh = save.filter((c) => !this.byId.has(c.id) && !gone.has(c.id));
      return this.replace([...kept, ...fresh]);
    });
  }

  /**
   * Removes a contact for good: written twice, because each write first copies the file it replaces to
   * contacts.json.bak, and a backup still holding the contact would bring it back if contacts.json were
   * ever damaged and restored from it.
   */
  forget(id: string): Promise<void> {
    return this.queue.run(async () => {
      const next = this.list.filter((c) => c.id !== id);
      await this.replace(next);
      await this.replace(next);
    });
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async replace(next: readonly Contact[]): Promise<void> {
    const previous = this.low.data;
    this.low.data = { schemaVersion: previous.schemaVersion, contacts: [...next] };
    try {
      await this.low.write();
    } catch (err) {
      this.low.data = previous;
      throw err;
    }
    this.list = next;
    this.index();
  }

  private index(): void {
    this.byId = new Map(this.list.map((c) => [c.id, c]));
    this.byPhone = new Map(this.list.map((c) => [c.phone, c]));
  }
}
