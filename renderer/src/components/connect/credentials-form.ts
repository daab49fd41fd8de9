import type { AccountCredentials } from '../../../../main/contract/account';

export type CredentialKey = keyof AccountCredentials;

/** The four inputs, in order, with where the owner finds each value (Meta's screens, as of 2026). */
export const CREDENTIAL_FIELDS: ReadonlyArray<{
  key: CredentialKey;
  id: string;
  label: string;
  hint: string;
  secret: boolean;
  missing: string;
}> = [
  {
    key: 'phoneNumberId',
    id: 'connect-phone-number-id',
    label: 'Phone number ID',
    hint: 'WhatsApp Manager → API Setup: the ID under your number (not the number itself).',
    secret: false,
    missing: 'Paste the phone number ID.',
  },
  {
    key: 'wabaId',
    id: 'connect-waba-id',
    label: 'WhatsApp Business Account ID',
    hint: 'On the same API Setup page.',
    secret: false,
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

/** What the owner must fill before testing, said per field (the main process checks the same again). */
export function missingFields(form: AccountCredentials): Partial<Record<CredentialKey, string>> {
  const errors: Partial<Record<CredentialKey, string>> = {};
  for (const field of CREDENTIAL_FIELDS) {
    if (form[field.key].trim() === '') errors[field.key] = field.missing;
  }
  return errors;
}
