import { AppError } from '../contract/errors';
import { requireContact } from './require-contact';
import { MAX_ORIGINAL_JSON, type Contact, type InboundOriginal, type Message } from '../contract/model';
import { freeFormRefusal } from '../domain/care-window';
import { cleanText, hasVisibleText } from '../domain/clean-text';
import { kindOf, shownText, type InboundEvent } from '../domain/inbound-event';
import type { ProviderIds } from '../store/provider-ids';
import type { HistoryQuery, MessageChange, WorkspaceStore } from '../store/workspace-store';
import type { ContactsService } from './contacts';
import type { IdFactory } from './ids';
import type { OutboxService } from './outbox';
import type { Clock, InboundMessage, Logger } from './ports';
import { applyReaction, withContent } from './inbound-content';
import { RecentSet } from './recent-set';
import { resolveQuote } from './rich-sends';

export interface ConversationDeps {
  store: WorkspaceStore;
  clock: Clock;
  ids: IdFactory;
  /** Where every send goes: stored as queued first, then handed to the provider in order. */
  outbox: Pick<OutboxService, 'submit'>;
  /** Provider ids already stored: a webhook delivered twice is stored once, even across a restart. */
  providerIds: Pick<ProviderIds, 'has' | 'add' | 'get'>;
  /** Fetches the media of a stored inbound message (services/media-downloads.ts); absent: none is fetched. */
  media?: { received(message: Message): void };
  contacts: ContactsService;
  log: Logger;
  /** Called after a message was stored or changed, so it is pushed and the contact re-watched. */
  messageChanged: (message: Message, contact: Contact) => void;
  /** Applies an opt-out/START word or button in an inbound event before it is stored; returns the mark for it. */
  inboundConsent?: (contact: Contact, event: InboundEvent, at: number) => Promise<Message['consent']>;
  /** A new customer message was stored: counted unread (and notified) before it is pushed. */
  arrived?: (message: Message, contact: Contact) => Promise<void>;
}

/** Receiving and sending messages, with the window rules enforced here, not only in the UI. */
export class ConversationService {
  /** Ids being stored right now (a second delivery racing the first); the durable index is providerIds. */
  private readonly seenInbound = new RecentSet(10_000);

  constructor(private readonly deps: ConversationDeps) {}

  history(contactId: string, query: HistoryQuery) {
    requireContact(this.deps.store, contactId);
    return this.deps.store.history(contactId, query);
  }

  /** `replyToId`: the message quoted (rich-sends.ts resolves it to its WhatsApp id). */
  async sendText(contactId: string, typed: string, replyToId?: string | null): Promise<Message> {
    const { clock, ids } = this.deps;
    const contact = requireContact(this.deps.store, contactId);
    const text = cleanText(typed).trim();
    if (!hasVisibleText(text))
      throw new AppError({
        code: 'invalid-input',
        message: 'Type a message first.',
        fields: { text: 'Type a message first.' },
      });
    const refusal = freeFormRefusal(this.deps.contacts.rowFor(contact).window);
    if (refusal) throw new AppError({ code: 'window-closed', message: refusal });
    const quote = await resolveQuote(this.deps.store, contactId, replyToId);

    const queued: Message = {
      id: ids(),
      contactId,
      direction: 'outbound',
      kind: 'text',
      text,
      at: clock.now(),
      status: 'queued',
      providerId: null,
      followUp: false,
      template: null,
      error: null,
      consent: null,
      ...(quote ? { replyTo: quote.replyTo } : {}),
    };
    const result = await this.deps.outbox.submit(queued, contact, {
      kind: 'text',
      to: contact.phone,
      text,
      ...(quote ? { replyTo: quote.providerId } : {}),
    });
    if (result.outcome !== 'failed') {
      // Sent, or waiting (a retry, the owner reconnecting, or an unknown outcome the owner settles): the
      // message shows where it is, and the text is not put back in the box to be sent twice.
      return result.message;
    }
    throw new AppError({
      code: 'send-failed',
      message: `Not sent: ${result.failure.reason}. ${result.failure.action} Your text is kept in the box.`,
    });
  }

  /**
   * A customer wrote, called, pressed a button or reacted: store it (once, even if the provider delivers
   * it twice) as a line in the history. Whether it restarts the window follows from its kind
   * (opensWindow), where the window is computed.
   */
  async receive(inbound: InboundMessage): Promise<Message | null> {
    const { providerIds } = this.deps;
    if (providerIds.has(inbound.providerId) || !this.seenInbound.add(inbound.providerId)) return null;
    let message: Message;
    try {
      message = await this.storeInbound(inbound);
    } catch (error) {
      // Not stored (a full disk): forget the id, so the provider's redelivery is taken, not dropped.
      this.seenInbound.delete(inbound.providerId);
      throw error;
    }
    // After the message, never before: a crash in between may store a redelivery twice, never lose one.
    await providerIds
      .add({
        providerId: inbound.providerId,
        contactId: message.contactId,
        messageId: message.id,
        direction: 'inbound',
        at: this.deps.clock.now(),
      })
      .catch((error: unknown) => {
        this.deps.log.warn('Could not remember a message id; a redelivery after a restart may show twice', {
          error: String(error),
        });
      });
    return message;
  }

  private async storeInbound(inbound: InboundMessage): Promise<Message> {
    const contact = await this.deps.contacts.contactForInbound(inbound.from, inbound.profileName);
    const consent = (await this.deps.inboundConsent?.(contact, inbound, inbound.at)) ?? null;
    const base: Message = {
      id: this.deps.ids(),
      contactId: contact.id,
      direction: 'inbound',
      kind: kindOf(inbound),
      text: shownText(inbound),
      at: inbound.at,
      status: 'received',
      providerId: inbound.providerId,
      followUp: false,
      template: null,
      error: null,
      consent,
    };
    // Media (stored 'pending' first), location, contacts, the quoted message, a reaction's target.
    const message = withContent(base, inbound, this.deps.providerIds);
    const original = keptOriginal(inbound);
    if (original) message.original = original;
    await this.deps.store.appendMessage(message);
    // Counted before it is pushed, so the row that moves up already shows the unread count.
    await this.deps.arrived?.(message, contact);
    this.deps.messageChanged(message, contact);
    await this.afterInbound(message, contact);
    return message;
  }

  /** What follows a stored inbound message: its reaction shown on the target, its media fetched. */
  private async afterInbound(message: Message, contact: Contact): Promise<void> {
    if (message.reaction) {
      // The reaction itself is stored; showing it on its target is not worth failing the webhook for.
      await applyReaction(this.deps.store, message, contact)
        .then((target) => {
          if (target) this.deps.messageChanged(target, contact);
        })
        .catch((error: unknown) => {
          this.deps.log.warn('A reaction could not be shown on its message', { error: String(error) });
        });
    }
    this.deps.media?.received(message);
  }

  /** Stores a message another service composed (a template send), pushed like any other. */
  async record(message: Message, contact: Contact): Promise<void> {
    await this.store(message, contact);
  }

  /** Records a status change of a message another service sent. */
  async recordStatus(contact: Contact, messageId: string, change: MessageChange): Promise<Message> {
    return this.changeStatus(contact, messageId, change);
  }

  private async store(message: Message, contact: Contact): Promise<void> {
    await this.deps.store.appendMessage(message);
    this.deps.messageChanged(message, contact);
  }

  private async changeStatus(contact: Contact, messageId: string, change: MessageChange): Promise<Message> {
    const { message } = await this.deps.store.updateMessage(contact.id, messageId, change);
    this.deps.messageChanged(message, contact);
    return message;
  }
}

/**
 * What is kept of the provider's own message beside the line the history shows: everything but plain text
 * (whose JSON says nothing more), so "Photo" or "Voice message" can be rendered fully later. One beyond the
 * cap keeps its type only; the inbox journal still holds the payload as it came.
 */
function keptOriginal(inbound: InboundMessage): InboundOriginal | null {
  const original = inbound.original;
  if (!original || original.type === 'text') return null;
  const json = original.json.length <= MAX_ORIGINAL_JSON ? original.json : '';
  return { type: original.type.slice(0, 100), json };
}
