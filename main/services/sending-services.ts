import type { Contact, Message } from '../contract/model';
import { DeliveryStatuses } from './delivery-status';
import { OutboxService } from './outbox';
import type { SessionDeps } from './session-deps';

/** What leaves the workspace: the outbox that sends and retries, and the statuses WhatsApp reports back. */
export interface SendingServices {
  outbox: OutboxService;
  statuses: DeliveryStatuses;
}

/**
 * Builds them for a session. `changed`: a message was added or its status moved; `settled`: a send was
 * answered for good (a follow-up waiting on it learns how it went).
 */
export function sendingServicesFor(
  deps: SessionDeps,
  changed: (message: Message, contact: Contact) => void,
  settled: (message: Message) => Promise<void>,
): SendingServices {
  const { store, clock, log } = deps;
  const outbox = new OutboxService({
    store,
    outbox: deps.outbox,
    providerIds: deps.providerIds,
    provider: deps.provider,
    clock,
    scheduler: deps.scheduler,
    random: deps.random ?? Math.random,
    log,
    changed,
    settled,
    ...(deps.sendingHoldChanged ? { holdChanged: deps.sendingHoldChanged } : {}),
  });
  const statuses = new DeliveryStatuses({
    store,
    providerIds: deps.providerIds,
    outbox: deps.outbox,
    clock,
    changed,
    settled: (messageId) => outbox.confirmed(messageId),
  });
  return { outbox, statuses };
}
