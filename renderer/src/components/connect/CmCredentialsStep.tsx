import type { CmCredentials } from '../../../../main/contract/account-cm';
import { useApi } from '../../state/context';
import { CredentialsForm, type CredentialField, type CredentialsStepProps } from './CredentialsForm';

type Key = keyof CmCredentials;

/** The three inputs for CM.com, with where the owner finds each value in CM.com's Channels app. */
const FIELDS: ReadonlyArray<CredentialField<Key>> = [
  {
    key: 'productToken',
    id: 'connect-cm-product-token',
    label: 'Product token',
    hint: 'CM.com Channels app → Gateway: the product token, with its hyphens. CareWindow keeps it encrypted on this computer.',
    secret: true,
    missing: 'Paste the product token.',
  },
  {
    key: 'senderNumber',
    id: 'connect-cm-sender',
    label: 'WhatsApp number',
    hint: 'The business number CM.com set up for WhatsApp, with + and the country code.',
    secret: false,
    missing: 'Type the WhatsApp number.',
  },
  {
    key: 'templateNamespace',
    id: 'connect-cm-namespace',
    label: 'Template namespace',
    hint: 'Channels app → WhatsApp templates → a template’s details. Needed to send templates; templates themselves are created and approved in CM.com.',
    secret: false,
    missing: null,
  },
];

/**
 * Step 1 for CM.com: "Test connection" asks CM.com whether it accepts the product token (it sends
 * nothing). It appears under the provider choice, so focus stays on the choice.
 */
export function CmCredentialsStep(props: CredentialsStepProps) {
  const api = useApi();
  return (
    <CredentialsForm
      {...props}
      label="Your CM.com connection"
      fields={FIELDS}
      initial={() => ({ productToken: '', senderNumber: '', templateNamespace: '' })}
      test={(form) => api.account.testCm(form)}
      connect={(form) => api.account.connectCm(form)}
      worked={(result) => `✓ CM.com accepts this product token · ${result.displayPhoneNumber}`}
    />
  );
}
