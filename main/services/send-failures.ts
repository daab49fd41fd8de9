import type { Message, MessageFailure, SendFailureKind } from '../contract/model';
import type { SendOutcome } from './ports';

/**
 * What the owner can do about each kind of failed send, when the provider did not say (the simulator,
 * a provider that threw). The Cloud API provider gives its own words (providers/cloud-api/failure-text.ts).
 */
const DEFAULT_ACTION: Record<SendFailureKind, string> = {
  'window-closed': 'The 24-hour window has closed: send a follow-up template instead.',
  'invalid-parameter': 'Check the template’s placeholders and the contact’s fields, then send again.',
  'marketing-limit': 'Do not resend it now; a utility template still reaches the customer.',
  'marketing-stopped': 'Do not send marketing templates to this customer; service replies still reach them.',
  'rate-limited': 'CareWindow sends it again automatically in a little while.',
  auth: 'Open Connect WhatsApp and connect again; waiting messages go out once you have.',
  permission: 'Open Connect WhatsApp and connect again with a token that has the messaging permission.',
  'not-found': 'Open Connect WhatsApp and check the phone number ID and the account ID.',
  network: 'CareWindow sends it automatically when the connection is back.',
  'timeout-after-send': 'Wait for WhatsApp to report it, or choose Mark as sent or Send again.',
  server: 'CareWindow tries again automatically in a little while.',
  unknown: 'Check the message and try again.',
  undelivered: 'WhatsApp could not deliver it; check the number, or try again later.',
};

const DEFAULT_REASON: Partial<Record<SendFailureKind, string>> = {
  'timeout-after-send': 'WhatsApp did not answer, so it is not known whether the message went out',
};

/** A provider that threw instead of answering: it may have sent, so the outcome is unknown. */
export const PROVIDER_THREW: SendOutcome = {
  ok: false,
  reason: DEFAULT_REASON['timeout-after-send'] ?? '',
  retryable: false,
  failure: { kind: 'timeout-after-send', code: null, title: '', parameter: null, action: '' },
};

/** Shown on a message whose outcome is unknown, beside its "Mark as sent" and "Send again" buttons. */
export const UNCONFIRMED_ACTION =
  'It is not sent again by itself, so the customer never gets it twice. If it did not reach them, choose Send again; if it did, Mark as sent.';

/** Shown on a template whose provider answer never came: CareWindow stopped in between. */
export const UNCONFIRMED_FOLLOW_UP =
  'CareWindow closed before WhatsApp confirmed this follow-up, so it may not have reached the customer. ' +
  'It still counts as this window’s one follow-up, so it is never sent twice; the customer’s next message opens a new window.';
export const UNCONFIRMED_TEMPLATE =
  'CareWindow closed before WhatsApp confirmed this template, so it may not have reached the customer.';
export const UNCONFIRMED_TEXT =
  'CareWindow closed before WhatsApp confirmed this message, so it may not have reached the customer.';

/** The explanation for a send found under way at start (the app stopped before the answer). */
export function unconfirmedAfterRestart(message: Message): string {
  if (message.kind !== 'template') return UNCONFIRMED_TEXT;
  return message.followUp ? UNCONFIRMED_FOLLOW_UP : UNCONFIRMED_TEMPLATE;
}

/** A failure as stored on the message: the provider's words where it gave them, ours otherwise. */
export function failureOf(
  kind: SendFailureKind,
  reason: string,
  parameter: string | null,
  action?: string,
): MessageFailure {
  const words =
    reason.trim() !== '' ? reason : (DEFAULT_REASON[kind] ?? 'WhatsApp did not accept this message');
  return {
    kind,
    reason: words
      .replace(/^(Not sent:\s*)+/i, '')
      .replace(/\.$/, '')
      .slice(0, 1000),
    action: (action !== undefined && action.trim() !== '' ? action : DEFAULT_ACTION[kind]).slice(0, 1000),
    parameter,
  };
}
