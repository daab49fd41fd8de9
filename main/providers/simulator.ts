import type {
  InboundListener,
  InboundMessage,
  Message,
  MessagingProvider,
  OutboundRequest,
  Scheduler,
  SendOutcome,
  StatusListener,
  StatusUpdate,
} from '../services/ports';
import type { IdFactory } from '../services/ids';
import { SECOND } from '../domain/durations';
import { Listeners } from './listeners';

/**
 * The offline stand-in for WhatsApp: used by the demo workspace and the tests. Sends always succeed
 * (unless told to refuse the next one) and are "delivered" and "read" a moment later; customers write
 * when `deliver` is called.
 */
export class SimulatorProvider implements MessagingProvider {
  readonly name = 'simulator';
  readonly isAccount = false;
  readonly sent: OutboundRequest[] = [];
  private readonly inboundListeners = new Listeners<InboundMessage, Message | null>();
  private readonly statusListeners = new Listeners<StatusUpdate, unknown>();
  private refusal: string | null = null;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly now: () => number,
    private readonly ids: IdFactory,
  ) {}

  send(request: OutboundRequest): Promise<SendOutcome> {
    if (this.refusal !== null) {
      const reason = this.refusal;
      this.refusal = null;
      // A refusal: the outbox retries only what never reached the platform (a 'network' failure).
      return Promise.resolve({ ok: false, reason, retryable: false });
    }
    this.sent.push(request);
    const providerId = `sim.${this.ids()}`;
    const sentAt = this.now();
    this.scheduler.at(
      sentAt + 2 * SECOND,
      () => void this.report({ providerId, status: 'delivered', at: this.now(), error: null }),
    );
    this.scheduler.at(
      sentAt + 6 * SECOND,
      () => void this.report({ providerId, status: 'read', at: this.now(), error: null }),
    );
    return Promise.resolve({ ok: true, providerId });
  }

  /** Makes the next send fail with this reason, as a refused or lost send would. */
  refuseNext(reason: string): void {
    this.refusal = reason;
  }

  /**
   * A customer writes. Resolves once every listener (the app) has stored the message, with the message
   * as stored, or null when nothing new was stored (a redelivery, or no workspace listening).
   */
  async deliver(
    message: Omit<InboundMessage, 'providerId'> & { providerId?: string },
  ): Promise<Message | null> {
    const inbound: InboundMessage = { ...message, providerId: message.providerId ?? `sim.${this.ids()}` };
    const stored = await this.inboundListeners.notify(inbound);
    return stored.find((m) => m !== null) ?? null;
  }

  onInbound(listener: InboundListener): () => void {
    return this.inboundListeners.add(listener);
  }

  onStatus(listener: StatusListener): () => void {
    return this.statusListeners.add(listener);
  }

  /**
   * A simulated tick that the app could not record (the workspace closed in the seconds since the send)
   * is dropped: the session has already logged why, and a timer has nobody to hand the rejection to.
   */
  private async report(update: StatusUpdate): Promise<void> {
    try {
      await this.statusListeners.notify(update);
    } catch {
      // Logged by the listener; see above.
    }
  }
}
