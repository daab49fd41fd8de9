import { AppError } from '../contract/errors';
import { OutgoingMediaKind, type MediaSendRequest } from '../contract/attachments';
import type { Contact, Message, ReplyTo } from '../contract/model';
import { freeFormRefusal } from '../domain/care-window';
import { cleanText } from '../domain/clean-text';
import { takesCaption } from '../domain/outgoing-media';
import { quoteRefusal, reactionRefusal } from '../domain/reply-rules';
import { mediaHead } from '../store/attachment-files';
import type { WorkspaceStore } from '../store/workspace-store';
import type { AttachmentService } from './attachments';
import type { ContactsService } from './contacts';
import type { IdFactory } from './ids';
import { applyReaction } from './inbound-content';
import type { OutboxService, SendResult } from './outbox';
import type { Clock, Logger } from './ports';
import { requireContact } from './require-contact';

export interface RichSendDeps {
  store: WorkspaceStore;
  clock: Clock;
  ids: IdFactory;
  contacts: ContactsService;
  outbox: Pick<OutboxService, 'submit'>;
  attachments: AttachmentService;
  log: Logger;
  changed: (message: Message, contact: Contact) => void;
}

/** A file in the contact's media folder, as a media send names it. */
interface OutgoingFile {
  kind: OutgoingMediaKind;
  file: string;
  mimeType: string;
  fileName: string;
  size: number | null;
}

/** The message a reply quotes, as stored on the reply, and its WhatsApp id for `context.message_id`. */
export async function resolveQuote(
  store: Pick<WorkspaceStore, 'findMessage'>,
  contactId: string,
  replyToId: string | null | undefined,
): Promise<{ replyTo: ReplyTo; providerId: string } | null> {
  if (replyToId === null || replyToId === undefined) return null;
  const target = await store.findMessage(contactId, replyToId);
  if (!target)
    throw new AppError({ code: 'not-found', message: 'The message you reply to is no longer here.' });
  const refusal = quoteRefusal(target);
  if (refusal !== null || target.providerId === null) {
    throw new AppError({ code: 'refused', message: refusal ?? 'This message cannot be quoted.' });
  }
  return { replyTo: { messageId: target.id, providerId: target.providerId }, providerId: target.providerId };
}

/**
 * Photos, videos, audio and documents with a caption, and reactions: free-form session messages, so only
 * inside the customer care window (refused here, by the main process, not only greyed out). Each goes
 * through the outbox like a text.
 */
export class RichSends {
  constructor(private readonly deps: RichSendDeps) {}

  async sendMedia(contactId: string, request: MediaSendRequest): Promise<Message> {
    const contact = this.openContact(contactId);
    const attachment = this.deps.attachments.ready(contactId, request.attachmentId);
    const caption = takesCaption(attachment.kind) ? cleanText(request.caption).trim() : '';
    const quote = await resolveQuote(this.deps.store, contactId, request.replyToId);
    const result = await this.submitMedia(contact, attachment, caption, quote);
    // Stored in the history (and the outbox): the message owns the file now, whatever came of the send.
    this.deps.attachments.sent(attachment.id);
    return this.answer(result, 'The file stays in the conversation.');
  }

  /**
   * "Send again" under a photo, video, audio or document that failed: the file the message kept in the
   * contact's media folder goes out once more, as a new message at the end of the conversation, through
   * the same checks as the first send (the window first). The failed one stays as what happened: a
   * failure is final (message-status.ts), and its time and WhatsApp id belong to that attempt.
   */
  async resendMedia(failed: Message): Promise<Message> {
    const contact = this.openContact(failed.contactId);
    const media = failed.media;
    const kind = OutgoingMediaKind.safeParse(media?.kind);
    if (failed.direction !== 'outbound' || failed.status !== 'failed' || !media || !kind.success) {
      throw new AppError({
        code: 'refused',
        message: 'Only a photo, video, audio or document that was not sent can be sent again.',
      });
    }
    const file = media.file ?? null;
    const present = file === null ? null : await mediaHead(this.deps.store.dir, file, 1);
    if (file === null || present === null || !media.mimeType || !media.fileName) {
      throw new AppError({
        code: 'not-found',
        message: 'The file is no longer on this computer, so it cannot be sent again. Attach it once more.',
      });
    }
    const quote = await resolveQuote(this.deps.store, contact.id, failed.replyTo?.messageId);
    const result = await this.submitMedia(
      contact,
      { kind: kind.data, file, mimeType: media.mimeType, fileName: media.fileName, size: media.size ?? null },
      failed.text,
      quote,
    );
    return this.answer(result, 'The file stays in the conversation.');
  }

  /** Puts an emoji on a customer's message, or takes it away (''); resolves with that message as shown. */
  async react(contactId: string, targetId: string, emoji: string): Promise<Message> {
    const contact = this.openContact(contactId);
    const target = await this.deps.store.findMessage(contactId, targetId);
    if (!target) throw new AppError({ code: 'not-found', message: 'That message is no longer here.' });
    const refusal = reactionRefusal(target, emoji, this.deps.clock.now());
    if (refusal !== null || target.providerId === null) {
      throw new AppError({ code: 'refused', message: refusal ?? 'WhatsApp cannot react to this message.' });
    }
    const reaction: Message = {
      ...this.outbound(contactId, 'reaction', emoji),
      reaction: { targetId: target.id, targetProviderId: target.providerId, emoji },
    };
    const result = await this.deps.outbox.submit(reaction, contact, {
      kind: 'reaction',
      to: contact.phone,
      targetProviderId: target.providerId,
      text: emoji,
    });
    this.answer(result, '');
    // Sent or waiting its turn: shown on the message at once, as WhatsApp shows one's own reaction.
    const shown = await applyReaction(this.deps.store, result.message, contact);
    if (shown) this.deps.changed(shown, contact);
    return shown ?? target;
  }

  private submitMedia(
    contact: Contact,
    media: OutgoingFile,
    caption: string,
    quote: Awaited<ReturnType<typeof resolveQuote>>,
  ): Promise<SendResult> {
    const { kind, file, mimeType, fileName, size } = media;
    const message: Message = {
      ...this.outbound(contact.id, 'text', caption),
      media: { kind, fileName, file, mimeType, size },
      ...(quote ? { replyTo: quote.replyTo } : {}),
    };
    return this.deps.outbox.submit(message, contact, {
      kind: 'media',
      to: contact.phone,
      media: { kind, file, mimeType, fileName },
      text: caption,
      ...(quote ? { replyTo: quote.providerId } : {}),
    });
  }

  private openContact(contactId: string): Contact {
    const contact = requireContact(this.deps.store, contactId);
    const refusal = freeFormRefusal(this.deps.contacts.rowFor(contact).window);
    if (refusal) throw new AppError({ code: 'window-closed', message: refusal });
    return contact;
  }

  private outbound(contactId: string, kind: Message['kind'], text: string): Message {
    return {
      id: this.deps.ids(),
      contactId,
      direction: 'outbound',
      kind,
      text,
      at: this.deps.clock.now(),
      status: 'queued',
      providerId: null,
      followUp: false,
      template: null,
      error: null,
      consent: null,
    };
  }

  private answer(result: SendResult, kept: string): Message {
    if (result.outcome !== 'failed') return result.message;
    throw new AppError({
      code: 'send-failed',
      message: `Not sent: ${result.failure.reason}. ${result.failure.action}${kept === '' ? '' : ` ${kept}`}`,
    });
  }
}
