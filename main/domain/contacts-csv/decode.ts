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
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
