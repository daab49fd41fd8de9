import { mediaContentType } from '../domain/media-rules';
import { mediaFileForUrlPath } from '../store/media-files';

/**
 * The media files of the open workspace, as both hosts serve them at `/media/<contact folder>/<file>`
 * (platform/electron/app-protocol.ts in the app, platform/preview/host.ts in the preview): only files
 * inside that workspace's media folder (store/media-files.ts refuses `..`, encoded separators and links
 * leading out), only types CareWindow knows as media (never HTML, SVG or script, whatever the name), never
 * a remote URL. The renderer's CSP is not touched: these are the app's own origin ('self').
 */

export const MEDIA_PREFIX = '/media/';

export function isMediaPath(pathname: string): boolean {
  return pathname.startsWith(MEDIA_PREFIX);
}

/** The file to send and its type, or null for "Not found" (outside the folder, unknown type, no workspace). */
export async function mediaForRequest(
  workspaceDir: string | null,
  pathname: string,
): Promise<{ file: string; contentType: string } | null> {
  if (workspaceDir === null || !isMediaPath(pathname)) return null;
  const file = await mediaFileForUrlPath(workspaceDir, pathname);
  const contentType = file === null ? null : mediaContentType(file);
  return file === null || contentType === null ? null : { file, contentType };
}

/**
 * Headers of a media answer: its checked type, no sniffing (a "photo" is never run as something else),
 * and a policy that lets the file do nothing even if opened on its own.
 */
export function mediaHeaders(contentType: string, size: number): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Length': String(size),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}
