import type { CareWindowApi } from '../../../main/contract/ipc';
import type { ContactDraft, ContactRow } from '../../../main/contract/model';

/**
 * Changes to contacts made from the list and the contact form. Each puts the row main returns in place at
 * once (the `contacts:changed` event may come before or after); the quick ones show a refusal as a notice.
 */
export class ContactActions {
  constructor(
    private readonly api: CareWindowApi['contacts'],
    private readonly upsertRows: (rows: readonly ContactRow[]) => void,
    private readonly reportError: (error: unknown) => void,
  ) {}

  /** `openedAt` is the contact's updatedAt when the form opened: main refuses the edit if it changed since. */
  async save(contactId: string | null, draft: ContactDraft, openedAt?: number): Promise<ContactRow> {
    const row =
      contactId === null ? await this.api.create(draft) : await this.api.update(contactId, draft, openedAt);
    this.upsertRows([row]);
    return row;
  }

  /** The owner has the conversation in front of them: its unread count goes (durably, in main). */
  async markRead(contactId: string): Promise<void> {
    try {
      this.upsertRows([await this.api.markRead(contactId)]);
    } catch (error) {
      this.reportError(error);
    }
  }

  /** Labels on and off several contacts in one write; false (with a notice) when refused. */
  async applyLabels(contactIds: readonly string[], add: string[], remove: string[]): Promise<boolean> {
    try {
      this.upsertRows(await this.api.applyLabels({ contactIds: [...contactIds], add, remove }));
      return true;
    } catch (error) {
      this.reportError(error);
      return false;
    }
  }

  /** Mutes or unmutes one contact's reminders; a refusal is shown as a notice. */
  async setMuted(contactId: string, muted: boolean): Promise<void> {
    try {
      this.upsertRows([await this.api.setMuted(contactId, muted)]);
    } catch (error) {
      this.reportError(error);
    }
  }
}
