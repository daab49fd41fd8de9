import { baseMimeType } from '../../domain/media-rules';
import type { MediaFetch, MediaSource } from '../../services/ports';
import { bodyChunks, contentLength, mediaFailure } from '../media-body';
import type { CmSettings } from './cm-settings';

/**
 * An inbound media file from CM.com: the message names it by a URL on CM.com's file proxy
 * (https://cdn-N.messaging.cm.com/fileproxy/files/…, https://developers.cm.com/messaging/docs/whatsapp-inbound),
 * fetched as is: no token is sent, so only https addresses on cm.com (or the configured gateway's own
 * host, a fake one in tests) are fetched, and no redirect is followed.
 */
const BODY_TIMEOUT_MS = 120_000;

export async function fetchMedia(
  settings: CmSettings,
  uri: string,
  accept: Parameters<MediaSource['fetchMedia']>[1],
  signal?: AbortSignal,
): Promise<MediaFetch> {
  let target: URL;
  try {
    target = new URL(uri);
  } catch {
    return mediaFailure('unknown', null, 'the media address is not a url');
  }
  const gateway = new URL(settings.baseUrl);
  const onCm =
    target.protocol === 'https:' && (target.hostname === 'cm.com' || target.hostname.endsWith('.cm.com'));
  if (!onCm && target.origin !== gateway.origin)
    return mediaFailure('unknown', null, 'the media address is not on cm.com');
  const timeout = AbortSignal.timeout(BODY_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(target, {
      signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
      redirect: 'error',
    });
  } catch {
    return mediaFailure('connection', null, 'the download could not start');
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    if (response.status === 404 || response.status === 410)
      return mediaFailure('expired', null, `answered ${response.status}`);
    if (response.status >= 500) return mediaFailure('connection', null, `answered ${response.status}`);
    return mediaFailure('unknown', null, `answered ${response.status}`);
  }
  const size = contentLength(response);
  const mimeType = baseMimeType(response.headers.get('content-type') ?? 'application/octet-stream');
  const refused = accept({ mimeType, size });
  if (refused) {
    await response.body?.cancel().catch(() => undefined);
    return mediaFailure(refused, size, 'refused before download');
  }
  return { ok: true, mimeType, size, sha256: null, body: bodyChunks(response) };
}
