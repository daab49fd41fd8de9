import { MAX_SHARED_CONTACTS, type MediaKind, type MessageLocation } from '../../contract/model';
import type { InboundContent, InboundMessage } from '../../services/ports';
import { buttonChoice, replyChoice, sharedContactOf } from '../whatsapp-formats';
import type { MoMessage } from './webhook-payload';

/**
 * What a CM.com incoming WhatsApp message carries, in the app's shape (contract/message-content.ts), read as
 * https://developers.cm.com/messaging/docs/whatsapp-inbound describes each type:
 *   - media: `message.media {mediaUri, contentType, title}`, the caption in `message.text`; stickers are
 *     `image/webp`, GIFs arrive as mp4 video. The media URI is what the file is fetched by (media-fetch.ts),
 *     so it is the provider's media id here;
 *   - location: `message.custom.location {latitude, longitude, label, searchQuery}`;
 *   - contacts: `message.custom.contacts`, in WhatsApp's own contact card format;
 *   - interactive replies: `message.custom.interactive.button_reply | list_reply {id, title, description}`,
 *     a template's quick reply `message.custom.button {payload, text}`;
 *   - a reply to a message: `messageContext`, the message it answers.
 * Pure. Text is clipped to the contract's limits so a long field never costs the whole message.
 */
export function contentOf(mo: MoMessage): InboundContent | undefined {
  const content: InboundContent = {};
  const media = mediaOf(mo);
  if (media === 'too-long')
    content.unsupported = { type: 'media', detail: 'The file’s address is too long to keep' };
  else if (media) content.media = media;
  const custom = mo.message.custom;
  if (custom?.location) {
    const location = locationOf(custom.location);
    if (location) content.location = location;
    else content.unsupported = { type: 'location', detail: 'No valid coordinates' };
  }
  if (custom?.contacts && custom.contacts.length > 0) {
    content.contacts = custom.contacts.slice(0, MAX_SHARED_CONTACTS).map(sharedContactOf);
  }
  const choice = choiceOf(mo);
  if (choice) content.choice = choice;
  if (mo.messageContext?.trim()) content.replyTo = clip(mo.messageContext.trim(), 200);
  return Object.keys(content).length === 0 ? undefined : content;
}

/** The kind and the line the history shows (domain/inbound-event.ts): a choice is a 'button' event. */
export function lineOf(mo: MoMessage): Pick<InboundMessage, 'kind' | 'text' | 'payload'> {
  const choice = choiceOf(mo);
  if (choice) return { kind: 'button', text: choice.title, payload: choice.id };
  const text = mo.message.text ?? '';
  if (mo.message.media?.mediaUri) return { kind: 'text', text: clip(text, 4096) };
  const custom = mo.message.custom;
  if (custom?.location && text === '') {
    const place = [custom.location.label, custom.location.searchQuery].filter(
      (p) => p !== undefined && p !== '',
    );
    return { kind: 'text', text: place.length === 0 ? 'Location' : `Location: ${place.join(', ')}` };
  }
  if (custom?.contacts && text === '') {
    const name = custom.contacts[0]?.name?.formatted_name;
    return { kind: 'text', text: name === undefined ? 'Contact card' : `Contact card: ${name}` };
  }
  return { kind: 'text', text: clip(text, 4096) };
}

function mediaOf(mo: MoMessage): InboundContent['media'] | 'too-long' | undefined {
  const media = mo.message.media;
  const uri = media?.mediaUri?.trim();
  if (!uri) return undefined;
  // The contract keeps provider media ids to 200 characters; a clipped URI would fetch nothing.
  if (uri.length > 200) return 'too-long';
  const mimeType = media?.contentType?.trim().toLowerCase() || null;
  return {
    kind: kindOf(mimeType),
    providerMediaId: uri,
    mimeType: mimeType ? clip(mimeType, 255) : null,
    sha256: null,
    fileName: media?.title?.trim() ? clip(media.title.trim(), 255) : null,
  };
}

function kindOf(mimeType: string | null): MediaKind {
  if (mimeType === null) return 'document';
  if (mimeType.startsWith('image/webp')) return 'sticker';
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType.startsWith('video/')) return 'video';
  if (mimeType.startsWith('audio/')) return 'audio';
  return 'document';
}

function locationOf(location: {
  latitude: number;
  longitude: number;
  label?: string | undefined;
  searchQuery?: string | undefined;
}): MessageLocation | null {
  const { latitude, longitude } = location;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return {
    latitude,
    longitude,
    name: location.label ? clip(location.label, 1000) : null,
    address: location.searchQuery ? clip(location.searchQuery, 1000) : null,
    url: null,
  };
}

function choiceOf(mo: MoMessage): InboundContent['choice'] {
  const custom = mo.message.custom;
  if (custom?.button) return buttonChoice(custom.button, mo.message.text);
  const button = custom?.interactive?.button_reply;
  const list = custom?.interactive?.list_reply;
  if (button) return replyChoice('button-reply', button, mo.message.text);
  return list ? replyChoice('list-reply', list, mo.message.text) : undefined;
}

const clip = (text: string, max: number): string => (text.length <= max ? text : text.slice(0, max));
