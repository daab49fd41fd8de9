import { z } from 'zod';
import { exampleUrl, type TemplateSpec } from '../../domain/templates/submission-rules';
import type { TemplateSubmitOutcome, TemplateSubmitRequest } from '../../services/template-ports';
import { graphRequest, type GraphError } from './graph-request';
import type { GraphSettings } from './graph-settings';

/**
 * Submitting a template for approval: POST /{waba-id}/message_templates with its name, language,
 * category, `parameter_format` and components, each parameter with its example, as
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components and
 * …/templates/template-management describe; the answer is `{ id, status, category }`.
 *
 * A photo, video or document header needs a sample uploaded through the Resumable Upload API
 * (https://developers.facebook.com/docs/graph-api/resumable-upload-api): POST /{app-id}/uploads with
 * file_name, file_length and file_type opens a session `upload:…`; POST /{session} with the bytes,
 * `Authorization: OAuth <token>` and `file_offset: 0` answers `{ h }`, the `header_handle`. The app id is
 * the one the access token belongs to (GET /app).
 */

const Created = z.object({
  id: z.string().min(1),
  status: z.string().optional(),
  category: z.string().optional(),
});
const AppAnswer = z.object({ id: z.string().min(1) });
const SessionAnswer = z.object({ id: z.string().min(1) });
const HandleAnswer = z.object({ h: z.string().min(1) });

/** The JSON the platform takes for this template; `headerHandle` for a media header. */
export function creationPayload(spec: TemplateSpec, headerHandle: string | null): Record<string, unknown> {
  const named = spec.parameterFormat === 'named';
  const components: Record<string, unknown>[] = [];
  const header = spec.header;
  if (header?.format === 'text') {
    const example = header.example;
    components.push({
      type: 'HEADER',
      format: 'TEXT',
      text: header.text,
      ...(example === null
        ? {}
        : named
          ? { example: { header_text_named_params: [{ param_name: example.key, example: example.example }] } }
          : { example: { header_text: [example.example] } }),
    });
  } else if (header) {
    components.push({
      type: 'HEADER',
      format: header.format.toUpperCase(),
      example: { header_handle: [headerHandle ?? ''] },
    });
  }
  components.push({
    type: 'BODY',
    text: spec.body,
    ...(spec.bodyExamples.length === 0
      ? {}
      : named
        ? {
            example: {
              body_text_named_params: spec.bodyExamples.map((e) => ({
                param_name: e.key,
                example: e.example,
              })),
            },
          }
        : // Positional examples are one list in number order: body_text: [["Ann", "12"]].
          {
            example: {
              body_text: [
                [...spec.bodyExamples].sort((a, b) => Number(a.key) - Number(b.key)).map((e) => e.example),
              ],
            },
          }),
  });
  if (spec.footer !== null) components.push({ type: 'FOOTER', text: spec.footer });
  if (spec.buttons.length > 0) {
    components.push({
      type: 'BUTTONS',
      buttons: spec.buttons.map((b) => {
        if (b.type === 'quick_reply') return { type: 'QUICK_REPLY', text: b.text };
        if (b.type === 'phone_number') return { type: 'PHONE_NUMBER', text: b.text, phone_number: b.phone };
        // A URL with its {{1}} takes the full example URL for review.
        return {
          type: 'URL',
          text: b.text,
          url: b.url,
          ...(b.example === '' ? {} : { example: [exampleUrl(b)] }),
        };
      }),
    });
  }
  return {
    name: spec.name,
    language: spec.language,
    category: spec.category.toUpperCase(),
    parameter_format: named ? 'NAMED' : 'POSITIONAL',
    components,
  };
}

export async function createTemplate(
  settings: GraphSettings,
  request: TemplateSubmitRequest,
  signal?: AbortSignal,
): Promise<TemplateSubmitOutcome> {
  let handle: string | null = null;
  if (request.spec.header !== null && request.spec.header.format !== 'text') {
    if (!request.sample)
      return {
        ok: false,
        kind: 'refused',
        reason: 'The sample file of the header is missing.',
        action: 'Choose the sample again.',
      };
    const uploaded = await uploadSample(settings, request.sample, signal);
    if (!uploaded.ok) return uploaded;
    handle = uploaded.handle;
  }
  const response = await graphRequest(settings, {
    method: 'POST',
    path: `/${settings.wabaId}/message_templates`,
    body: creationPayload(request.spec, handle),
    ...(signal ? { signal } : {}),
  });
  switch (response.kind) {
    case 'ok': {
      const created = Created.safeParse(response.body);
      if (!created.success) return unknownOutcome('WhatsApp’s answer had no template id');
      return {
        ok: true,
        remoteId: created.data.id,
        status: created.data.status ?? 'PENDING',
        category: created.data.category ?? null,
      };
    }
    case 'error':
      return refusal(response.error);
    case 'not-sent':
      return networkOutcome();
    case 'no-answer':
      return unknownOutcome(response.detail);
  }
}

type Upload = { ok: true; handle: string } | Extract<TemplateSubmitOutcome, { ok: false }>;

async function uploadSample(
  settings: GraphSettings,
  sample: NonNullable<TemplateSubmitRequest['sample']>,
  signal?: AbortSignal,
): Promise<Upload> {
  const withSignal = signal ? { signal } : {};
  const app = await graphRequest(settings, {
    method: 'GET',
    path: '/app',
    query: { fields: 'id' },
    ...withSignal,
  });
  const appId = app.kind === 'ok' ? AppAnswer.safeParse(app.body) : null;
  if (app.kind !== 'ok' || !appId?.success) return uploadFailed(app.kind === 'error' ? app.error : null);
  const session = await graphRequest(settings, {
    method: 'POST',
    path: `/${appId.data.id}/uploads`,
    query: {
      file_name: sample.fileName,
      file_length: String(sample.bytes.byteLength),
      file_type: sample.mimeType,
    },
    ...withSignal,
  });
  const sessionId = session.kind === 'ok' ? SessionAnswer.safeParse(session.body) : null;
  if (session.kind !== 'ok' || !sessionId?.success)
    return uploadFailed(session.kind === 'error' ? session.error : null);
  const sent = await graphRequest(settings, {
    method: 'POST',
    path: `/${sessionId.data.id}`,
    headers: { authorization: `OAuth ${settings.accessToken}`, file_offset: '0' },
    body: sample.bytes,
    ...withSignal,
  });
  const handle = sent.kind === 'ok' ? HandleAnswer.safeParse(sent.body) : null;
  if (sent.kind !== 'ok' || !handle?.success) return uploadFailed(sent.kind === 'error' ? sent.error : null);
  return { ok: true, handle: handle.data.h };
}

function uploadFailed(error: GraphError | null): Extract<TemplateSubmitOutcome, { ok: false }> {
  if (error && isAuth(error)) return authOutcome();
  // Nothing was submitted yet: the template itself is only created after the upload.
  return {
    ok: false,
    kind: 'network',
    reason: `The sample file could not be uploaded to WhatsApp${error ? ` (${error.title})` : ''}. Nothing was submitted.`,
    action: 'Check the internet connection and submit again.',
  };
}

const isAuth = (e: GraphError) =>
  e.code === 190 || e.code === 10 || e.code === 200 || e.status === 401 || e.status === 403;

/** The platform's refusal in its own words for a person (error_user_msg), else its title and details. */
function refusal(error: GraphError): Extract<TemplateSubmitOutcome, { ok: false }> {
  if (isAuth(error)) return authOutcome();
  const words = [error.userTitle, error.userMessage].filter((w): w is string => w !== undefined && w !== '');
  const said =
    words.length > 0 ? words.join(': ') : [error.title, error.details].filter((w) => w !== '').join(' — ');
  const code =
    error.code === null ? '' : ` (WhatsApp error ${error.code}${error.subcode ? `/${error.subcode}` : ''})`;
  return {
    ok: false,
    kind: 'refused',
    reason: `WhatsApp did not accept the template: ${said || 'no reason given'}${code}.`,
    action: 'Change what it names and submit again. Nothing was created on your account.',
  };
}

function authOutcome(): Extract<TemplateSubmitOutcome, { ok: false }> {
  return {
    ok: false,
    kind: 'auth',
    reason: 'WhatsApp refused CareWindow’s access token for creating templates.',
    action: 'Reconnect in Settings with a token that has the whatsapp_business_management permission.',
  };
}

function networkOutcome(): Extract<TemplateSubmitOutcome, { ok: false }> {
  return {
    ok: false,
    kind: 'network',
    reason: 'CareWindow could not reach WhatsApp. Nothing was submitted.',
    action: 'Check the internet connection and submit again.',
  };
}

function unknownOutcome(detail: string): Extract<TemplateSubmitOutcome, { ok: false }> {
  return {
    ok: false,
    kind: 'unknown',
    reason: `WhatsApp did not answer clearly (${detail}); the template may have been created.`,
    action: 'Sync templates from WhatsApp before submitting it again.',
  };
}
