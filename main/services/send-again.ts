import type { Message } from '../contract/model';
import type { WorkspaceStore } from '../store/workspace-store';
import type { OutboxService } from './outbox';
import type { RichSends } from './rich-sends';

export interface SendAgainDeps {
  store: Pick<WorkspaceStore, 'findMessage'>;
  outbox: Pick<OutboxService, 'sendAgain'>;
  rich: Pick<RichSends, 'resendMedia'>;
}

/**
 * The owner's "Send again" under a message that did not (or may not have) gone out, one channel for both:
 *   - unconfirmed (WhatsApp never answered, the owner checked it did not arrive): the same message, once
 *     more, first in its contact's queue (outbox.ts);
 *   - a photo, video, audio or document that failed: its kept file as a new message (rich-sends.ts). A
 *     failed text needs none: its words are put back in the message box to be sent as a new message.
 * Resolves with the message as it is after its first attempt (the new one, for a file).
 */
export function sendAgainWith(deps: SendAgainDeps) {
  return async (contactId: string, messageId: string): Promise<Message> => {
    const message = await deps.store.findMessage(contactId, messageId);
    if (message?.status === 'failed' && message.media) return deps.rich.resendMedia(message);
    return (await deps.outbox.sendAgain(contactId, messageId)).message;
  };
}
