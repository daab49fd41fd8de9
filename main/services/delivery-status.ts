import type { Contact, Message, MessagePricing } from '../contract/model';
import { isConfirmed, nextStatus } from '../domain/message-status';
import type { Outbox } from '../store/outbox-file';
import type { ProviderIds } from '../store/provider-ids';
import { KeyedQueues } from '../store/serial-queue';
import type { MessageChange, WorkspaceStore } from '../store/workspace-store';
import type { StatusUpdate } from './ports';
import { failureOf } from './send-failures';

export interface DeliveryStatusDeps {
  store: WorkspaceStore;
  providerIds: ProviderIds;
  /** To match a status by the request's reference when the send's answer (and so its wamid) was lost. */
  outbox: Pick<Outbox, 'get'>;
  clock: { now(): number };
  changed: (message: Message, contact: Contact) => void;
  /** A message the outbox still held (unconfirmed) was confirmed or failed by the platform. */
  settled: (messageId: string) => Promise<void>;
}

export type StatusOutcome = 'applied' | 'ignored' | 'unknown';

/**
 * Status webhooks (sent, delivered, read, failed) onto their messages. Delivery is at least once and in
 * any order (DESIGN §6, Webhooks), so a status only moves a message forward (domain/message-status.ts) and a
 * repeated one changes nothing. Found through the provider-id index, not by reading histories; each
 * change is one appended status line, never a rewrite. The status's `pricing` is kept on the message, so
 * the Costs view counts what the platform billed.
 */
export class DeliveryStatuses {
  private readonly perContact = new KeyedQueues();

  constructor(private readonly deps: DeliveryStatusDeps) {}

  /** Applies one status; one contact's statuses are applied one at a time, in arrival order. */
  apply(update: StatusUpdate): Promise<StatusOutcome> {
    const known = this.deps.providerIds.get(update.providerId);
    if (known) {
      // A status for a customer's own message is not ours to apply.
      if (known.direction === 'inbound') return Promise.resolve('ignored');
      return this.perContact.run(known.contactId, () => this.applyTo(known, update));
    }
    return this.byReference(update);
  }

  /** Resolves once every status handed in so far is applied (tests, closing). */
  idle(): Promise<void> {
    return this.perContact.idle();
  }

  /** Unknown id: a send whose answer was lost carries our message id back as its reference. */
  private async byReference(update: StatusUpdate): Promise<StatusOutcome> {
    const { providerIds, outbox, clock } = this.deps;
    const entry = update.reference ? outbox.get(update.reference) : undefined;
    if (!entry) return 'unknown';
    await providerIds.add({
      providerId: update.providerId,
      contactId: entry.contactId,
      messageId: entry.messageId,
      direction: 'outbound',
      at: clock.now(),
    });
    return this.perContact.run(entry.contactId, () => this.applyTo(entry, update));
  }

  private async applyTo(
    target: { contactId: string; messageId: string },
    update: StatusUpdate,
  ): Promise<StatusOutcome> {
    const { store } = this.deps;
    const contact = store.contact(target.contactId);
    const message = contact ? await store.findMessage(target.contactId, target.messageId) : undefined;
    if (!contact || !message) return 'unknown';

    const status = nextStatus(message.status, update.status);
    const pricing = update.pricing && !samePricing(message.pricing, update.pricing) ? update.pricing : null;
    if (status === message.status && pricing === null) return 'ignored';

    const change: MessageChange = { status };
    if (pricing) change.pricing = pricing;
    if (message.providerId === null) change.providerId = update.providerId;
    if (status === 'failed' && message.status !== 'failed') {
      const failure = failureOf('undelivered', update.error ?? 'WhatsApp could not deliver it', null);
      change.failure = failure;
      change.error = `Not delivered: ${failure.reason}.`.slice(0, 1000);
    } else if (isConfirmed(status) && (message.failure !== undefined || message.error !== null)) {
      // An unconfirmed send turned out to have gone out: its question is answered.
      change.failure = null;
      change.error = null;
    }
    const { message: changed } = await store.updateMessage(contact.id, message.id, change);
    this.deps.changed(changed, store.contact(contact.id) ?? contact);
    if (isConfirmed(status) || status === 'failed') await this.deps.settled(message.id);
    return 'applied';
  }
}

function samePricing(a: MessagePricing | undefined, b: MessagePricing): boolean {
  return (
    a !== undefined &&
    a.billable === b.billable &&
    a.category === b.category &&
    a.type === b.type &&
    a.pricingModel === b.pricingModel
  );
}
