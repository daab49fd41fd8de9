import { z } from 'zod';
import type { MediaProblem } from '../../contract/model';
import { baseMimeType } from '../../domain/media-rules';
import type { MediaFetch } from '../../services/ports';
import { bodyChunks, contentLength, mediaFailure } from '../media-body';
import { graphRequest, type GraphResponse } from './graph-request';
import type { GraphSettings } from './graph-settings';

/**
 * Fetching an inbound media file, as the Cloud API's Media reference describes it
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#retrieve-media-url and
 * #download-media):
 *   1. GET /{media-id} with the token → { url, mime_type, sha256, file_size, id } ("file_size" may be a
 *      string). The url is valid for 5 minutes; media ids from webhooks can be fetched for 7 days.
 *   2. GET url with the same bearer token (without it the request fails) → the bytes.
 * The type and size the platform reports are checked (`accept`) before a byte is downloaded; the
 * Content-Length and Content-Type of the download are checked again, and the caller counts the bytes as
 * they come. An expired url (an answer 401/403/404/410 to step 2) is fetched anew once.
 */

const Metadata = z.object({
  url: z.string().min(1),
  mime_type: z.string().min(1),
  sha256: z.string().optional().catch(undefined),
  file_size: z
    .union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)])
    .optional()
    .catch(undefined),
});

/** Long enough for 100 MB on a slow line; the caller's signal (shutdown) ends it sooner. */
const BODY_TIMEOUT_MS = 15 * 60 * 1000;

type Accept = (meta: { mimeType: string; size: number | null }) => MediaProblem | null;

export async function fetchMedia(
  settings: GraphSettings,
  mediaId: string,
  accept: Accept,
  signal?: AbortSignal,
): Promise<MediaFetch> {
  for (let round = 0; ; round++) {
    const meta = await graphRequest(settings, {
      method: 'GET',
      path: `/${encodeURIComponent(mediaId)}`,
      query: { phone_number_id: settings.phoneNumberId },
      ...(signal ? { signal } : {}),
    });
    if (meta.kind !== 'ok') return metadataFailure(meta);
    const parsed = Metadata.safeParse(meta.body);
    if (!parsed.success) return mediaFailure('unknown', null, 'the media answer could not be read');
    const { url, mime_type, sha256, file_size } = parsed.data;
    const size = file_size ?? null;
    const refused = accept({ mimeType: baseMimeType(mime_type), size });
    if (refused) return mediaFailure(refused, size, 'refused by its reported type or size');
    const download = await openDownload(settings, url, signal);
    if (download.kind === 'expired' && round === 0) continue;
    if (download.kind === 'expired') return mediaFailure('expired', size, 'the download link expired twice');
    if (download.kind === 'failed') return mediaFailure(download.problem, size, download.detail);
    const { response } = download;
    const length = contentLength(response);
    const answeredType = response.headers.get('content-type');
    // A type the download itself claims is checked too; the metadata's type wins when it has none.
    const mimeType = baseMimeType(answeredType && answeredType !== '' ? answeredType : mime_type);
    const again = accept({ mimeType, size: length ?? size });
    if (again) {
      await response.body?.cancel().catch(() => undefined);
      return mediaFailure(again, length ?? size, 'refused by the download answer');
    }
    return { ok: true, mimeType, size: length ?? size, sha256: sha256 ?? null, body: bodyChunks(response) };
  }
}

type Download =
  | { kind: 'ok'; response: Response }
  | { kind: 'expired' }
  | { kind: 'failed'; problem: MediaProblem; detail: string };

async function openDownload(settings: GraphSettings, url: string, signal?: AbortSignal): Promise<Download> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { kind: 'failed', problem: 'unknown', detail: 'the media url is not a url' };
  }
  // The token goes only over https, or to the configured Graph host itself (the fake one in tests).
  const base = new URL(settings.baseUrl);
  if (target.protocol !== 'https:' && target.origin !== base.origin) {
    return { kind: 'failed', problem: 'unknown', detail: 'the media url is not https' };
  }
  const timeout = AbortSignal.timeout(BODY_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(target, {
      headers: { authorization: `Bearer ${settings.accessToken}` },
      signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
      // A redirect could carry the token elsewhere: none is followed.
      redirect: 'error',
    });
  } catch {
    return { kind: 'failed', problem: 'connection', detail: 'the download could not start' };
  }
  if (response.ok) return { kind: 'ok', response };
  await response.body?.cancel().catch(() => undefined);
  if ([401, 403, 404, 410].includes(response.status)) return { kind: 'expired' };
  return { kind: 'failed', problem: 'unknown', detail: `the download was answered ${response.status}` };
}

function metadataFailure(response: Exclude<GraphResponse, { kind: 'ok' }>): MediaFetch {
  if (response.kind === 'not-sent' || response.kind === 'no-answer') {
    return mediaFailure('connection', null, response.detail);
  }
  const { status, code } = response.error;
  if (code === 190 || status === 401) return mediaFailure('auth', null, `Graph error ${code ?? status}`);
  // An id past its 7 days, or one the platform does not know: "Unsupported get request" (code 100).
  if (status === 404 || code === 100) return mediaFailure('expired', null, `Graph error ${code ?? status}`);
  if (status >= 500) return mediaFailure('connection', null, `Graph error ${code ?? status}`);
  return mediaFailure('unknown', null, `Graph error ${code ?? status}`);
}
