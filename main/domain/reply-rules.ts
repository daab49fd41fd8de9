/**
 * Which messages can be quoted in a reply or reacted to, by the platform's rules. Pure; `now` passed in.
 *
 * - A reply quotes by the quoted message's WhatsApp id (`context.message_id`,
 *   https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/contextual-replies):
 *   a message without one (brought in from a chat export, never sent) cannot be quoted.
 * - A reaction goes on "a WhatsApp user message you received", and one on a message more than 30 days old
 *   is refused (messages/reaction-messages). It cannot itself be a reply. Sending '' removes it.
 */
import type { Message } from '../contract/model';
import { DAY } from './durations';

export const REACTION_MAX_AGE = 30 * DAY;

/** A few reactions offered in the picker (any single emoji can be sent). */
export const QUICK_REACTIONS: readonly string[] = ['👍', '❤️', '😂', '😮', '😢', '🙏'];

export function quoteRefusal(target: Message): string | null {
  if (target.kind === 'reaction') return 'A reaction cannot be quoted.';
  if (target.providerId === null) {
    return target.imported
      ? 'This message came from a chat export, so WhatsApp cannot quote it. Reply without the quote.'
      : 'This message has not reached WhatsApp, so it cannot be quoted yet.';
  }
  return null;
}

export function reactionRefusal(target: Message, emoji: string, now: number): string | null {
  if (target.direction !== 'inbound' || target.kind === 'reaction') {
    return 'WhatsApp lets you react only to a message the customer sent.';
  }
  if (target.providerId === null)
    return 'This message came from a chat export, so WhatsApp cannot react to it.';
  if (now - target.at > REACTION_MAX_AGE)
    return 'WhatsApp does not take reactions to messages older than 30 days.';
  if (emoji !== '' && !isOneEmoji(emoji)) return 'Choose one emoji.';
  return null;
}

/** One emoji (with its variation selectors, skin tone or joiners), nothing else. */
export function isOneEmoji(text: string): boolean {
  const segments = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)];
  return segments.length === 1 && /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(text);
}
