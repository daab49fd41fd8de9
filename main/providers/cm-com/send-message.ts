import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { OutboundRequest, SendFailure, SendOutcome } from '../../services/ports';
import { gatewayFailure, isRetryable, type CmFailure } from './error-codes';
import { postToGateway } from './cm-request';
import { gatewayNumber, type CmSettings } from './cm-settings';
import { templateButtonComponents } from '../whatsapp-formats';

/**
 * Sending through CM.com's Business Messaging API (POST /v1.0/message), as
 * https://developers.cm.com/messaging/docs/integration and …/docs/whatsapp-templates describe it:
 *   - `allowedChannels: ["WhatsApp"]`, so the gateway never falls back to a (billed) SMS;
 *   - a text is `body: { type: "auto", content }` (at most 4096 characters, …/docs/whatsapp);
 *   - a template is `richContent.conversation[0].template.whatsapp` with the account's `namespace`, the
 *     template's `element_name`, `language: { policy: "deterministic", code }` and a body component with its
 *     parameters in order (the template needs "the exact same number of variables"), then WhatsApp's own
 *     `button` components (quick-reply payloads, URL suffixes), which CM.com hands on to WhatsApp;
 *   - a template's photo, video or document header is refused: CM.com takes media by public URL only.
 * The gateway answers no message id of its own: status reports name a message by the `reference` sent with
 * it, so that reference is the provider id CareWindow follows it by.
 */

const Answer = z.object({
  errorCode: z.number().int().optional().catch(undefined),
  details: z.string().optional().catch(undefined),
  messages: z
    .array(
      z.object({
        status: z.string().optional().catch(undefined),
        reference: z.string().nullable().optional().catch(undefined),
        messageErrorCode: z.number().int().optional().catch(undefined),
        messageDetails: z.string().nullable().optional().catch(undefined),
      }),
    )
    .catch([]),
});

const POSITIONAL = /^\d+$/;

/** The template's parameters in placeholder order: positional by number, named in the template's order. */
function orderedValues(parameters: readonly { name: string; value: string }[]): string[] {
  const positional = parameters.every((p) => POSITIONAL.test(p.name));
  const ordered = positional ? [...parameters].sort((a, b) => Number(a.name) - Number(b.name)) : parameters;
  return ordered.map((p) => p.value);
}

/** The JSON of one send; `namespace` is the account's template namespace (Channels app → template details). */
export function messageBody(
  settings: CmSettings,
  request: Extract<OutboundRequest, { kind: 'text' | 'template' }>,
  reference: string,
  namespace: string,
): Record<string, unknown> {
  const msg: Record<string, unknown> = {
    from: gatewayNumber(settings.sender),
    to: [{ number: gatewayNumber(request.to) }],
    body: { type: 'auto', content: request.text },
    reference,
    allowedChannels: ['WhatsApp'],
  };
  if (request.kind === 'template') {
    const values = orderedValues(request.parameters);
    msg.richContent = {
      conversation: [
        {
          template: {
            whatsapp: {
              namespace,
              element_name: request.template.name,
              language: { policy: 'deterministic', code: request.template.language },
              components: [
                ...(values.length === 0
                  ? []
                  : [{ type: 'body', parameters: values.map((text) => ({ type: 'text', text })) }]),
                ...templateButtonComponents(request.buttons ?? []),
              ],
            },
          },
        },
      ],
    };
  }
  return { messages: { msg: [msg] } };
}

export async function sendMessage(
  settings: CmSettings,
  request: OutboundRequest,
  namespace: string,
  signal?: AbortSignal,
): Promise<SendOutcome> {
  if (request.kind === 'media') {
    return refusedHere(
      'CM.com sends photos and files only from a public web address, and CareWindow keeps your files on this computer, so it cannot send this file through CM.com',
      'Send the file from your phone, or put it online and send its link as a message.',
    );
  }
  if (request.kind === 'reaction') {
    return refusedHere(
      'CM.com’s messaging API has no way to send a reaction',
      'Reply with a short message instead.',
    );
  }
  if (request.kind === 'template' && request.header) {
    return refusedHere(
      'this template shows a photo, video or document at the top, and CM.com takes those only from a public web address, while CareWindow keeps your files on this computer',
      'Send this template from CM.com’s own tools, or choose a template without a header file.',
    );
  }
  if (request.kind === 'template' && namespace.trim() === '') {
    return refusedHere(
      'the CM.com connection has no template namespace, which CM.com needs to send a template',
      'Open Connect WhatsApp and paste the namespace from the template’s details in CM.com’s Channels app.',
    );
  }
  // Our own message id when the outbox gave one, so a status report finds the message even after a lost answer.
  const reference = request.reference ?? randomUUID();
  const response = await postToGateway(
    settings,
    messageBody(settings, request, reference, namespace),
    signal,
  );
  if (response.kind === 'not-sent') return failed(network(), null, response.detail);
  if (response.kind === 'no-answer') {
    return failed(
      {
        kind: 'timeout-after-send',
        reason: 'CM.com did not answer in time, so it is not known whether the message went out',
        action:
          'Wait for CM.com’s status report; if none arrives, check with the customer before sending again.',
      },
      null,
      response.detail,
    );
  }
  const answer = Answer.safeParse(response.body);
  const first = answer.success ? answer.data.messages[0] : undefined;
  const requestCode = answer.success ? (answer.data.errorCode ?? null) : null;
  const accepted = response.status >= 200 && response.status < 300 && first?.status === 'Accepted';
  if (accepted) return { ok: true, providerId: reference };
  // A per-message refusal says more than the request's 201 ("some messages were refused").
  const code = first?.messageErrorCode && first.messageErrorCode !== 0 ? first.messageErrorCode : requestCode;
  const title = first?.messageDetails ?? (answer.success ? (answer.data.details ?? '') : '');
  return failed(gatewayFailure(code, response.status), code, title);
}

function network(): CmFailure {
  return {
    kind: 'network',
    reason: 'CareWindow could not reach CM.com: this computer seems to be offline',
    action: 'CareWindow sends it automatically when the connection is back.',
  };
}

function refusedHere(reason: string, action: string): SendOutcome {
  return failed({ kind: 'unknown', reason, action }, null, '');
}

function failed(failure: CmFailure, code: number | null, title: string): SendOutcome {
  const detail: SendFailure = {
    kind: failure.kind,
    code,
    title: title.slice(0, 300),
    parameter: null,
    action: failure.action,
  };
  return { ok: false, reason: failure.reason, retryable: isRetryable(failure.kind), failure: detail };
}
