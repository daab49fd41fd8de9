import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { extname, join, normalize, sep } from 'node:path';
import { protocol } from 'electron';
import { RENDERER_CSP } from '../content-security-policy';
import { CONTENT_TYPES } from '../content-types';
import { isMediaPath, mediaAnswer, mediaForRequest } from '../media-route';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // `stream`: <audio> and <video> take the media answers as streams (and seek with ranges) instead of
    // waiting for a buffered whole file.
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    },
  ]);
}

/**
 * Serves files from the built renderer folder, and the open workspace's media files at `/media/…`
 * (platform/media-route.ts); anything else is a 404.
 */
export function serveRenderer(rendererDir: string, workspaceDir: () => string | null = () => null): void {
  const root = normalize(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host === APP_HOST && isMediaPath(url.pathname))
      return serveMedia(workspaceDir(), url.pathname, request.headers.get('range'));
    const file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (url.host !== APP_HOST || !file.startsWith(root + sep))
      return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': RENDERER_CSP,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

/** A media file, streamed (a video may be 16 MB, a document 100 MB), whole or the range asked for. */
async function serveMedia(
  workspaceDir: string | null,
  pathname: string,
  range: string | null,
): Promise<Response> {
  const media = await mediaForRequest(workspaceDir, pathname);
  if (!media) return new Response('Not found', { status: 404 });
  try {
    const { size } = await stat(media.file);
    const answer = mediaAnswer(media.contentType, size, range);
    const body =
      answer.body === null
        ? null
        : (Readable.toWeb(
            createReadStream(media.file, answer.body === 'whole' ? {} : answer.body),
          ) as ReadableStream<Uint8Array>);
    return new Response(body, { status: answer.status, headers: answer.headers });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
