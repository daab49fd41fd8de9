import { MAX_SHARED_CONTACTS, type MediaKind, type MessageLocation } from '../../contract/model';
import type { InboundContent } from '../../services/ports';
import { buttonChoice, replyChoice, sharedContactOf } from '../whatsapp-formats';
import type { InboundBase } from './webhook-payload';

/**
 * What an inbound Cloud API message carries besides its line of text, read per type as the webhook
 * reference describes it (https://developers.facebook.com/documentation/business-messaging/whatsapp/
 * webhooks/reference/messages/<type>): media ids (never URLs), a location, shared contacts, the option an
 * interactive reply or template button chose, the message a reaction or a reply refers to. Pure. Text
 * that is stored is clipped to the contract's limits here, so a long field never costs the whole message.
 */
export function contentOf(m: InboundBase): InboundContent | undefined {
  const content: InboundContent = {};
  const media = mediaOf(m);
  if (media) content.media = media;
  if (m.type === 'location') {
    const location = locationOf(m.location);
    if (location) content.location = location;
    else content.unsupported = { type: 'location', detail: 'No coordinates' };
  }
  if (m.type === 'contacts' && m.contacts) {
    content.contacts = m.contacts.slice(0, MAX_SHARED_CONTACTS).map(sharedContactOf);
  }
  const choice = choiceOf(m);
  if (choice) content.choice = choice;
  // A reaction's own message id is the reaction's; the message it is on is `reaction.message_id`
  // (…/messages/reaction). An empty or absent emoji means the reaction was removed.
  if (m.type === 'reaction' && m.reaction?.message_id) content.reactionTo = m.reaction.message_id;
  // `context.id` on a message that quotes another (…/messages, "context"); a forwarded message has
  // `forwarded` and no id of ours.
  if (m.context?.id && m.type !== 'reaction') content.replyTo = clip(m.context.id, 200);
  if (m.context?.forwarded) content.forwarded = true;
  if (m.type === 'unsupported' || m.type === 'unknown' || !KNOWN.has(m.type)) {
    const title = m.errors?.[0]?.title;
    content.unsupported = { type: clip(m.type, 100), detail: title ? clip(title, 1000) : null };
  }
  return Object.keys(content).length === 0 ? undefined : content;
}

/** Types read into something: anything else is stored as unsupported with its type name. */
const KNOWN = new Set([
  'text',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'location',
  'contacts',
  'reaction',
  'button',
  'interactive',
  'system',
  'request_welcome',
]);

function mediaOf(m: InboundBase): InboundContent['media'] {
  if (
    m.type !== 'image' &&
    m.type !== 'video' &&
    m.type !== 'audio' &&
    m.type !== 'document' &&
    m.type !== 'sticker'
  )
    return undefined;
  const object = m[m.type];
  if (!object?.id) return undefined;
  const kind: MediaKind = m.type === 'audio' && object.voice === true ? 'voice' : m.type;
  return {
    kind,
    providerMediaId: clip(object.id, 200),
    mimeType: object.mime_type ? clip(object.mime_type, 255) : null,
    sha256: object.sha256 ? clip(object.sha256, 200) : null,
    fileName: m.type === 'document' && object.filename ? clip(object.filename, 255) : null,
  };
}

function locationOf(location: InboundBase['location']): MessageLocation | null {
  const { latitude, longitude } = location ?? {};
  if (latitude === undefined || longitude === undefined) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return {
    latitude,
    longitude,
    name: location?.name ? clip(location.name, 1000) : null,
    address: location?.address ? clip(location.address, 1000) : null,
    url: location?.url ? clip(location.url, 2000) : null,
  };
}

function choiceOf(m: InboundBase): InboundContent['choice'] {
  if (m.type === 'button' && m.button) {
    // A template's quick-reply button: …/webhooks/reference/messages/button (`text` and `payload`).
    return buttonChoice(m.button);
  }
  if (m.type !== 'interactive') return undefined;
  // …/webhooks/reference/messages/interactive: `button_reply` {id, title}, `list_reply` {id, title, description}.
  const button = m.interactive?.button_reply;
  const list = m.interactive?.list_reply;
  if (button) return replyChoice('button-reply', button);
  return list ? replyChoice('list-reply', list) : undefined;
}

const clip = (text: string, max: number): string => (text.length <= max ? text : text.slice(0, max));
