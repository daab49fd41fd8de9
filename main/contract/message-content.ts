import { z } from 'zod';
import { Id, Timestamp } from './primitives';

/**
 * What a message carries besides its text: media, a location, shared contacts, the option chosen in an
 * interactive message, a reaction, the message it quotes, a type this build cannot show. All fields are
 * optional on `Message` (message.ts), so histories written before them still read.
 *
 * HOW THE RENDERER SHOWS EACH (the caption of a media message, if any, is `message.text`):
 *   media      image / sticker: inline (`mediaUrl(media.file)`), a click opens the viewer; video: a
 *              poster/“Play” card; audio / voice: a player (voice = "Voice message"); document: name
 *              (`fileName`), size (`size`) with "Open" / "Save as" (calls `conversation.openMedia`,
 *              `conversation.saveMediaAs`). `file` null → a placeholder: while `download.state` is
 *              'pending' "Downloading…", when 'failed' `download.error` with "Try again"
 *              (`conversation.retryMedia`); without `download` (a chat export made without media)
 *              "Media left out of the export".
 *   (location, contacts and unsupported messages keep a summary line in `text` for lists and search; the
 *   card shows the fields, not that line.)
 *   location   a map-free card: name, address, the coordinates ("52.37° N, 4.90° E") and "Open in maps"
 *              (`conversation.openLocation`, which opens an https link the owner chose in the main process).
 *   contacts   a card per shared contact: name, phones, emails, with "Add as contact" (prefills the form).
 *   choice     an interactive button/list reply or a template's quick-reply button: "Chose: <title>"
 *              (and `description` for a list row); `message.text` holds the title too.
 *   reaction   a message of kind 'reaction' is not a bubble: its emoji is drawn on the target message
 *              (`reaction.targetId`); the target's `reactions` holds the current one per side, already
 *              replaced when the customer changed it and removed when the emoji was ''. A reaction whose
 *              target is not in the history is shown as a small line "Reacted 👍 to a message not here".
 *   replyTo    a quote above the bubble (the quoted message's text or "Photo"…), a click scrolls to
 *              `replyTo.messageId`; null messageId → "Replying to a message not in this history".
 *   unsupported a muted line "A message CareWindow cannot show yet (<type>)"; `original` keeps the JSON.
 *   calls      kind 'call' (unchanged): a centred line with the text ("Missed voice call").
 */

/** WhatsApp's media types, plus 'voice' (audio recorded in the app) and 'other' (chat exports). */
export const MediaKind = z.enum(['image', 'video', 'audio', 'voice', 'sticker', 'document', 'other']);
export type MediaKind = z.infer<typeof MediaKind>;

/** Why a media download failed, classified (the words for the owner are in `error`). */
export const MediaProblem = z.enum([
  'too-large',
  'wrong-type',
  'connection',
  'expired',
  'not-found',
  'auth',
  'storage',
  'no-account',
  'unknown',
]);
export type MediaProblem = z.infer<typeof MediaProblem>;

/**
 * An inbound media file's way into the workspace. The message is stored first with 'pending' (never lost
 * while the file is fetched), then 'done' (with `media.file`) or 'failed'. Automatic retries are bounded
 * (services/media-downloads.ts); the owner can always retry by hand.
 */
export const MediaDownload = z.object({
  state: z.enum(['pending', 'failed', 'done']),
  /** Attempts made so far (0 while the first is under way or waiting). */
  attempts: z.number().int().nonnegative(),
  /** The last failure in plain words ("The file is larger than WhatsApp allows (…)"); null when none. */
  error: z.string().max(1000).nullable(),
  problem: MediaProblem.nullable(),
  /** When the next automatic attempt is planned; null when none is (done, or retries used up). */
  nextAttemptAt: Timestamp.nullable(),
});
export type MediaDownload = z.infer<typeof MediaDownload>;

/**
 * A photo, video, voice note, sticker or file a message carried. `file` is the copy in the workspace,
 * relative to it (`media/<contact folder>/<name>`, forward slashes); null when the export was made
 * without media or the download has not succeeded (yet). Fields after `file` came with the Cloud API.
 */
export const MessageMedia = z.object({
  kind: MediaKind,
  fileName: z.string().max(255).nullable(),
  file: z.string().max(400).nullable(),
  /** As the platform reported it (`image/jpeg`); checked against an allowlist before it is kept. */
  mimeType: z.exactOptional(z.string().max(255).nullable()),
  /** Bytes, as reported by the platform or as written. */
  size: z.exactOptional(z.number().int().nonnegative().nullable()),
  /** The provider's media id (Cloud API `image.id`), to fetch it; never a URL (URLs expire, need the token). */
  providerMediaId: z.exactOptional(z.string().max(200)),
  /** The platform's SHA-256 of the file, when it gave one. */
  sha256: z.exactOptional(z.string().max(200).nullable()),
  /** Absent for media that needed no download (chat exports, the owner's own sends). */
  download: z.exactOptional(MediaDownload),
});
export type MessageMedia = z.infer<typeof MessageMedia>;

/** The app-relative URL a stored media file is served at by the app's own protocol (both hosts). */
export function mediaUrl(file: string): string {
  return '/' + file.split('/').map(encodeURIComponent).join('/');
}

export const MessageLocation = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  name: z.string().max(1000).nullable(),
  address: z.string().max(1000).nullable(),
  /** The URL the customer's location carried (a business's page); opened only if https and the owner asks. */
  url: z.string().max(2000).nullable(),
});
export type MessageLocation = z.infer<typeof MessageLocation>;

/**
 * Where "Open in maps" takes a location: the owner chooses. The main process builds the https link from
 * the stored coordinates (`place` is the location's own `url`, only when it is https); the renderer never
 * hands over a URL to open.
 */
export const LocationLink = z.enum(['openstreetmap', 'google-maps', 'apple-maps', 'place']);
export type LocationLink = z.infer<typeof LocationLink>;

/** At most this many contacts of one message are kept, with at most this many phones/emails each. */
export const MAX_SHARED_CONTACTS = 20;
export const MAX_CONTACT_ENTRIES = 10;

export const SharedContact = z.object({
  name: z.string().max(500),
  phones: z
    .array(
      z.object({
        phone: z.string().max(100),
        /** The WhatsApp id the platform matched the number to, when it did: a number that has WhatsApp. */
        waId: z.string().max(50).nullable(),
        type: z.string().max(50).nullable(),
      }),
    )
    .max(MAX_CONTACT_ENTRIES),
  emails: z
    .array(z.object({ email: z.string().max(320), type: z.string().max(50).nullable() }))
    .max(MAX_CONTACT_ENTRIES),
  organization: z.string().max(500).nullable(),
});
export type SharedContact = z.infer<typeof SharedContact>;

/** The option a customer chose: an interactive reply button, a list row, or a template's quick reply. */
export const MessageChoice = z.object({
  source: z.enum(['button-reply', 'list-reply', 'template-button']),
  /** The id (interactive) or payload (template button) the business gave the option; null when none. */
  id: z.string().max(1000).nullable(),
  title: z.string().max(1000),
  description: z.string().max(1000).nullable(),
});
export type MessageChoice = z.infer<typeof MessageChoice>;

/** On a message of kind 'reaction': what it reacts to. The emoji is also `message.text` ('' = removed). */
export const MessageReaction = z.object({
  /** Our id of the message reacted to; null when it is not in this history. */
  targetId: Id.nullable(),
  targetProviderId: z.string().max(200),
  emoji: z.string().max(50),
});
export type MessageReaction = z.infer<typeof MessageReaction>;

/** On the message reacted to: the current reaction of each side (at most one each, as on WhatsApp). */
export const ReactionMark = z.object({
  by: z.enum(['customer', 'business']),
  emoji: z.string().min(1).max(50),
  at: Timestamp,
  /** Our id of the reaction message that set it. */
  messageId: Id,
});
export type ReactionMark = z.infer<typeof ReactionMark>;

/** The message this one quotes (Cloud API `context.id`). */
export const ReplyTo = z.object({
  /** Our id of the quoted message; null when it is not in this history. */
  messageId: Id.nullable(),
  providerId: z.string().max(200),
});
export type ReplyTo = z.infer<typeof ReplyTo>;

/** A message of a type this build does not show (or the platform calls `unsupported`). */
export const UnsupportedContent = z.object({
  type: z.string().max(100),
  /** What the platform said about it (`errors[0].title`), when anything. */
  detail: z.string().max(1000).nullable(),
});
export type UnsupportedContent = z.infer<typeof UnsupportedContent>;
