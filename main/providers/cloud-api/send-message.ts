import { z } from 'zod';
import type { OutboundRequest, SendFailure, SendFailureKind, SendOutcome } from '../../services/ports';
import { isRetryable, kindOfCode } from './error-codes';
import { reasonFor, failureText } from './failure-text';
import { graphRequest, type GraphError } from './graph-request';
import { templateComponents } from './template-components';
export { bodyParameters } from './template-components';
import type { GraphSettings } from './graph-settings';

/**
 * Sending a text or a template through POST /{phone-number-id}/messages, as
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/send-messages and
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-messages
 * describe it.
 */

const SendAnswer = z.object({ messages: z.array(z.object({ id: z.string().min(1) })).min(1) });

/** `to` takes the number's digits: the API's examples give it without '+' or spaces. */
export function recipientDigits(e164: string): string {
  return e164.replace(/\D/g, '');
}

const POSITIONAL = /^\d+$/;

/**
 * The JSON of a send. `mediaId` is the uploaded file's id for a media request (media-upload.ts).
 * A reply carries `context.message_id`, the quoted message's wamid (messages/contextual-replies); a
 * reaction is `type: reaction` with `reaction.message_id` and `emoji`, '' to remove it, and cannot itself
 * be a reply (messages/reaction-messages). Media: `image`/`video`/`document` take `caption` (≤ 1024
 * characters), a document also `filename`; `audio` takes neither (messages/image-messages,
 * document-messages, audio-messages on developers.facebook.com/documentation/business-messaging/whatsapp).
 * A template's `mediaId` is its uploaded header file (template-components.ts).
 */
export function messageBody(request: OutboundRequest, mediaId?: string): Record<string, unknown> {
  const replyTo = request.kind === 'text' || request.kind === 'media' ? request.replyTo : undefined;
  const common = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: recipientDigits(request.to),
    // Echoed back in this message's status webhooks (statuses[].biz_opaque_callback_data, at most 512
    // characters: send-messages and webhooks/reference/messages/status), so a send whose answer was lost
    // is still matched to its message when WhatsApp reports it.
    ...(request.reference === undefined ? {} : { biz_opaque_callback_data: request.reference }),
    ...(replyTo === undefined ? {} : { context: { message_id: replyTo } }),
  };
  if (request.kind === 'text') {
    return { ...common, type: 'text', text: { preview_url: false, body: request.text } };
  }
  if (request.kind === 'reaction') {
    return {
      ...common,
      type: 'reaction',
      reaction: { message_id: request.targetProviderId, emoji: request.text },
    };
  }
  if (request.kind === 'media') {
    const { kind, fileName } = request.media;
    const caption = kind === 'audio' || request.text === '' ? {} : { caption: request.text };
    const name = kind === 'document' ? { filename: fileName } : {};
    return { ...common, type: kind, [kind]: { id: mediaId ?? '', ...caption, ...name } };
  }
  const components = templateComponents(request, mediaId);
  return {
    ...common,
    type: 'template',
    template: {
      name: request.template.name,
      language: { code: request.template.language },
      ...(components.length === 0 ? {} : { components }),
    },
  };
}

export function sendMessage(
  settings: GraphSettings,
  request: OutboundRequest,
  signal?: AbortSignal,
): Promise<SendOutcome> {
  return postMessage(settings, request, messageBody(request), signal);
}

/** POST /{phone-number-id}/messages with a body already built; the outcome classified. */
export async function postMessage(
  settings: GraphSettings,
  request: OutboundRequest,
  body: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<SendOutcome> {
  const response = await graphRequest(settings, {
    method: 'POST',
    path: `/${settings.phoneNumberId}/messages`,
    body,
    ...(signal ? { signal } : {}),
  });
  switch (response.kind) {
    case 'ok': {
      const answer = SendAnswer.safeParse(response.body);
      // A 200 without a message id: it was accepted, but there is nothing to follow it by.
      if (!answer.success) return failed('timeout-after-send', null, 'answer without a message id', null);
      const first = answer.data.messages[0];
      return first ? { ok: true, providerId: first.id } : failed('unknown', null, '', null);
    }
    case 'error':
      return fromGraphError(response.error, request);
    case 'not-sent':
      return failed('network', null, response.detail, null);
    case 'no-answer':
      return failed('timeout-after-send', null, response.detail, null);
  }
}

export function fromGraphError(error: GraphError, request: OutboundRequest): SendOutcome {
  const kind = kindOfCode(error.code, error.status);
  const parameter = kind === 'invalid-parameter' ? namedParameter(error, request) : null;
  return failed(kind, error.code, error.title, parameter);
}

/** A failure found before or around a send (an upload), in the same classified shape. */
export function failedSend(kind: SendFailureKind, code: number | null, title: string): SendOutcome {
  return failed(kind, code, title, null);
}

function failed(
  kind: SendFailureKind,
  code: number | null,
  title: string,
  parameter: string | null,
): SendOutcome {
  const failure: SendFailure = { kind, code, title, parameter, action: failureText(kind).action };
  return { ok: false, reason: reasonFor(kind, parameter), retryable: isRetryable(kind), failure };
}

/**
 * The placeholder the error's details name, if any: one of the request's parameter names as a whole
 * word, or a `{{name}}` in the details. Details are free text, so nothing is guessed beyond that.
 */
function namedParameter(error: GraphError, request: OutboundRequest): string | null {
  const text = `${error.details} ${error.title}`;
  if (request.kind === 'template') {
    const named = request.parameters.find(
      (p) => !POSITIONAL.test(p.name) && new RegExp(`\\b${escapeRegExp(p.name)}\\b`).test(text),
    );
    if (named) return named.name;
  }
  const braces = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/.exec(text);
  return braces?.[1] ?? null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
