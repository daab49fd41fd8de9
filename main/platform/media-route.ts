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
 * and a policy that lets the file do nothing even if opened on its own. `Accept-Ranges` tells an
 * `<audio>`/`<video>` it may ask for a part, which is how it seeks.
 */
export function mediaHeaders(contentType: string, size: number): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Length': String(size),
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

/** Which bytes of a file of `size` bytes a `Range` header asks for (RFC 9110 §14.1.2, §14.2). */
export type ByteRange =
  { kind: 'whole' } | { kind: 'part'; start: number; end: number } | { kind: 'unsatisfiable' };

const BYTE_RANGE = /^bytes=(\d*)-(\d*)$/;

/**
 * One range, first-last, first- or -suffix; the last byte is clamped to the file. What cannot be read as
 * one byte range (another unit, several ranges, bad syntax) is answered with the whole file, which
 * RFC 9110 allows ("a server MAY ignore the Range header field"); a range starting past the end, or an
 * empty suffix, cannot be satisfied (416).
 */
export function byteRange(header: string | null | undefined, size: number): ByteRange {
  const match = header ? BYTE_RANGE.exec(header.trim()) : null;
  if (!match) return { kind: 'whole' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'whole' };
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end };
}

/** How a media request is answered: status, headers, and the bytes to send (null: none). */
export interface MediaAnswer {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  /** Inclusive byte offsets to stream; null for no body (416), 'whole' for the whole file. */
  body: { start: number; end: number } | 'whole' | null;
}

/** The answer both hosts give a media request carrying this `Range` header (or none). */
export function mediaAnswer(
  contentType: string,
  size: number,
  range: string | null | undefined,
): MediaAnswer {
  const wanted = byteRange(range, size);
  const headers = mediaHeaders(contentType, size);
  if (wanted.kind === 'whole') return { status: 200, headers, body: 'whole' };
  if (wanted.kind === 'unsatisfiable') {
    return {
      status: 416,
      headers: { ...headers, 'Content-Length': '0', 'Content-Range': `bytes */${size}` },
      body: null,
    };
  }
  const { start, end } = wanted;
  return {
    status: 206,
    headers: {
      ...headers,
      'Content-Length': String(end - start + 1),
      'Content-Range': `bytes ${start}-${end}/${size}`,
    },
    body: { start, end },
  };
}
