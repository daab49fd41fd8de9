import type { SendFailureKind } from '../../services/ports';

/**
 * What each kind of failure means for the owner and what to do, in plain words. The outbox shows
 * `reason` on the message (bubble, list preview, Follow-ups); `action` is the button or hint beside it.
 */
const TEXT: Record<SendFailureKind, { reason: string; action: string }> = {
  'window-closed': {
    reason: 'the 24-hour window closed: the customer last wrote more than 24 hours ago',
    action:
      'Send a follow-up template instead; a normal message can be sent again once the customer replies.',
  },
  'invalid-parameter': {
    reason: 'WhatsApp refused the template because a placeholder was missing or not valid',
    action: 'Check the placeholder values of this template and the contact’s fields, then send again.',
  },
  'marketing-limit': {
    reason:
      'WhatsApp did not deliver this marketing message: the customer has received as many marketing messages as WhatsApp allows for now',
    action:
      'Do not resend it now; try again in a few days, or send a utility template if this is about an order.',
  },
  'marketing-stopped': {
    reason: 'the customer has turned off marketing messages from your business in WhatsApp',
    action: 'Do not send marketing templates to this customer; service replies still reach them.',
  },
  'rate-limited': {
    reason: 'WhatsApp asked to slow down: too many messages were sent in a short time',
    action: 'CareWindow sends it again automatically in a little while.',
  },
  auth: {
    reason: 'WhatsApp did not accept the access token: it has expired or was revoked',
    action: 'Open Connect WhatsApp and paste a new access token.',
  },
  permission: {
    reason: 'the access token is missing a permission WhatsApp needs for this',
    action:
      'Give the token the whatsapp_business_messaging and whatsapp_business_management permissions in Meta Business Settings, then paste it again.',
  },
  'not-found': {
    reason: 'WhatsApp does not know the phone number ID or account ID in the connection settings',
    action: 'Open Connect WhatsApp and check the phone number ID and the WhatsApp Business Account ID.',
  },
  network: {
    reason: 'CareWindow could not reach WhatsApp: this computer seems to be offline',
    action: 'CareWindow sends it automatically when the connection is back.',
  },
  'timeout-after-send': {
    reason: 'WhatsApp did not answer in time, so it is not known whether the message went out',
    action:
      'Wait for WhatsApp to report it; if it does not arrive, check with the customer before sending again, so they do not get it twice.',
  },
  server: {
    reason: 'WhatsApp had a temporary problem',
    action: 'CareWindow tries again automatically in a little while.',
  },
  unknown: {
    reason: 'WhatsApp refused the message for a reason CareWindow does not recognise',
    action: 'Try again later; if it keeps failing, check the message and the connection settings.',
  },
};

export function failureText(kind: SendFailureKind): { reason: string; action: string } {
  return TEXT[kind];
}

/** The reason with the placeholder WhatsApp named, when it named one. */
export function reasonFor(kind: SendFailureKind, parameter: string | null): string {
  const { reason } = TEXT[kind];
  if (kind === 'invalid-parameter' && parameter !== null) {
    return `WhatsApp refused the template because of the placeholder {${parameter}}: it was missing or not valid`;
  }
  return reason;
}
