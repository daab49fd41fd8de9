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
    return this.queue.run(async () => {
      const exists = this.byId.has(valid.id);
      const next = exists ? this.list.map((c) => (c.id === valid.id ? valid : c)) : [...this.list, valid];
      const previous = this.low.data;
      this.low.data = { schemaVersion: previous.schemaVersion, contacts: next };
      try {
        await this.low.write();
      } catch (err) {
        this.low.data = previous;
        throw err;
      }
      this.list = next;
      this.index();
    });
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  private index(): void {
    this.byId = new Map(this.list.map((c) => [c.id, c]));
    this.byPhone = new Map(this.list.map((c) => [c.phone, c]));
  }
}
