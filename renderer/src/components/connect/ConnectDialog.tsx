import { useEffect, useState } from 'react';
import type { AccountStatus } from '../../../../main/contract/account';
import type { ProviderKind } from '../../../../main/contract/account-cm';
import { useApi } from '../../state/context';
import { errorMessage } from '../../state/errors';
import { Dialog } from '../Dialog';
import { FormProblem } from '../FormProblem';
import { CmCredentialsStep } from './CmCredentialsStep';
import { CredentialsStep } from './CredentialsStep';
import { ProviderChoice } from './ProviderChoice';
import { WebhookStep } from './WebhookStep';

/**
 * "Connect WhatsApp": step 1 the number's credentials, tested against WhatsApp before anything is saved;
 * step 2 how webhooks reach this computer, then "last webhook received at …" live. A connected number
 * opens on step 2, with Disconnect. Nothing secret ever comes back from the main process.
 */
export function ConnectDialog({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const [status, setStatus] = useState<AccountStatus | null>(null);
  const [step, setStep] = useState<'credentials' | 'webhook' | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  // The owner's choice of provider; until they choose, the one the number was last connected through.
  const [chosen, setChosen] = useState<ProviderKind | null>(null);
  const provider = chosen ?? status?.provider ?? 'cloud-api';

  useEffect(() => {
    let live = true;
    const off = api.on('account:changed', (next) => setStatus(next));
    api.account
      .status()
      .then((first) => {
        if (!live) return;
        setStatus(first);
        setStep((current) => current ?? (first.connected ? 'webhook' : 'credentials'));
      })
      .catch((error: unknown) => {
        if (live) setLoadProblem(errorMessage(error));
      });
    return () => {
      live = false;
      off();
    };
  }, [api]);

  return (
    <Dialog
      title="Connect WhatsApp"
      onClose={onClose}
      className="connect-dialog"
      description={
        <p>
          Use your own WhatsApp Business number through Meta’s WhatsApp Cloud API or through CM.com. Step{' '}
          {step === 'webhook' ? '2' : '1'} of 2.
        </p>
      }
    >
      <FormProblem message={loadProblem} />
      {status === null || step === null ? (
        loadProblem === null ? (
          <p role="status">Loading…</p>
        ) : null
      ) : step === 'credentials' ? (
        <>
          <ProviderChoice value={provider} onChange={setChosen} />
          {provider === 'cm-com' ? (
            <CmCredentialsStep
              status={status}
              onCancel={onClose}
              onConnected={(next) => {
                setStatus(next);
                setStep('webhook');
              }}
            />
          ) : (
            <CredentialsStep
              status={status}
              onCancel={onClose}
              onConnected={(next) => {
                setStatus(next);
                setStep('webhook');
              }}
            />
          )}
        </>
      ) : (
        <WebhookStep
          status={status}
          onChangeCredentials={() => setStep('credentials')}
          onDisconnected={(next) => {
            setStatus(next);
            setStep('credentials');
          }}
          onClose={onClose}
        />
      )}
    </Dialog>
  );
}
