import type { AccountCredentials } from '../../../../main/contract/account';
import type { CredentialField } from './CredentialsForm';

export type CredentialKey = keyof AccountCredentials;

/** The four inputs, in order, with where the owner finds each value (Meta's screens, as of 2026). */
export const CREDENTIAL_FIELDS: ReadonlyArray<CredentialField<CredentialKey>> = [
  {
    key: 'phoneNumberId',
    id: 'connect-phone-number-id',
    label: 'Phone number ID',
    hint: 'WhatsApp Manager → API Setup: the ID under your number (not the number itself).',
    secret: false,
    numeric: true,
    missing: 'Paste the phone number ID.',
  },
  {
    key: 'wabaId',
    id: 'connect-waba-id',
    label: 'WhatsApp Business Account ID',
    hint: 'On the same API Setup page.',
    secret: false,
    numeric: true,
    missing: 'Paste the WhatsApp Business Account ID.',
  },
  {
    key: 'accessToken',
    id: 'connect-access-token',
    label: 'Access token',
    hint: 'A system user’s token (Business settings → System users) does not expire. It needs whatsapp_business_messaging and whatsapp_business_management.',
    secret: true,
    missing: 'Paste the access token.',
  },
  {
    key: 'appSecret',
    id: 'connect-app-secret',
    label: 'App secret',
    hint: 'Meta app → App settings → Basic. CareWindow uses it to check that webhooks really come from WhatsApp.',
    secret: true,
    missing: 'Paste the app secret.',
  },
];

export const emptyCredentials = (status: {
  phoneNumberId: string | null;
  wabaId: string | null;
}): AccountCredentials => ({
  phoneNumberId: status.phoneNumberId ?? '',
  wabaId: status.wabaId ?? '',
  accessToken: '',
  appSecret: '',
});
