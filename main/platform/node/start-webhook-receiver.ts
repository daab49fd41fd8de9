import type { StartReceiver } from '../../services/account-ports';
import type { Clock, Logger } from '../../services/ports';
import { WebhookReceiver } from './webhook-receiver';

/** The receiver behind the AccountService's port, for both hosts (Electron and the preview host). */
export function webhookReceiverStarter(clock: Clock, log: Logger): StartReceiver {
  return async (options) => {
    const receiver = await WebhookReceiver.start({ ...options, clock, log });
    return { url: receiver.url, port: receiver.port, stop: () => receiver.close() };
  };
}
