import type { ContactsCsvPreview } from '../../contract/contacts-csv';

export type CsvEncoding = ContactsCsvPreview['encoding'];

const BOM = [0xef, 0xbb, 0xbf];

/**
 * The text of a CSV file, decided from its bytes: a UTF-8 BOM says UTF-8; bytes that are valid UTF-8 are
 * UTF-8 (Windows-1252 text with é or € is almost never valid UTF-8 by accident); anything else is what
 * Excel on Windows saves, Windows-1252.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (BOM.every((b, i) => bytes[i] === b)) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8 with BOM' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: windows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Windows-1252 by hand: Node's TextDecoder built with small ICU reads the label as Latin-1, which turns
 * € (0x80) and the curly quotes into control characters. 0x80–0x9F are the only bytes that differ.
 */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function windows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += byte >= 0x80 && byte <= 0x9f ? (HIGH[byte - 0x80] ?? '') : String.fromCharCode(byte);
  }
  return text;
}
