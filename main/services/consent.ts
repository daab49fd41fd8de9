import { AppError } from '../contract/errors';
import { requireContact } from './require-contact';
import type { Contact, ContactRow, Message } from '../contract/model';
import { consentChange } from '../domain/consent-keywords';
import type { InboundEvent } from '../domain/inbound-event';
import type { WorkspaceStore } from '../store/workspace-store';
import type { Clock } from './ports';

export interface ConsentDeps {
  store: WorkspaceStore;
  clock: Clock;
  /** Applies a change to the latest version of a contact, one change at a time (ContactsService.change). */
  change: (contactId: string, change: (latest: Contact) => Contact) => Promise<ContactRow>;
}

/**
 * The customer's consent as it changes through their own messages (STOP, START) and the owner's
 * confirmation. Every change is kept in the contact's opt-in history: what, when, by whom, why.
 */
export class ConsentService {
  constructor(private readonly deps: ConsentDeps) {}

  /**
   * Looks at an inbound event before it is stored. An opt-out word opts the customer out at once
   * (saved before the message itself: stopping messages must never wait on anything); a marketing
   * template's "Stop promotions" button stops marketing templates only; START asks the owner to confirm
   * a new opt-in. Returns what to mark on the stored message.
   */
  async inbound(contact: Contact, event: InboundEvent, at: number): Promise<Message['consent']> {
    const word = consentChange(event, this.deps.store.settings().optOutKeywords);
    if (word === null) return null;
    const said = event.text.trim();

    if (word === 'marketing-opt-out') {
      await this.optOutOfMarketing(contact.id, said, at);
      return 'opted-out-of-marketing';
    }
    if (word === 'opt-out') {
      await this.deps.change(contact.id, (latest) => {
        if (latest.optIn.status === 'opted-out' && latest.optInRequestedAt === null) return latest;
        return {
          ...latest,
          optIn: {
            status: 'opted-out',
            at,
            source: 'whatsapp',
            proof: `Wrote “${said}” on WhatsApp.`,
          },
          optInHistory: [
            ...latest.optInHistory,
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
        };
      });
      return 'opted-out';
    }

    // START from someone already opted in changes nothing, unless they stopped promotions: then it asks
    // the owner to confirm that marketing templates may resume too.
    if (contact.optIn.status === 'opted-in' && contact.marketingOptOutAt === undefined) return null;
    await this.deps.change(contact.id, (latest) =>
      latest.optInRequestedAt === null
        ? { ...latest, optInRequestedAt: at, updatedAt: this.deps.clock.now() }
        : latest,
    );
    return 'opt-in-requested';
  }

  /** The owner confirms a customer's START: templates may be sent again. */
  async confirmOptIn(contactId: string): Promise<ContactRow> {
    const contact = requireContact(this.deps.store, contactId);
    if (contact.optInRequestedAt === null) {
      throw new AppError({
        code: 'invalid-input',
        message:
          `${contact.name} has not asked to receive messages (no START message to confirm). ` +
          'To record an opt-in given in the shop or on your website, edit the contact.',
      });
    }
    const note = 'Wrote START on WhatsApp; confirmed by the owner.';
    return this.deps.change(contactId, (latest) => {
      // A STOP that arrived after the START (and cleared the request) wins.
      if (latest.optInRequestedAt === null) return latest;
      const now = this.deps.clock.now();
      // A new opt-in is to every template again, marketing included.
      const { marketingOptOutAt: _resumed, ...rest } = latest;
      return {
        ...rest,
        optIn: { status: 'opted-in', at: latest.optInRequestedAt, source: 'whatsapp', proof: note },
        optInHistory: [
          ...latest.optInHistory,
          { at: now, status: 'opted-in', source: 'whatsapp', by: 'owner', note },
        ],
        optInRequestedAt: null,
        updatedAt: now,
      };
    });
  }

  /**
   * The customer pressed "Stop promotions": marketing templates stop, utility ones (order updates,
   * appointment reminders) stay allowed, as WhatsApp itself does for this button. Recorded in the opt-in
   * history like every other change of consent. Pressing it again changes nothing.
   */
  private async optOutOfMarketing(contactId: string, said: string, at: number): Promise<void> {
    const note = `Pressed “${said}” on a marketing template: no more marketing templates; utility ones are still allowed.`;
    await this.deps.change(contactId, (latest) => {
      if (latest.marketingOptOutAt !== undefined) return latest;
      return {
        ...latest,
        marketingOptOutAt: at,
        optInHistory: [
          ...latest.optInHistory,
          { at, status: 'opted-out', source: 'whatsapp', by: 'customer', note, scope: 'marketing' },
        ],
        updatedAt: this.deps.clock.now(),
      };
    });
  }
}
