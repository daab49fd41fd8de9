import type { MediaProblem } from '../../contract/model';
import type { MediaFetch, MediaSource } from '../../services/ports';
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
    return fail('unknown', null, 'the media address is not a url');
  }
  const gateway = new URL(settings.baseUrl);
  const onCm =
    target.protocol === 'https:' && (target.hostname === 'cm.com' || target.hostname.endsWith('.cm.com'));
  if (!onCm && target.origin !== gateway.origin)
    return fail('unknown', null, 'the media address is not on cm.com');
  const timeout = AbortSignal.timeout(BODY_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(target, {
      signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
      redirect: 'error',
    });
  } catch {
    return fail('connection', null, 'the download could not start');
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    if (response.status === 404 || response.status === 410)
      return fail('expired', null, `answered ${response.status}`);
    if (response.status >= 500) return fail('connection', null, `answered ${response.status}`);
    return fail('unknown', null, `answered ${response.status}`);
  }
  const header = response.headers.get('content-length');
  const size = header !== null && /^\d+$/.test(header) ? Number(header) : null;
  const mimeType =
    (response.headers.get('content-type') ?? 'application/octet-stream')
      .split(';')[0]
      ?.trim()
      .toLowerCase() ?? '';
  const refused = accept({ mimeType, size });
  if (refused) {
    await response.body?.cancel().catch(() => undefined);
    return fail(refused, size, 'refused before download');
  }
  return { ok: true, mimeType, size, sha256: null, body: chunks(response) };
}

function fail(problem: MediaProblem, size: number | null, detail: string): MediaFetch {
  return { ok: false, problem, size, detail };
}

async function* chunks(response: Response): AsyncGenerator<Uint8Array> {
  if (!response.body) return;
  const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
