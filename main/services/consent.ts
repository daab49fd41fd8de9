import { AppError } from '../contract/errors';
import { requireContact } from './require-contact';
import type { Contact, ContactRow, Message } from '../contract/model';
import { consentKeyword } from '../domain/consent-keywords';
import type { WorkspaceStore } from '../store/workspace-store';
import type { Clock } from './ports';

export interface ConsentDeps {
  store: WorkspaceStore;
  clock: Clock;
  rowFor: (contact: Contact) => ContactRow;
  /** Called after a contact's consent changed, so the change is pushed. */
  changed: (row: ContactRow) => void;
}

/**
 * The customer's consent as it changes through their own messages (STOP, START) and the owner's
 * confirmation. Every change is kept in the contact's opt-in history: what, when, by whom, why.
 */
export class ConsentService {
  constructor(private readonly deps: ConsentDeps) {}

  /**
   * Looks at an inbound message before it is stored. An opt-out word opts the customer out at once
   * (saved before the message itself: stopping messages must never wait on anything); START asks the
   * owner to confirm a new opt-in. Returns what to mark on the stored message.
   */
  async inbound(contact: Contact, text: string, at: number): Promise<Message['consent']> {
    const word = consentKeyword(text, this.deps.store.settings().optOutKeywords);
    if (word === null) return null;
    const said = text.trim();

    if (word === 'opt-out') {
      if (contact.optIn.status === 'opted-out' && contact.optInRequestedAt === null) return 'opted-out';
      await this.save({
        ...contact,
        optIn: {
          status: 'opted-out',
          at,
          source: 'whatsapp',
          proof: `Wrote “${said}” on WhatsApp.`,
        },
        optInHistory: [
          ...contact.optInHistory,
          {
            at,
            status: 'opted-out',
            source: 'whatsapp',
            by: 'customer',
            note: `Wrote “${said}” on WhatsApp.`,
          },
        ],
        optInRequestedAt: null,
        updatedAt: this.deps.clock.now(),
      });
      return 'opted-out';
    }

    // START from someone already opted in changes nothing.
    if (contact.optIn.status === 'opted-in') return null;
    if (contact.optInRequestedAt === null) {
      await this.save({ ...contact, optInRequestedAt: at, updatedAt: this.deps.clock.now() });
    }
    return 'opt-in-requested';
  }

  /** The owner confirms a customer's START: templates may be sent again. */
  async confirmOptIn(contactId: string): Promise<ContactRow> {
    const contact = requireContact(this.deps.store, contactId);
    const requestedAt = contact.optInRequestedAt;
    if (requestedAt === null) {
      throw new AppError({
        code: 'invalid-input',
        message:
          `${contact.name} has not asked to receive messages (no START message to confirm). ` +
          'To record an opt-in given in the shop or on your website, edit the contact.',
      });
    }
    const now = this.deps.clock.now();
    const note = 'Wrote START on WhatsApp; confirmed by the owner.';
    return this.save({
      ...contact,
      optIn: { status: 'opted-in', at: requestedAt, source: 'whatsapp', proof: note },
      optInHistory: [
        ...contact.optInHistory,
        { at: now, status: 'opted-in', source: 'whatsapp', by: 'owner', note },
      ],
      optInRequestedAt: null,
      updatedAt: now,
    });
  }

  private async save(contact: Contact): Promise<ContactRow> {
    await this.deps.store.saveContact(contact);
    const row = this.deps.rowFor(contact);
    this.deps.changed(row);
    return row;
  }
}
