import { AppError } from '../contract/errors';
import type { Contact, Message, MessageFailure } from '../contract/model';
import { isConfirmed } from '../domain/message-status';
import { RATE_LIMIT_BASE, retryDelay, RETRY_BASE } from '../domain/outbox-policy';
import type { OutboxEntry } from '../store/outbox-file';
import type { MessageChange } from '../store/workspace-store';
import type { OutboxDeps, SendResult } from './outbox-types';
import { failureOf, UNCONFIRMED_ACTION, unconfirmedAfterRestart } from './send-failures';

/**
 * What each end of an attempt writes, in the order that survives a crash: outbox.json, the message's
 * history line, the provider-id index. Decisions (what to do, when to try again) are the outbox's;
 * this only records them, and tells the outbox's caller what became of the send.
 */
export class OutboxRecords {
  constructor(private readonly deps: OutboxDeps) {}

  async sent(entry: OutboxEntry, contact: Contact, providerId: string): Promise<SendResult> {
    const { providerIds, outbox, clock } = this.deps;
    // The id first: a status webhook for it can arrive before the history line is written.
    await providerIds.add({
      providerId,
      contactId: contact.id,
      messageId: entry.messageId,
      direction: 'outbound',
      at: clock.now(),
    });
    const message = await this.change(contact, entry.messageId, {
      status: 'sent',
      providerId,
      error: null,
      failure: null,
    });
    await outbox.remove(entry.messageId);
    await this.deps.settled?.(message);
    return { outcome: 'sent', message };
  }

  /** Queued again with its next attempt after the backoff; its caller hears "queued" from the queue. */
  async retryLater(entry: OutboxEntry, contact: Contact, failure: MessageFailure, rateLimited: boolean) {
    const attempts = entry.attempts + 1;
    const wait = retryDelay(attempts, this.deps.random(), rateLimited ? RATE_LIMIT_BASE : RETRY_BASE);
    await this.deps.outbox.update({
      ...entry,
      state: 'queued',
      attempts,
      notBefore: this.deps.clock.now() + wait,
    });
    // Said once on the message, not once per attempt: a long offline spell writes one line, not hundreds.
    if (attempts === 1) await this.change(contact, entry.messageId, { status: 'queued', failure });
  }

  /** Back in the queue, untried: it goes out once the owner reconnects. */
  async stopped(entry: OutboxEntry, contact: Contact, failure: MessageFailure): Promise<SendResult> {
    await this.deps.outbox.update({ ...entry, state: 'queued' });
    const message = await this.change(contact, entry.messageId, { status: 'queued', failure });
    return { outcome: 'stopped', message, failure };
  }

  async unconfirmed(entry: OutboxEntry, contact: Contact, failure: MessageFailure): Promise<SendResult> {
    await this.deps.outbox.update({ ...entry, state: 'unconfirmed' });
    const message = await this.change(contact, entry.messageId, { status: 'unconfirmed', failure });
    await this.deps.settled?.(message);
    return { outcome: 'unconfirmed', message, failure };
  }

  async failed(entry: OutboxEntry, contact: Contact, failure: MessageFailure): Promise<SendResult> {
    const message = await this.change(contact, entry.messageId, {
      status: 'failed',
      error: `Not sent: ${failure.reason}.`.slice(0, 1000),
      failure,
    });
    await this.deps.outbox.remove(entry.messageId);
    await this.deps.settled?.(message);
    return { outcome: 'failed', message, failure };
  }

  /** One entry left from the last run: dropped when done, unconfirmed when the app stopped mid-send. */
  async recover(entry: OutboxEntry): Promise<void> {
    const { outbox, store } = this.deps;
    try {
      const contact = store.contact(entry.contactId);
      const message = contact ? await store.findMessage(entry.contactId, entry.messageId) : undefined;
      if (!contact || !message || isConfirmed(message.status) || message.status === 'failed') {
        await outbox.remove(entry.messageId);
      } else if (entry.state === 'sending') {
        await outbox.update({ ...entry, state: 'unconfirmed' });
        await this.change(contact, message.id, {
          status: 'unconfirmed',
          error: unconfirmedAfterRestart(message),
          failure: { ...failureOf('timeout-after-send', '', null), action: UNCONFIRMED_ACTION },
        });
      }
    } catch (error) {
      this.deps.log.error('Could not check a send left from the last run', { error: String(error) });
    }
  }

  /** The owner's "Mark as sent" on an unconfirmed message. */
  async markSent(contactId: string, messageId: string): Promise<Message> {
    const { contact } = this.awaitingDecision(contactId, messageId);
    await this.deps.outbox.remove(messageId);
    const message = await this.change(contact, messageId, { status: 'sent', error: null, failure: null });
    await this.deps.settled?.(message);
    return message;
  }

  /** The owner's "Send again": queued once more, first in line, with no failed attempts. */
  async requeue(contactId: string, messageId: string): Promise<void> {
    const { entry, contact } = this.awaitingDecision(contactId, messageId);
    await this.deps.outbox.update({
      ...entry,
      state: 'queued',
      attempts: 0,
      notBefore: this.deps.clock.now(),
    });
    await this.change(contact, messageId, { status: 'queued', error: null, failure: null });
  }

  private awaitingDecision(contactId: string, messageId: string) {
    const entry = this.deps.outbox.get(messageId);
    const contact = this.deps.store.contact(contactId);
    if (!entry || entry.contactId !== contactId || entry.state !== 'unconfirmed' || !contact)
      throw new AppError({
        code: 'not-found',
        message:
          'This message is no longer waiting for your decision. Reload the conversation to see where it is.',
      });
    return { entry, contact };
  }

  /** Records a change of the message and pushes it. */
  async change(contact: Contact, messageId: string, change: MessageChange): Promise<Message> {
    const { message } = await this.deps.store.updateMessage(contact.id, messageId, change);
    this.deps.changed(message, this.deps.store.contact(contact.id) ?? contact);
    return message;
  }
}
