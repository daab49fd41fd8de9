/**
 * Which media files CareWindow keeps, how large they may be, what a failure is called in plain words, and
 * when a failed download is tried again. Pure.
 *
 * Types and limits are the platform's "Supported media types" (Cloud API, Media reference:
 * https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#supported-media-types):
 *   audio    audio/aac, audio/amr, audio/mpeg, audio/mp4, audio/ogg (Opus)           16 MB
 *   document text/plain, application/pdf, Word, Excel, PowerPoint (old and OOXML)     100 MB
 *   image    image/jpeg, image/png                                                    5 MB
 *   sticker  image/webp                          100 KB static, 500 KB animated (the larger is kept)
 *   video    video/mp4, video/3gpp                                                    16 MB
 * A customer's phone may send a type outside that list (a HEIC photo forwarded as a document, a zip): a
 * document is kept when it is one of the document types above, anything else is refused as "wrong type"
 * rather than stored and later opened with the owner's default app.
 * Media ids from webhooks can be fetched for 7 days; the URL GET /{media-id} returns is valid for 5 minutes
 * (same page, "Download media" / "Retrieve media URL").
 */
import type { MediaKind, MediaProblem } from '../contract/model';
import { MINUTE, SECOND } from './durations';

const MB = 1024 * 1024;
const KB = 1024;

const AUDIO = ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'];
const IMAGE = ['image/jpeg', 'image/png'];
const VIDEO = ['video/mp4', 'video/3gpp', 'video/3gp'];
const STICKER = ['image/webp'];
const DOCUMENT = [
  'text/plain',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];

interface KindRule {
  types: readonly string[];
  maxBytes: number;
}

const RULES: Record<Exclude<MediaKind, 'other'>, KindRule> = {
  image: { types: IMAGE, maxBytes: 5 * MB },
  video: { types: VIDEO, maxBytes: 16 * MB },
  audio: { types: AUDIO, maxBytes: 16 * MB },
  voice: { types: AUDIO, maxBytes: 16 * MB },
  sticker: { types: STICKER, maxBytes: 500 * KB },
  // A photo or video sent "as a document" keeps its own type: allowed up to the document limit.
  document: { types: [...DOCUMENT, ...IMAGE, ...VIDEO, ...AUDIO], maxBytes: 100 * MB },
};

/** `image/jpeg; charset=…` → `image/jpeg`, lower case. */
export function baseMimeType(mimeType: string): string {
  return (mimeType.split(';')[0] ?? '').trim().toLowerCase();
}

/** The largest file of this kind the platform carries (and CareWindow keeps). */
export function maxMediaBytes(kind: MediaKind): number {
  return kind === 'other' ? 0 : RULES[kind].maxBytes;
}

/** Whether a file of this type is kept for a message of this kind. */
export function isAllowedMedia(kind: MediaKind, mimeType: string): boolean {
  if (kind === 'other') return false;
  return RULES[kind].types.includes(baseMimeType(mimeType));
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'audio/aac': '.aac',
  'audio/amr': '.amr',
  'audio/mpeg': '.mp3',
  'audio/mp4': '.m4a',
  'audio/ogg': '.ogg',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
  'video/mp4': '.mp4',
  'video/3gpp': '.3gp',
  'video/3gp': '.3gp',
  'text/plain': '.txt',
  'application/pdf': '.pdf',
  'application/msword': '.doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.ms-excel': '.xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/vnd.ms-powerpoint': '.ppt',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': '.pptx',
};

/**
 * The name a downloaded file is stored under: unique per message (`<message id>-<name>`), ending in the
 * extension of its checked type, so the file is served and opened as what it was checked to be, never as
 * what a customer-chosen name claims.
 */
export function storedMediaName(messageId: string, mimeType: string, fileName: string | null): string {
  const extension = EXTENSIONS[baseMimeType(mimeType)] ?? '.bin';
  const stem = (fileName ?? '')
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{N}_-]+/gu, '_')
    .slice(0, 80);
  return `${messageId}${stem === '' ? '' : `-${stem}`}${extension}`;
}

/** Human sizes for the owner: "5 MB", "500 KB". */
export function sizeText(bytes: number): string {
  if (bytes >= MB) return `${Math.round((bytes / MB) * 10) / 10} MB`;
  return `${Math.max(1, Math.round(bytes / KB))} KB`;
}

/** What went wrong, in words the owner understands, with what happens next. */
export function mediaProblemText(problem: MediaProblem, kind: MediaKind, size: number | null): string {
  switch (problem) {
    case 'too-large':
      return `The file${size === null ? '' : ` (${sizeText(size)})`} is larger than WhatsApp allows for this kind of media (${sizeText(maxMediaBytes(kind))}), so it was not downloaded.`;
    case 'wrong-type':
      return 'The file is of a type WhatsApp does not allow here, so it was not downloaded to this computer.';
    case 'connection':
      return 'The connection dropped while the file was downloading. Check the internet connection; CareWindow tries again.';
    case 'expired':
      return 'WhatsApp no longer has this file (media can be fetched for 7 days after it was sent). Ask the customer to send it again.';
    case 'not-found':
      return 'WhatsApp does not know this file. Ask the customer to send it again.';
    case 'auth':
      return 'WhatsApp refused the download: the connection to your WhatsApp account needs to be renewed in Settings.';
    case 'storage':
      return 'The file could not be saved on this computer (the disk may be full).';
    case 'no-account':
      return 'No WhatsApp account is connected, so the file cannot be downloaded. Connect one in Settings.';
    case 'unknown':
      return 'The file could not be downloaded. Try again later.';
  }
}

/** Problems that may go away by themselves: tried again automatically. */
export function isRetryableMediaProblem(problem: MediaProblem): boolean {
  return problem === 'connection' || problem === 'unknown' || problem === 'storage';
}

/**
 * The waits before automatic attempts 2, 3, 4 and 5 (30 s, 2 min, 10 min, 1 h): enough to ride out a
 * dropped connection or a busy platform, few enough that a file that cannot come stops being tried well
 * inside the 7 days it is kept; the owner can still press "Try again".
 */
export const MEDIA_RETRY_DELAYS: readonly number[] = [30 * SECOND, 2 * MINUTE, 10 * MINUTE, 60 * MINUTE];

/** When the next automatic attempt is due after `attempts` failed ones at `now`; null when none is left. */
export function nextMediaAttempt(attempts: number, now: number): number | null {
  const delay = MEDIA_RETRY_DELAYS[attempts - 1];
  return delay === undefined ? null : now + delay;
}

/**
 * The Content-Type a stored media file is served and opened as, from its extension; null for any other
 * file (never served, never opened). Chat exports add `.opus` voice notes, `.jpeg`, `.gif` and contact
 * cards (`.vcf`). Nothing here can run in the app's origin: no HTML, no SVG, no script.
 */
export function mediaContentType(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.');
  const extension = dot < 0 ? '' : fileName.slice(dot).toLowerCase();
  return SERVED_TYPES[extension] ?? null;
}

const SERVED_TYPES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(EXTENSIONS).map(([type, extension]) => [extension, type])),
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.opus': 'audio/ogg',
  '.3gp': 'video/3gpp',
  '.vcf': 'text/vcard',
  '.txt': 'text/plain; charset=utf-8',
};
