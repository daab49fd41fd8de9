import type { ContactRow } from '../contract/model';
import type { Publisher } from './ports';

/**
 * Coalesces the rows changed in one turn of the event loop into one `contacts:changed` push: a message
 * sent touches its contact several times, and the renderer should re-sort the list once.
 */
export class RowPush {
  private pending = new Map<string, ContactRow>();
  private queued = false;

  constructor(private readonly publisher: Publisher) {}

  push(row: ContactRow): void {
    this.pending.set(row.contact.id, row);
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      const rows = [...this.pending.values()];
      this.pending = new Map();
      this.publisher.publish('contacts:changed', { rows });
    });
  }

  /** A deleted contact: a change still waiting must not bring its row back. */
  forget(contactId: string): void {
    this.pending.delete(contactId);
  }
}
