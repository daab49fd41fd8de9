import { z } from 'zod';
import type { OutboundRequest, MediaUpload, SendOutcome } from '../../services/ports';
import { graphRequest } from './graph-request';
import type { GraphSettings } from './graph-settings';
import { fromGraphError, failedSend, messageBody, postMessage } from './send-message';

/**
 * A media message: the file is uploaded first, then sent by the id the upload returned.
 * Upload: POST /{phone-number-id}/media as multipart/form-data with `messaging_product=whatsapp`, `type`
 * (the MIME type) and `file`; the answer is `{ "id": "<MEDIA_ID>" }` (Cloud API Media reference, "Upload
 * media": https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#upload-media). Uploaded
 * media is kept by the platform for 30 days, so a send retried later uploads again rather than keeping ids.
 */

const UploadAnswer = z.object({ id: z.string().min(1) });

type MediaRequest = Extract<OutboundRequest, { kind: 'media' }>;
type TemplateRequest = Extract<OutboundRequest, { kind: 'template' }>;

/** Uploads one file; `request` is the send it belongs to, for how a refusal is classified. */
export async function uploadMedia(
  settings: GraphSettings,
  request: OutboundRequest,
  file: { mimeType: string; fileName: string },
  upload: MediaUpload,
  signal?: AbortSignal,
): Promise<{ ok: true; id: string } | { ok: false; outcome: SendOutcome }> {
  const form = new FormData();
  form.set('messaging_product', 'whatsapp');
  form.set('type', file.mimeType);
  // A copy into a plain ArrayBuffer: a Blob part must not share a larger (pooled) buffer.
  const bytes = new Uint8Array(upload.bytes.byteLength);
  bytes.set(upload.bytes);
  form.set('file', new Blob([bytes], { type: file.mimeType }), file.fileName);
  const response = await graphRequest(settings, {
    method: 'POST',
    path: `/${settings.phoneNumberId}/media`,
    body: form,
    ...(signal ? { signal } : {}),
  });
  switch (response.kind) {
    case 'ok': {
      const answer = UploadAnswer.safeParse(response.body);
      // An upload is not a message: without an id nothing reached the customer, so it is safe to retry.
      return answer.success
        ? { ok: true, id: answer.data.id }
        : { ok: false, outcome: failedSend('network', null, 'upload answer without a media id') };
    }
    case 'error':
      return { ok: false, outcome: fromGraphError(response.error, request) };
    // Nothing reaches the customer until the message itself is sent, so a lost upload answer is retried.
    case 'not-sent':
    case 'no-answer':
      return { ok: false, outcome: failedSend('network', null, response.detail) };
  }
}

/** Uploads the file, then sends the message that carries it. */
export async function sendMediaMessage(
  settings: GraphSettings,
  request: MediaRequest,
  upload: MediaUpload | undefined,
  signal?: AbortSignal,
): Promise<SendOutcome> {
  if (!upload) return failedSend('unknown', null, 'the file to send was not handed over');
  const uploaded = await uploadMedia(settings, request, request.media, upload, signal);
  if (!uploaded.ok) return uploaded.outcome;
  return postMessage(settings, request, messageBody(request, uploaded.id), signal);
}

/**
 * A template: one with a photo, video or document header uploads that file first, the same way, and
 * names it by id in the header component (template-components.ts); others go straight out.
 */
export async function sendTemplateMessage(
  settings: GraphSettings,
  request: TemplateRequest,
  upload: MediaUpload | undefined,
  signal?: AbortSignal,
): Promise<SendOutcome> {
  if (!request.header) return postMessage(settings, request, messageBody(request), signal);
  if (!upload) return failedSend('unknown', null, 'the template’s header file was not handed over');
  const uploaded = await uploadMedia(settings, request, request.header, upload, signal);
  if (!uploaded.ok) return uploaded.outcome;
  return postMessage(settings, request, messageBody(request, uploaded.id), signal);
}
