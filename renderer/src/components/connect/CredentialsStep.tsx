import { useApi } from '../../state/context';
import { CREDENTIAL_FIELDS, emptyCredentials } from './credentials-form';
import { CredentialsForm, type CredentialsStepProps } from './CredentialsForm';

/** Step 1 for the Cloud API: the four values from Meta; a test says which number WhatsApp found. */
export function CredentialsStep(props: CredentialsStepProps) {
  const api = useApi();
  return (
    <CredentialsForm
      {...props}
      label="Your WhatsApp number"
      fields={CREDENTIAL_FIELDS}
      initial={() => emptyCredentials(props.status)}
      // Focus lands here when the step appears (after the status loaded, or after disconnecting).
      focus="phoneNumberId"
      test={(form) => api.account.test(form)}
      connect={(form) => api.account.connect(form)}
      worked={(result) =>
        `✓ Connection works: ${result.verifiedName || 'your business'} · ${result.displayPhoneNumber}`
      }
    />
  );
}
