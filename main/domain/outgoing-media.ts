/**
 * Whether a file the owner wants to send is one WhatsApp carries, checked BEFORE anything is uploaded.
 * Pure.
 *
 * Types and sizes are the platform's "Supported media types" (Cloud API Media reference,
 * https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#supported-media-types), the same
 * table media-rules.ts keeps for inbound files: image JPEG/PNG 5 MB; video MP4/3GPP 16 MB; audio AAC, AMR,
 * MP3, M4A, OGG (Opus) 16 MB; documents TXT, PDF, Word, Excel, PowerPoint 100 MB. Stickers (WebP) are not
 * sent from the composer. A caption goes with image, video and document messages, at most 1024 characters
 * (image-messages: "Maximum 1024 characters"); audio messages take none (audio-messages: `audio` has only
 * `id`/`link`).
 *
 * The type is taken from the file's name (its extension), the way the file is then stored and served, and
 * the first bytes must agree for the types that have a signature, so a renamed program never goes out as
 * a "photo".
 */
import type { OutgoingMediaKind } from '../contract/attachments';
import { baseMimeType, maxMediaBytes, mediaContentType, sizeText } from './media-rules';

export type OutgoingCheck =
  | { ok: true; kind: OutgoingMediaKind; mimeType: string }
  | { ok: false; problem: 'wrong-type' | 'too-large' | 'empty'; reason: string };

const KIND_OF_TYPE: Readonly<Record<string, OutgoingMediaKind>> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'video/mp4': 'video',
  'video/3gpp': 'video',
  'audio/aac': 'audio',
  'audio/amr': 'audio',
  'audio/mpeg': 'audio',
  'audio/mp4': 'audio',
  'audio/ogg': 'audio',
  'text/plain': 'document',
  'application/pdf': 'document',
  'application/msword': 'document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'document',
  'application/vnd.ms-excel': 'document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'document',
  'application/vnd.ms-powerpoint': 'document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'document',
};

const ACCEPTED_TEXT =
  'WhatsApp takes JPEG or PNG photos, MP4 or 3GP videos, AAC, AMR, MP3, M4A or OGG audio, and PDF, Word, Excel, PowerPoint or text documents.';

/** The type a file of this name is sent as, or null when WhatsApp does not carry it. */
export function outgoingMediaType(fileName: string): { kind: OutgoingMediaKind; mimeType: string } | null {
  const served = mediaContentType(fileName);
  if (served === null) return null;
  const mimeType = baseMimeType(served);
  const kind = KIND_OF_TYPE[mimeType];
  return kind ? { kind, mimeType } : null;
}

/** Name and size: whether the file may be sent, and as what; the reason in plain words when not. */
export function checkOutgoingMedia(file: { fileName: string; size: number }): OutgoingCheck {
  const type = outgoingMediaType(file.fileName);
  if (!type) {
    return {
      ok: false,
      problem: 'wrong-type',
      reason: `“${file.fileName}” cannot be sent: ${ACCEPTED_TEXT}`,
    };
  }
  if (file.size === 0) return { ok: false, problem: 'empty', reason: `“${file.fileName}” is empty.` };
  const max = maxMediaBytes(type.kind);
  if (file.size > max) {
    return {
      ok: false,
      problem: 'too-large',
      reason: `“${file.fileName}” is ${sizeText(file.size)}; WhatsApp takes ${NOUN[type.kind]} up to ${sizeText(max)}.`,
    };
  }
  return { ok: true, ...type };
}

const NOUN: Record<OutgoingMediaKind, string> = {
  image: 'photos',
  video: 'videos',
  audio: 'audio',
  document: 'documents',
};

/** Whether a caption goes with this kind of media (not with audio; see above). */
export function takesCaption(kind: OutgoingMediaKind): boolean {
  return kind !== 'audio';
}

/**
 * Whether the file's first bytes agree with the type its name claims, for the types with a fixed
 * signature (JPEG, PNG, PDF, MP4/3GP/M4A, OGG, AMR). Other types (text, old Office files) have none to check.
 */
export function contentMatchesType(mimeType: string, head: Uint8Array): boolean {
  const starts = (bytes: readonly number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
  switch (mimeType) {
    case 'image/jpeg':
      return starts([0xff, 0xd8, 0xff]);
    case 'image/png':
      return starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'application/pdf':
      return starts([0x25, 0x50, 0x44, 0x46]);
    case 'video/mp4':
    case 'video/3gpp':
    case 'audio/mp4':
      return starts([0x66, 0x74, 0x79, 0x70], 4);
    case 'audio/ogg':
      return starts([0x4f, 0x67, 0x67, 0x53]);
    case 'audio/amr':
      return starts([0x23, 0x21, 0x41, 0x4d, 0x52]);
    default:
      return true;
  }
}
