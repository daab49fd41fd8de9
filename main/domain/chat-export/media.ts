/**
 * What a message body says about media, in the forms "Export chat" writes them (any capitalisation):
 *   without media   <Media omitted>  <Media weggelaten>  <Medien ausgeschlossen>      (Android)
 *                   image omitted  video omitted  afbeelding weggelaten  Bild weggelassen    (iOS)
 *   with media      IMG-20240101-WA0001.jpg (file attached)  … (Datei angehängt)  … (bestand bijgevoegd)
 *                   <attached: 00000012-PHOTO-2024-01-01-10-00-00.jpg>  <Anhang: …>  <bijgevoegd: …>
 * Only the first line of a body is looked at: a caption follows on the next lines. Pure.
 */

export type MediaKind = 'image' | 'video' | 'audio' | 'sticker' | 'document' | 'other';

export interface MediaRef {
  kind: MediaKind;
  /** The file's name in the export (with media), or null when the export left it out. */
  fileName: string | null;
}

/** "<Media omitted>" and its translations: one or two words in angle brackets. */
const OMITTED_PLACEHOLDER =
  /^<(?:media|medien|médias?|mídia|multimedia|medya|bestand|file|archivo|fichier|ficheiro)\s+[\p{L}]+>$/iu;
/** iOS: "<kind> omitted" in the phone's language. */
const OMITTED_WORD =
  /^(\p{L}+(?:\s\p{L}+)?)\s+(?:omitted|weggelaten|weggelassen|ausgeschlossen|omitida|omitido|omis|omise|omessa|omesso|omitidos?|pominięto|utelatt|utelämnad)$/iu;
/** iOS with media: "<attached: file.jpg>" in the phone's language. */
const ATTACHED_TAG = /^<\s*[\p{L}\s]{2,30}:\s*([^<>]+?)\s*>$/u;
/** Android with media: "file.jpg (file attached)" in the phone's language. */
const FILE_ATTACHED =
  /^(.+?\.[A-Za-z0-9]{1,5})\s+\((?:[^()]{0,10}\s)?(?:file|datei|bestand|archivo|fichier|arquivo|ficheiro|file allegato|dosya)[^()]{0,30}\)$/iu;

const LEADING_MARKS = /^[\u200E\u200F\u202A-\u202E\u2066-\u2069]+/u;

/** The media a body's first line names, or null when it is ordinary text. */
export function mediaOf(firstLine: string): MediaRef | null {
  const line = firstLine.replace(LEADING_MARKS, '').trim();
  if (line.length === 0 || line.length > 300) return null;
  // Most lines are words: only a tag, a "(file attached)" or a short "… omitted" can be media.
  if (!line.endsWith('>') && !line.endsWith(')') && line.length > 40) return null;
  const attached = ATTACHED_TAG.exec(line)?.[1] ?? FILE_ATTACHED.exec(line)?.[1];
  if (attached !== undefined) return { kind: kindOfFile(attached), fileName: attached };
  if (OMITTED_PLACEHOLDER.test(line)) return { kind: 'other', fileName: null };
  const word = OMITTED_WORD.exec(line)?.[1];
  if (word !== undefined) return { kind: kindOfWord(word), fileName: null };
  return null;
}

const BY_EXTENSION: Record<string, MediaKind> = {
  jpg: 'image',
  jpeg: 'image',
  png: 'image',
  heic: 'image',
  gif: 'image',
  mp4: 'video',
  mov: 'video',
  '3gp': 'video',
  m4v: 'video',
  opus: 'audio',
  m4a: 'audio',
  mp3: 'audio',
  ogg: 'audio',
  aac: 'audio',
  wav: 'audio',
  pdf: 'document',
  doc: 'document',
  docx: 'document',
  xls: 'document',
  xlsx: 'document',
  ppt: 'document',
  pptx: 'document',
  txt: 'document',
  csv: 'document',
  vcf: 'document',
};

/** From WhatsApp's own file names (STK-, PHOTO, AUDIO…) first, then the extension. */
export function kindOfFile(fileName: string): MediaKind {
  const upper = fileName.toUpperCase();
  if (upper.startsWith('STK-') || upper.includes('-STICKER-')) return 'sticker';
  if (upper.endsWith('.WEBP')) return 'sticker';
  if (upper.includes('-PHOTO-')) return 'image';
  if (upper.includes('-VIDEO-')) return 'video';
  if (upper.includes('-AUDIO-') || upper.startsWith('PTT-') || upper.startsWith('AUD-')) return 'audio';
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return BY_EXTENSION[extension] ?? 'other';
}

const BY_WORD: readonly (readonly [RegExp, MediaKind])[] = [
  [/^(image|afbeelding|bild|imagen|imagem|immagine|photo|foto)/iu, 'image'],
  [/^(video|vídeo|vidéo)/iu, 'video'],
  [/^(audio|áudio)/iu, 'audio'],
  [/^(sticker|gif)/iu, 'sticker'],
  [/^(document|dokument|documento|contact card)/iu, 'document'],
];

function kindOfWord(word: string): MediaKind {
  return BY_WORD.find(([pattern]) => pattern.test(word))?.[1] ?? 'other';
}
