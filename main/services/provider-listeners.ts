import type { AnswerFaster } from './answer-faster';
import type { ConversationService } from './conversation';
import type { DeliveryStatuses } from './delivery-status';
import type { Logger, MessagingProvider } from './ports';

/**
 * The provider's webhooks to the session's services: an inbound message is stored (then maybe answered
 * automatically), a delivery status is applied. Returns the functions that stop listening.
 */
export function listenToProvider(
  provider: MessagingProvider,
  log: Logger,
  session: { conversation: ConversationService; statuses: DeliveryStatuses; answerFaster: AnswerFaster },
): (() => void)[] {
  return [
    provider.onInbound((inbound) =>
      session.conversation
        .receive(inbound)
        .then((stored) => (stored && session.answerFaster.received(stored), stored))
        .catch((error: unknown) => {
          log.error('Could not store an incoming message', { error: String(error) });
          throw error;
        }),
    ),
    provider.onStatus((update) =>
      session.statuses.apply(update).catch((error: unknown) => {
        // Rethrown: the webhook stays in the inbox journal and is applied again later.
        log.warn('Could not record a delivery status', { error: String(error) });
        throw error;
      }),
    ),
  ];
}
