/**
 * The short line the history shows for a message that is not plain text, until the follow-up issue
 * ("Everything a WhatsApp conversation holds") renders each type fully. Types as listed on
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages
 */
const LABELS: Record<string, string> = {
  text: 'Message',
  image: 'Photo',
  video: 'Video',
  audio: 'Audio',
  document: 'Document',
  sticker: 'Sticker',
  location: 'Location',
  contacts: 'Contact card',
  reaction: 'Reaction',
  button: 'Button reply',
  interactive: 'Reply',
  order: 'Order',
  system: 'WhatsApp notice',
  request_welcome: 'Opened the chat',
  unsupported: 'A message WhatsApp cannot show here',
  unknown: 'A message WhatsApp cannot show here',
};

export const VOICE_MESSAGE = 'Voice message';

export function labelOf(type: string, voice = false): string {
  if (type === 'audio' && voice) return VOICE_MESSAGE;
  return LABELS[type] ?? `A message of a new kind (${type})`;
}
