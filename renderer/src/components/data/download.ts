import type { ExportFile } from '../../../../main/contract/exports';

/**
 * Offers an export as a download: a Blob and a temporary <a download>. Kept in the renderer for now; a
 * save dialog in the main process would let the owner pick the folder (and stream very large exports).
 */
export function downloadFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has handed the file over; revoking at once can cancel the download in Chromium.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file's bytes as base64, for the import calls (the contract carries text only). */
export async function fileAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}
