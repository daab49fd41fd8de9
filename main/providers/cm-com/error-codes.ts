import type { SendFailureKind } from '../../services/ports';

/**
 * CM.com's codes → what CareWindow does about them, with the owner's words. Two tables:
 *
 * 1. The gateway's answer to a send (`errorCode` for the request, `messageErrorCode` per message):
 *    https://developers.cm.com/messaging/docs/responses-errors-json, named as in CM.com's own SDK
 *    (text-sdk-php, TextClientStatusCodes: 101 authentication failed, 102 insufficient balance, 103 product
 *    token incorrect, 201 some messages refused, 202 malformed, 203 MSG array incorrect, 301–305 an invalid
 *    From/To/MSISDN/Body/field, 401 spam filtered, 402 blacklisted, 403 rejected, 500 internal, 999 unknown).
 * 2. The WhatsApp errors a status report carries in `status.errorCode`, which CM.com maps from Meta's:
 *    https://developers.cm.com/messaging/docs/whatsapp-standard-errors (51 = Meta 1, 52 = 10, 53 = 100,
 *    55 = 131000, 56 = 131008, 57 = 131009, 59 = 131026, 60 = 131031, 61 = 131042, 62 = 131047,
 *    63 = 131048, 64 = 131053). Codes past 64 are not classified: their words still reach the owner.
 */

export interface CmFailure {
  kind: SendFailureKind;
  reason: string;
  action: string;
}

const RECONNECT = 'Open Connect WhatsApp and paste the product token again from CM.com’s Channels app.';

const GATEWAY: ReadonlyMap<number, CmFailure> = new Map<number, CmFailure>([
  [101, { kind: 'auth', reason: 'CM.com did not accept the product token', action: RECONNECT }],
  [103, { kind: 'auth', reason: 'CM.com did not accept the product token', action: RECONNECT }],
  [
    102,
    {
      // Nothing goes out until the balance is topped up: the outbox waits ('permission' stops it).
      kind: 'permission',
      reason: 'the CM.com account has too little balance to send',
      action: 'Top up the balance in CM.com; waiting messages go out once you reconnect.',
    },
  ],
  [
    301,
    {
      kind: 'not-found',
      reason: 'CM.com does not accept the sender number in the connection settings',
      action: 'Open Connect WhatsApp and check the WhatsApp number CM.com registered for you.',
    },
  ],
  [302, invalidNumber()],
  [303, invalidNumber()],
  [
    304,
    {
      kind: 'invalid-parameter',
      reason: 'CM.com refused the message’s content (for a template: its name, language or placeholders)',
      action: 'Check the template’s name and placeholders against CM.com’s Channels app, then send again.',
    },
  ],
  [
    305,
    {
      kind: 'invalid-parameter',
      reason: 'CM.com refused one of the message’s fields',
      action: 'Check the template’s name and placeholders against CM.com’s Channels app, then send again.',
    },
  ],
  [401, refused('CM.com’s spam filter stopped the message')],
  [402, refused('the number is on CM.com’s block list for your account')],
  [403, refused('CM.com rejected the message')],
  [
    500,
    {
      kind: 'server',
      reason: 'CM.com had a temporary problem',
      action: 'CareWindow tries again automatically in a little while.',
    },
  ],
]);

const WHATSAPP: ReadonlyMap<number, SendFailureKind> = new Map<number, SendFailureKind>([
  [51, 'server'],
  [52, 'permission'],
  [53, 'invalid-parameter'],
  [55, 'server'],
  [56, 'invalid-parameter'],
  [57, 'invalid-parameter'],
  [60, 'permission'],
  [61, 'permission'],
  [62, 'window-closed'],
  [63, 'rate-limited'],
]);

function invalidNumber(): CmFailure {
  return {
    kind: 'unknown',
    reason: 'CM.com says the customer’s number is not a valid phone number',
    action: 'Check the contact’s number (with its country code), then send again.',
  };
}

function refused(reason: string): CmFailure {
  return {
    kind: 'unknown',
    reason,
    action: 'Check the message and the number; contact CM.com if it keeps happening.',
  };
}

/** A refused send: the gateway's code (per message first), else the HTTP status. */
export function gatewayFailure(code: number | null, httpStatus: number | null): CmFailure {
  const known = code === null ? undefined : GATEWAY.get(code);
  if (known) return known;
  // The endpoint sits behind Cloudflare (integration page): a 429 is a rate limit, a 5xx a passing problem.
  if (httpStatus === 429) {
    return {
      kind: 'rate-limited',
      reason: 'CM.com asked to slow down: too many messages in a short time',
      action: 'CareWindow sends it again automatically in a little while.',
    };
  }
  if (httpStatus !== null && httpStatus >= 500) return GATEWAY.get(500) as CmFailure;
  return {
    kind: 'unknown',
    reason: 'CM.com refused the message for a reason CareWindow does not recognise',
    action: 'Try again later; if it keeps failing, check the message and the connection settings.',
  };
}

/** The kind of a WhatsApp error in a status report (`status.errorCode`). */
export function whatsAppErrorKind(code: number | null): SendFailureKind {
  return (code === null ? undefined : WHATSAPP.get(code)) ?? 'unknown';
}

/** Whether the same request may succeed later without the owner changing anything. */
export function isRetryable(kind: SendFailureKind): boolean {
  return kind === 'rate-limited' || kind === 'server' || kind === 'network';
}
