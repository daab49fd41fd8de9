import type { AccountStatus } from '../../../../main/contract/account';

/**
 * Step 2 for CM.com: like Meta, CM.com posts to a public https address, so the owner runs a tunnel to the
 * local receiver. CM.com signs nothing (https://developers.cm.com/messaging/docs/incoming-messages), so
 * CareWindow accepts its webhooks only at a secret path it made up: the address to paste is the tunnel's
 * address followed by that path, for incoming messages and for status reports alike.
 */
export function CmWebhookSteps({ status }: { status: AccountStatus }) {
  const path = status.webhook.path ?? '';
  return (
    <ol className="connect-steps">
      <li>
        <p>
          Start a tunnel of your choice to this computer and keep it running while CareWindow runs, for
          example:
        </p>
        <pre className="connect-command">cloudflared tunnel --url http://127.0.0.1:{status.webhook.port}</pre>
      </li>
      <li>
        <p>
          In CM.com’s <strong>Channels app</strong>, set the webhook for <strong>incoming messages</strong>{' '}
          and the <strong>status report</strong> webhook (JSON) to the tunnel’s public address followed by
          this path:
        </p>
        <input
          className="connect-token"
          readOnly
          aria-label="Webhook path"
          value={path}
          onFocus={(event) => event.currentTarget.select()}
        />
        <p className="field-hint">
          For example https://….trycloudflare.com{path}. Keep the path to yourself: CM.com does not sign its
          webhooks, so the path is what tells CareWindow a webhook is really yours.
        </p>
      </li>
    </ol>
  );
}
