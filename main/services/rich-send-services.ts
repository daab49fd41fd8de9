import type { Contact, Message } from '../contract/model';
import { AttachmentService } from './attachments';
import type { ContactsService } from './contacts';
import type { OutboxService } from './outbox';
import { RichSends } from './rich-sends';
import { sendAgainWith } from './send-again';
import type { SessionDeps } from './session-deps';

export interface RichSendServices {
  /** Files being added in the composer (picked or dropped), checked before anything is uploaded. */
  attachments: AttachmentService;
  /** Media with a caption, and reactions, through the outbox. */
  rich: RichSends;
  /** "Send again" under an unconfirmed message or a failed file (send-again.ts). */
  again: (contactId: string, messageId: string) => Promise<Message>;
}

/** One workspace's sending of media and reactions (replies to text go through ConversationService). */
export function richSendServices(
  deps: SessionDeps,
  contacts: ContactsService,
  outbox: OutboxService,
  changed: (message: Message, contact: Contact) => void,
): RichSendServices {
  const { store, clock, ids, log } = deps;
  const attachments = new AttachmentService({ store, ids, contacts, picker: deps.filePicker ?? null });
  const rich = new RichSends({ store, clock, ids, contacts, outbox, attachments, log, changed });
  return { attachments, rich, again: sendAgainWith({ store, outbox, rich }) };
}
