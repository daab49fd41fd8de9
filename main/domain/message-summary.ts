/**
 * A message in one short line, for places that show a message without its content: the contact list's
 * snippet, a notification, the quote above a reply. Pure; the renderer uses it too.
 */
import type { MediaKind, Message } from '../contract/model';

const MEDIA_LABELS: Readonly<Record<MediaKind, string>> = {
  image: 'Photo',
  video: 'Video',
  audio: 'Audio',
  voice: 'Voice message',
  sticker: 'Sticker',
  document: 'Document',
  other: 'Media',
};

export function mediaLabel(kind: MediaKind): string {
  return MEDIA_LABELS[kind];
}

/** The message's text, or what it carries when it has none ("Photo", "Location: Dam Square"…). */
export function summaryText(message: Message): string {
  if (message.text.trim() !== '') {
    if (message.media) return `${mediaLabel(message.media.kind)}: ${message.text}`;
    return message.text;
  }
  if (message.media) {
    const name = message.media.kind === 'document' ? message.media.fileName : null;
    return name ? `${mediaLabel('document')}: ${name}` : mediaLabel(message.media.kind);
  }
  if (message.location) {
    const place = [message.location.name, message.location.address].filter((p) => p !== null && p !== '');
    return place.length === 0 ? 'Location' : `Location: ${place.join(', ')}`;
  }
  const first = message.contacts?.[0];
  if (first) return `Contact card: ${first.name}`;
  if (message.unsupported) return `A message CareWindow cannot show yet (${message.unsupported.type})`;
  return message.text;
}
