import { AppError } from '../contract/errors';
import { requireContact } from './require-contact';
import type { Contact, Message, MessageStatus } from '../contract/model';
import { freeFormRefusal } from '../domain/care-window';
import { nextStatus } from '../domain/message-status';
import type { HistoryQuery, WorkspaceStore } from '../store/workspace-store';
import type { ContactsService } from './contacts';
import type { IdFactory } from './ids';
import type { Clock, InboundMessage, Logger, MessagingProvider, StatusUpdate } from './ports';
import { RecentSet } from './recent-set';

export interface ConversationDeps {
  store: WorkspaceStore;
  clock: Clock;
  ids: IdFactory;
  provider: MessagingProvider;
  contacts: ContactsService;
  log: Logger;
  /** Called after a message was stored or changed, so it is pushed and the contact re-watched. */
  messageChanged: (message: Message, contact: Contact) => void;
  /** Applies an opt-out/START word in an inbound message before it is stored; returns the mark for it. */
  inboundConsent?: (contact: Contact, text: string, at: number) => Promise<Message['consent']>;
}

/** Receiving and sending messages, with the window rules enforced here, not only in the UI. */
export class ConversationService {
  private readonly seenInbound = new RecentSet(10_000);
  /** Outbound messages waiting for delivery reports: provider id → where the message lives. */
  private readonly outbound = new Map<
    string,
    { contactId: string; messageId: string; status: MessageStatus }
  >();

  constructor(private readonly deps: ConversationDeps) {}

  history(contactId: string, query: HistoryQuery) {
    requireContact(this.deps.store, contactId);
    return this.deps.store.history(contactId, query);
  }

  async sendText(contactId: string, text: string): Promise<Message> {
    const { clock, provider, ids } = this.deps;
    const contact = requireContact(this.deps.store, contactId);
    const refusal = freeFormRefusal(this.deps.contacts.rowFor(contact).window);
    if (refusal) throw new AppError({ code: 'window-closed', message: refusal });

    const pending: Message = {
      id: ids(),
      contactId,
      direction: 'outbound',
      kind: 'text',
      text,
      at: clock.now(),
      status: 'pending',
      providerId: null,
      followUp: false,
      template: null,
      error: null,
      consent: null,
    };
    await this.store(pending, contact);

    let outcome;
    try {
      outcome = await provider.send({ kind: 'text', to: contact.phone, text });
    } catch (error) {
      this.deps.log.error('The messaging provider threw', { error: String(error) });
      outcome = { ok: false as const, reason: 'the connection failed', retryable: true };
    }
    if (!outcome.ok) {
      const reason = `Not sent: ${outcome.reason}.`;
      await this.changeStatus(contact, pending.id, { status: 'failed', error: reason });
      throw new AppError({
        code: 'send-failed',
        message: `${reason} ${outcome.retryable ? 'Your text is kept in the box; try again in a moment.' : 'Your text is kept in the box.'}`,
      });
    }
    this.outbound.set(outcome.providerId, { contactId, messageId: pending.id, status: 'sent' });
    return this.changeStatus(contact, pending.id, { status: 'sent', providerId: outcome.providerId });
  }

  /** A customer wrote: store it (once, even if the provider delivers it twice) and restart the window. */
  async receive(inbound: InboundMessage): Promise<Message | null> {
    if (!this.seenInbound.add(inbound.providerId)) return null;
    try {
      return await this.storeInbound(inbound);
    } catch (error) {
      // Not stored (a full disk): forget the id, so the provider's redelivery is taken, not dropped.
      this.seenInbound.delete(inbound.providerId);
      throw error;
    }
  }

  private async storeInbound(inbound: InboundMessage): Promise<Message> {
    const contact = await this.deps.contacts.contactForInbound(inbound.from, inbound.profileName);
    const consent = (await this.deps.inboundConsent?.(contact, inbound.text, inbound.at)) ?? null;
    const message: Message = {
      id: this.deps.ids(),
      contactId: contact.id,
      direction: 'inbound',
      kind: 'text',
      text: inbound.text,
      at: inbound.at,
      status: 'received',
      providerId: inbound.providerId,
      followUp: false,
      template: null,
      error: null,
      consent,
    };
    await this.store(message, contact);
    return message;
  }

  /** Stores a message another service composed (a template send), pushed like any other. */
  async record(message: Message, contact: Contact): Promise<void> {
    await this.store(message, contact);
  }

  /** Records a status change of a message another service sent. */
  async recordStatus(
    contact: Contact,
    messageId: string,
    change: { status: Message['status']; providerId?: string; error?: string | null },
  ): Promise<Message> {
    return this.changeStatus(contact, messageId, change);
  }

  /** Delivery reports for this provider id belong to that message (a template another service sent). */
  expectStatus(providerId: string, contactId: string, messageId: string): void {
    this.outbound.set(providerId, { contactId, messageId, status: 'sent' });
  }

  async applyStatus(update: StatusUpdate): Promise<void> {
    const target = this.outbound.get(update.providerId);
    const contact = target && this.deps.store.contact(target.contactId);
    if (!target || !contact) return;
    const status = nextStatus(target.status, update.status);
    if (status === target.status) return;
    target.status = status;
    await this.changeStatus(contact, target.messageId, { status, error: update.error });
    if (status === 'read' || status === 'failed') this.outbound.delete(update.providerId);
  }

  private async store(message: Message, contact: Contact): Promise<void> {
    await this.deps.store.appendMessage(message);
    this.deps.messageChanged(message, contact);
  }

  private async changeStatus(
    contact: Contact,
    messageId: string,
    change: { status: Message['status']; providerId?: string; error?: string | null },
  ): Promise<Message> {
    const { message } = await this.deps.store.updateMessage(contact.id, messageId, change);
    this.deps.messageChanged(message, contact);
    return message;
  }
}
