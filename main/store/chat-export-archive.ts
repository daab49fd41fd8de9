import { unzipSync } from 'fflate';
import { AppError } from '../contract/errors';

/**
 * Opens what the owner picked as a WhatsApp chat export: the `.txt` itself, or the `.zip` "Export chat →
 * Attach media" makes, holding `_chat.txt` (iPhone) or `WhatsApp Chat with Maria.txt` (Android) beside the
 * media files. Bytes in, text and media out: the parsing is the domain's (domain/chat-export).
 */
export interface ChatExportContents {
  text: string;
  /** Media files by their name in the export (no folders), as the chat's attachment lines name them. */
  media: ReadonlyMap<string, Uint8Array>;
}

/** Everything unpacked from one zip: a phone's chat with media is rarely more than a few hundred MB. */
export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CHAT_FILE = /(^|\/)(_chat\.txt|[^/]*\.txt)$/i;

export function openChatExport(bytes: Uint8Array): ChatExportContents {
  if (!ZIP_MAGIC.every((byte, i) => bytes[i] === byte)) return { text: decode(bytes), media: new Map() };
  let unpacked = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        unpacked += file.originalSize;
        return !file.name.endsWith('/') && unpacked <= MAX_UNPACKED_BYTES;
      },
    });
  } catch {
    throw new AppError({
      code: 'invalid-input',
      message:
        'This .zip file could not be opened. Export the chat from WhatsApp again and choose the new file.',
    });
  }
  if (unpacked > MAX_UNPACKED_BYTES) {
    throw new AppError({
      code: 'invalid-input',
      message: 'This .zip unpacks to more than 1 GB. Export the chat “Without media” and import that file.',
    });
  }
  const names = Object.keys(files);
  // `_chat.txt` first (iPhone), else the one text file at the top (Android names it after the chat).
  const chat =
    names.find((name) => /(^|\/)_chat\.txt$/i.test(name)) ??
    names.filter((name) => CHAT_FILE.test(name)).sort((a, b) => depth(a) - depth(b))[0];
  const chatBytes = chat === undefined ? undefined : files[chat];
  if (chat === undefined || chatBytes === undefined) {
    throw new AppError({
      code: 'invalid-input',
      message: 'This .zip holds no chat (.txt) file. Choose the file WhatsApp made with “Export chat”.',
    });
  }
  const media = new Map<string, Uint8Array>();
  for (const name of names) {
    const file = files[name];
    if (name !== chat && file !== undefined) media.set(baseName(name), file);
  }
  return { text: decode(chatBytes), media };
}

/** UTF-8, with or without a BOM (the parser takes the BOM off); a stray invalid byte becomes U+FFFD. */
function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

function depth(name: string): number {
  return name.split('/').length;
}

function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}
