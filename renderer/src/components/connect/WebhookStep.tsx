import { useState } from 'react';
import type { AccountStatus } from '../../../../main/contract/account';
import { dayAndTime } from '../../format/dates';
import { useApi, useFormatPrefs, useNow } from '../../state/context';
import { errorMessage } from '../../state/errors';
import { FormProblem } from '../FormProblem';
import { CmWebhookSteps } from './CmWebhookSteps';

/**
 * Step 2: WhatsApp delivers messages as webhooks to a public HTTPS address, and a desktop computer has
 * none, so the owner runs a tunnel of their choice to the local receiver and pastes its address and the
 * verify token into the Meta app (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/create-webhook-endpoint).
 * "Last webhook received" follows `account:changed`, so the owner sees the moment it works.
 */
export function WebhookStep({
  status,
  onChangeCredentials,
  onDisconnected,
  onClose,
}: {
  status: AccountStatus;
  onChangeCredentials: () => void;
  onDisconnected: (status: AccountStatus) => void;
  onClose: () => void;
}) {
  const api = useApi();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const local = status.webhook.localUrl ?? `http://127.0.0.1:${status.webhook.port}`;
  const number = [status.verifiedName, status.displayPhoneNumber].filter(Boolean).join(' · ');

  async function disconnect() {
    setBusy(true);
    setProblem(null);
    try {
      onDisconnected(await api.account.disconnect());
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <div className="connect-webhook">
      {status.connected ? (
        <p className="connect-test-ok" role="status">
          ✓ Connected: {number}
        </p>
      ) : null}
      <FormProblem
        message={problem}
        others={[
          ...(status.sendingOnHold === null
            ? []
            : ([['on-hold', status.sendingOnHold]] as [string, string][])),
          ...status.problems.map((text, i): [string, string] => [String(i), text]),
        ]}
      />

      {status.provider === 'cm-com' ? (
        <CmWebhookSteps status={status} />
      ) : (
        <ol className="connect-steps">
          <li>
            <p>
              CareWindow receives messages on this computer at <code>{local}</code>. WhatsApp can only reach a
              public <strong>https</strong> address, so start a tunnel of your choice to it and keep it
              running while CareWindow runs, for example:
            </p>
            <pre className="connect-command">
              cloudflared tunnel --url http://127.0.0.1:{status.webhook.port}
            </pre>
            <p className="field-hint">or</p>
            <pre className="connect-command">ngrok http {status.webhook.port}</pre>
            <p className="field-hint">
              The tunnel prints a public address such as https://….trycloudflare.com.
            </p>
          </li>
          <li>
            <p>
              In your Meta app, open <strong>WhatsApp → Configuration → Webhook → Edit</strong>. Paste the
              tunnel’s public address as <strong>Callback URL</strong> and this as{' '}
              <strong>Verify token</strong>, then choose <strong>Verify and save</strong>:
            </p>
            <input
              className="connect-token"
              readOnly
              aria-label="Verify token"
              value={status.webhook.verifyToken ?? ''}
              onFocus={(event) => event.currentTarget.select()}
            />
          </li>
          <li>
            <p>
              Under <strong>Webhook fields</strong>, subscribe to <code>messages</code>.
            </p>
          </li>
        </ol>
      )}
      <p className="field-hint">
        While this computer is off or asleep, WhatsApp keeps trying to deliver (for up to 7 days), so messages
        customers send meanwhile arrive once CareWindow and the tunnel run again.
      </p>
      <LastWebhook at={status.lastWebhookAt} />

      {confirming ? (
        <div className="connect-confirm" role="alertdialog" aria-label="Disconnect WhatsApp?">
          <p>
            Disconnect {number || 'this number'}? CareWindow stops sending and receiving, and forgets the
            access token and app secret. Your contacts and conversations stay.
          </p>
          <div className="dialog-actions">
            <button type="button" className="secondary" autoFocus onClick={() => setConfirming(false)}>
              Keep connected
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => void disconnect()}>
              {busy ? 'Disconnecting…' : 'Disconnect'}
            </button>
          </div>
        </div>
      ) : (
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            Disconnect…
          </button>
          <button type="button" className="secondary" onClick={onChangeCredentials}>
            Change credentials
          </button>
          <button type="button" className="primary" autoFocus onClick={onClose}>
            Done
          </button>
        </div>
      )}
    </div>
  );
}

function LastWebhook({ at }: { at: number | null }) {
  const now = useNow();
  const { locale, timeZone } = useFormatPrefs();
  return (
    <p className="connect-last-webhook" aria-live="polite">
      {at === null
        ? 'No webhook received yet. Once the tunnel and the Meta app are set up, send a message to your number from another phone to try it.'
        : `Last webhook received ${dayAndTime(at, now, locale, timeZone)}.`}
    </p>
  );
}
