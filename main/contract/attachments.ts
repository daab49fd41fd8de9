import { z } from 'zod';
import { Id } from './primitives';

/**
 * A file the owner is about to send, staged in the workspace (media/<contact folder>/…) by the main
 * process: picked in main's own open-file dialog, or dropped on the composer and handed over in chunks.
 * The renderer holds its id and a preview URL served by the app's protocol, never a path.
 */

/** The kinds of media the composer sends (stickers and voice recordings are not made in the app). */
export const OutgoingMediaKind = z.enum(['image', 'video', 'audio', 'document']);
export type OutgoingMediaKind = z.infer<typeof OutgoingMediaKind>;

/**
 * The largest piece of a dropped file one call carries, before base64. The preview host's WebSocket takes
 * at most 1 MB per frame; 512 KiB is 683 KiB of base64, with room for the rest of the call.
 */
export const ATTACHMENT_CHUNK_BYTES = 512 * 1024;

/** The platform's caption limit for image, video and document messages (image-messages, "caption"). */
export const MAX_CAPTION_LENGTH = 1024;

export const AttachmentStart = z.object({
  /** The file's own name as the owner's computer gave it (no folders). */
  fileName: z.string().min(1).max(255),
  /** What the browser said the file is ('' when it did not know); checked again by its name in main. */
  mimeType: z.string().max(255),
  size: z.number().int().nonnegative(),
});
export type AttachmentStart = z.infer<typeof AttachmentStart>;

export const AttachmentChunk = z.object({
  attachmentId: Id,
  /** Where this piece starts in the file; pieces come in order. */
  offset: z.number().int().nonnegative(),
  /** The bytes, base64 (at most ATTACHMENT_CHUNK_BYTES of them). */
  data: z.string().max(Math.ceil(ATTACHMENT_CHUNK_BYTES / 3) * 4),
});
export type AttachmentChunk = z.infer<typeof AttachmentChunk>;

/** A staged file, checked and ready to send. */
export const Attachment = z.object({
  id: Id,
  contactId: Id,
  kind: OutgoingMediaKind,
  fileName: z.string().max(255),
  mimeType: z.string().max(255),
  size: z.number().int().nonnegative(),
  /** The app-protocol URL of the staged copy (for the preview); null until all bytes have come. */
  previewUrl: z.string().max(600).nullable(),
});
export type Attachment = z.infer<typeof Attachment>;

export const MediaSendRequest = z.object({
  attachmentId: Id,
  caption: z
    .string()
    .max(MAX_CAPTION_LENGTH, `WhatsApp captions are limited to ${MAX_CAPTION_LENGTH} characters.`),
  /** Our id of the message this one quotes (Cloud API `context.message_id`). */
  replyToId: Id.nullable(),
});
export type MediaSendRequest = z.infer<typeof MediaSendRequest>;
