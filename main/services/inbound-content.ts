import type { Contact, Message, ReactionMark } from '../contract/model';
import type { ProviderIds } from '../store/provider-ids';
import type { WorkspaceStore } from '../store/workspace-store';
import type { InboundContent } from './ports';

type Resolve = Pick<ProviderIds, 'get'>;

/**
 * Puts what an inbound message carries onto the message about to be stored, with the provider's ids
 * turned into CareWindow's own where this workspace knows them (a quote, a reaction's target). A media
 * file is not fetched here: the message is stored first with its download 'pending', so it is never
 * lost while the file comes (services/media-downloads.ts).
 */
export function withContent(
  message: Message,
  inbound: { text: string; content?: InboundContent },
  providerIds: Resolve,
): Message {
  const { content } = inbound;
  if (!content) return message;
  const next: Message = { ...message };
  const ours = (providerId: string): string | null => {
    const entry = providerIds.get(providerId);
    return entry && entry.contactId === message.contactId ? entry.messageId : null;
  };
  if (content.media) {
    const { kind, providerMediaId, mimeType, sha256, fileName } = content.media;
    next.media = {
      kind,
      fileName,
      file: null,
      mimeType,
      size: null,
      providerMediaId,
      sha256,
      download: { state: 'pending', attempts: 0, error: null, problem: null, nextAttemptAt: null },
    };
  }
  if (content.location) next.location = content.location;
  if (content.contacts) next.contacts = content.contacts;
  if (content.choice) next.choice = content.choice;
  if (content.reactionTo !== undefined) {
    next.reaction = {
      targetId: ours(content.reactionTo),
      targetProviderId: content.reactionTo,
      // The event's own text, not the stored line ("Removed a reaction" when it is empty).
      emoji: inbound.text.trim().slice(0, 50),
    };
  }
  if (content.replyTo !== undefined) {
    next.replyTo = { messageId: ours(content.replyTo), providerId: content.replyTo };
  }
  if (content.forwarded) next.forwarded = true;
  if (content.unsupported) next.unsupported = content.unsupported;
  return next;
}

/**
 * A stored reaction message, applied to the message it is on: the customer's earlier reaction there is
 * replaced (WhatsApp keeps one per person and message), or removed when the emoji is empty. A reaction that
 * arrives out of order (older than the one shown) changes nothing: delivery is unordered. Returns the
 * target as changed, or null when there was nothing to change.
 */
export async function applyReaction(
  store: Pick<WorkspaceStore, 'findMessage' | 'updateMessage'>,
  reaction: Message,
  contact: Contact,
): Promise<Message | null> {
  const targetId = reaction.reaction?.targetId;
  if (!targetId) return null;
  const target = await store.findMessage(contact.id, targetId);
  if (!target) return null;
  const by: ReactionMark['by'] = reaction.direction === 'inbound' ? 'customer' : 'business';
  const earlier = target.reactions?.find((mark) => mark.by === by);
  if (earlier && earlier.at > reaction.at) return null;
  const others = (target.reactions ?? []).filter((mark) => mark.by !== by);
  const emoji = reaction.reaction?.emoji ?? '';
  const reactions =
    emoji === '' ? others : [...others, { by, emoji, at: reaction.at, messageId: reaction.id }];
  const { message } = await store.updateMessage(contact.id, target.id, { status: target.status, reactions });
  return message;
}
