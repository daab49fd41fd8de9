import type { Contact, Message, MessageFailure } from '../contract/model';
import type { Outbox } from '../store/outbox-file';
import type { ProviderIds } from '../store/provider-ids';
import type { WorkspaceStore } from '../store/workspace-store';
import type { Clock, Logger, MessagingProvider, Scheduler } from './ports';

/** What the outbox (outbox.ts) needs and what it answers; shared with the records it writes (outbox-records.ts). */

export interface OutboxDeps {
  store: WorkspaceStore;
  outbox: Outbox;
  providerIds: ProviderIds;
  provider: MessagingProvider;
  clock: Clock;
  scheduler: Scheduler;
  /** 0 ≤ x < 1: the jitter of retries (Math.random in the app, fixed in tests). */
  random: () => number;
  log: Logger;
  /** A message was stored or changed: pushed to the renderer, the contact's row refreshed. */
  changed: (message: Message, contact: Contact) => void;
  /** A send ended for good (sent, failed, or unconfirmed): the follow-up ledger records it. */
  settled?: (message: Message) => Promise<void>;
  /** The queue stopped for a reconnect, or went again: what `stopped()` says changed. */
  holdChanged?: () => void;
}

/** What became of a send by the time its first attempt ended (or it had to wait). */
export type SendResult =
  | { outcome: 'sent'; message: Message }
  /** Waiting: for an earlier message to the same contact, a retry, or the owner to reconnect. */
  | { outcome: 'queued'; message: Message }
  | { outcome: 'failed' | 'unconfirmed' | 'stopped'; message: Message; failure: MessageFailure };
