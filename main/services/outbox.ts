import type { Contact, Message, MessageFailure } from '../contract/model';
import type { OutboxDeps, SendResult } from './outbox-types';
import { decideAfterFailure } from '../domain/outbox-policy';
import type { OutboxEntry } from '../store/outbox-file';
import type { Cancellable, OutboundRequest, SendOutcome } from './ports';
import { OutboxRecords } from './outbox-records';
import { uploadFor } from './outbox-media';
import { failureOf, PROVIDER_THREW, UNCONFIRMED_ACTION } from './send-failures';

export type { OutboxDeps, SendResult } from './outbox-types';

/**
 * Every send goes through here: stored as queued (outbox.json, then the history) before the provider is
 * asked, then handed over one message per contact at a time, in order. What a failure leads to is decided
 * by domain/outbox-policy.ts: retried with backoff (network, rate limit), stopped until the owner
 * reconnects (token, permission), never resent by itself when the outcome is unknown (unconfirmed), or
 * failed with its reason. Sends left from the last run are picked up by resume().
 */
export class OutboxService {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly timers = new Map<string, Cancellable>();
  private readonly waiters = new Map<string, (result: SendResult) => void>();
  /** Set while the provider refuses the connection itself: nothing is tried until reconnect(). */
  private stoppedBy: MessageFailure | null = null;
  /** Contacts whose head is tried at once, its backoff waived: the owner just reconnected. */
  private readonly tryNow = new Set<string>();
  private closed = false;

  private readonly records: OutboxRecords;

  constructor(private readonly deps: OutboxDeps) {
    this.records = new OutboxRecords(deps);
  }

  /**
   * Stores `message` (status queued) with what to ask the provider, then sends it when its turn comes.
   * Resolves after its first attempt, or at once with 'queued' when it has to wait.
   */
  async submit(message: Message, contact: Contact, request: OutboundRequest): Promise<SendResult> {
    await this.enqueue(message, contact, request);
    return this.dispatch(message.id);
  }

  /**
   * The durable half of submit: the outbox entry, then the queued message in the history. A caller that
   * decides under a lock (a follow-up) enqueues inside it and dispatches after it.
   */
  async enqueue(message: Message, contact: Contact, request: OutboundRequest): Promise<void> {
    const { outbox, store, clock } = this.deps;
    // The outbox first: a crash before the history line leaves an entry resume() drops (never sent).
    await outbox.add({
      messageId: message.id,
      contactId: contact.id,
      state: 'queued',
      request: { ...request },
      attempts: 0,
      notBefore: clock.now(),
    });
    try {
      await store.appendMessage(message);
    } catch (error) {
      await outbox.remove(message.id).catch(() => undefined);
      throw error;
    }
    this.deps.changed(message, contact);
  }

  /** Sends an enqueued message when its turn comes; resolves after its first attempt or when it must wait. */
  dispatch(messageId: string): Promise<SendResult> {
    const entry = this.deps.outbox.get(messageId);
    if (!entry) return Promise.reject(new Error(`No outbox entry for ${messageId}`));
    const result = new Promise<SendResult>((resolve) => this.waiters.set(messageId, resolve));
    this.pump(entry.contactId);
    return result;
  }

  /**
   * At the start of a session: sends the last run left. One handed to the provider without an answer
   * may have gone out: it becomes unconfirmed, never resent. Queued ones are sent (or wait their retry).
   */
  async resume(): Promise<void> {
    for (const entry of [...this.deps.outbox.entries()]) await this.records.recover(entry);
    this.pumpAll();
  }

  /** The owner says an unconfirmed message did reach the customer. */
  markSent(contactId: string, messageId: string): Promise<Message> {
    return this.records.markSent(contactId, messageId);
  }

  /** The owner asks to send an unconfirmed message once more (they checked it did not arrive). */
  async sendAgain(contactId: string, messageId: string): Promise<SendResult> {
    await this.records.requeue(contactId, messageId);
    return this.dispatch(messageId);
  }

  /**
   * The owner reconnected (or the provider changed): waiting sends are tried again now, including ones
   * waiting out a retry's backoff, so a connection just fixed is used at once.
   */
  reconnect(): void {
    if (this.stoppedBy) this.deps.holdChanged?.();
    this.stoppedBy = null;
    for (const timer of this.timers.values()) timer.cancel();
    this.timers.clear();
    for (const entry of this.deps.outbox.entries()) this.tryNow.add(entry.contactId);
    this.pumpAll();
  }

  /** Why the queue is stopped (the owner must reconnect), or null. */
  stopped(): MessageFailure | null {
    return this.stoppedBy;
  }

  /** A status webhook confirmed a message the outbox still held (unconfirmed): it is done. */
  async confirmed(messageId: string): Promise<void> {
    if (this.deps.outbox.get(messageId)) await this.deps.outbox.remove(messageId);
  }

  /** A deleted contact: its waiting and unconfirmed sends are dropped, so nothing more goes out to them. */
  async forgetContact(contactId: string): Promise<void> {
    this.timers.get(contactId)?.cancel();
    this.timers.delete(contactId);
    await this.running.get(contactId);
    await this.deps.outbox.forgetContact(contactId);
  }

  /** Resolves once no send is being attempted (tests; closing). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
    await this.deps.outbox.idle();
  }

  /**
   * Stops sending. Does not wait for a provider that has not answered: that send stays "sending" in
   * outbox.json and is found unconfirmed at the next start, which is exactly what it is.
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers.values()) timer.cancel();
    this.timers.clear();
    await this.deps.outbox.idle();
  }

  private pumpAll(): void {
    const contacts = new Set(this.deps.outbox.entries().map((e) => e.contactId));
    for (const contactId of contacts) this.pump(contactId);
  }

  /** Works through one contact's queue, one send at a time, unless that is already going on. */
  private pump(contactId: string): void {
    if (this.closed) return;
    if (this.running.has(contactId)) {
      this.again.add(contactId);
      return;
    }
    const run = this.drain(contactId)
      .catch((error: unknown) => {
        this.deps.log.error('The outbox could not send', { error: String(error) });
      })
      .finally(() => {
        this.running.delete(contactId);
        if (this.again.delete(contactId)) this.pump(contactId);
      });
    this.running.set(contactId, run);
  }

  private async drain(contactId: string): Promise<void> {
    for (;;) {
      const queue = this.deps.outbox
        .entries()
        .filter((e) => e.contactId === contactId && e.state !== 'unconfirmed')
        .sort((a, b) => a.seq - b.seq);
      const head = queue[0];
      if (!head || this.closed) return;
      const now = this.deps.clock.now();
      if (this.stoppedBy || (head.notBefore > now && !this.tryNow.has(contactId))) {
        if (!this.stoppedBy) this.wakeAt(contactId, head.notBefore);
        // Everything behind the head waits with it: the callers hear "queued" now, not after the wait.
        await this.answerWaiting(queue);
        return;
      }
      this.tryNow.delete(contactId);
      await this.attempt(head);
    }
  }

  private wakeAt(contactId: string, when: number): void {
    this.timers.get(contactId)?.cancel();
    this.timers.set(
      contactId,
      this.deps.scheduler.at(when, () => {
        this.timers.delete(contactId);
        this.pump(contactId);
      }),
    );
  }

  private async answerWaiting(queue: readonly OutboxEntry[]): Promise<void> {
    for (const entry of queue) {
      const waiter = this.waiters.get(entry.messageId);
      if (!waiter) continue;
      this.waiters.delete(entry.messageId);
      const message = await this.deps.store.findMessage(entry.contactId, entry.messageId);
      if (message)
        waiter(
          this.stoppedBy
            ? { outcome: 'stopped', message, failure: this.stoppedBy }
            : { outcome: 'queued', message },
        );
    }
  }

  private settle(messageId: string, result: SendResult): void {
    const waiter = this.waiters.get(messageId);
    this.waiters.delete(messageId);
    waiter?.(result);
  }

  /** One attempt: recorded as sending before the provider is asked, so a restart in between is noticed. */
  private async attempt(entry: OutboxEntry): Promise<void> {
    const { outbox, provider, store, log } = this.deps;
    const contact = store.contact(entry.contactId);
    if (!contact) {
      await outbox.remove(entry.messageId);
      return;
    }
    await outbox.update({ ...entry, state: 'sending' });
    let outcome: SendOutcome;
    try {
      // The message id travels along (the Cloud API's biz_opaque_callback_data) so a status webhook can
      // settle a send whose answer was lost.
      // A media send's file is read here, before each attempt (outbox-media.ts).
      const media = await uploadFor(store.dir, entry.request);
      const request = { ...entry.request, reference: entry.messageId };
      outcome =
        'refused' in media
          ? media.refused
          : await (media.upload ? provider.send(request, media.upload) : provider.send(request));
    } catch (error) {
      log.error('The messaging provider threw', { error: String(error) });
      outcome = PROVIDER_THREW;
    }
    // Closed meanwhile: the workspace's files belong to the next session now; leave the entry as it is.
    if (this.closed) return;
    if (outcome.ok) {
      this.settle(entry.messageId, await this.records.sent(entry, contact, outcome.providerId));
      return;
    }
    const failure = failureOf(
      outcome.failure?.kind ?? 'unknown',
      outcome.reason,
      outcome.failure?.parameter ?? null,
      outcome.failure?.action,
    );
    switch (decideAfterFailure(outcome.failure?.kind, outcome.retryable)) {
      case 'retry':
        return this.records.retryLater(entry, contact, failure, outcome.failure?.kind === 'rate-limited');
      case 'stop':
        this.stoppedBy = failure;
        this.deps.holdChanged?.();
        this.settle(entry.messageId, await this.records.stopped(entry, contact, failure));
        return;
      case 'unconfirmed':
        this.settle(
          entry.messageId,
          await this.records.unconfirmed(entry, contact, { ...failure, action: UNCONFIRMED_ACTION }),
        );
        return;
      case 'fail':
        this.settle(entry.messageId, await this.records.failed(entry, contact, failure));
        return;
    }
  }
}
