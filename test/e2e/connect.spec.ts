import type { PreviewHost } from '../../main/platform/preview/host';
import { postWebhook } from '../support/webhook-client';
import { textMessage } from '../support/webhook-fixtures';
import { APP_SECRET, connectCloudApi, fillCloudApiCredentials, graphTest as test } from './account-steps';
import { expect, START } from './fixtures';

/** A customer's text, as Meta posts it: signed over the raw bytes with the app secret. */
async function customerWrites(host: PreviewHost, id: string, text: string, at: number): Promise<void> {
  const url = (await host.app.handlers.account.status()).webhook.localUrl ?? '';
  const body = JSON.stringify(textMessage(id, text, String(Math.floor(at / 1000))));
  const answer = await postWebhook(url, body, { secret: APP_SECRET });
  expect(answer.status).toBe(200);
}

test('connect from the banner: an expired token says so, a good one connects, and webhooks arrive live', async ({
  app,
  host,
  graph,
}) => {
  const banner = app.getByRole('region', { name: 'No WhatsApp account' });
  await banner.getByRole('button', { name: 'Connect WhatsApp' }).click();
  const dialog = app.getByRole('dialog', { name: 'Connect WhatsApp' });
  await expect(dialog.getByLabel('Phone number ID')).toBeFocused();
  // The preview host has no keychain: it says the credentials are kept for this session only.
  await expect(dialog.getByRole('note')).toContainText('only for this session');

  await fillCloudApiCredentials(dialog, graph, 'EAAG-mistyped');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('alert')).toContainText('WhatsApp does not accept this access token.');

  graph.answer('GET', `/${graph.phoneNumberId}`, { kind: 'error', error: 'expired-token' });
  await dialog.getByLabel('Access token').fill(graph.token);
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The access token has expired.');

  // A fresh token: WhatsApp knows the number again.
  graph.answer('GET', `/${graph.phoneNumberId}`, {
    kind: 'json',
    body: { display_phone_number: '+31 6 12345678', verified_name: 'Bloemen Sanne', id: graph.phoneNumberId },
  });
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('status')).toContainText('Bloemen Sanne · +31 6 12345678');
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();

  await expect(dialog.getByRole('status')).toContainText('Connected: Bloemen Sanne · +31 6 12345678');
  await expect(dialog.getByText('cloudflared tunnel --url http://127.0.0.1:')).toBeVisible();
  const verifyToken = (await host.app.handlers.account.status()).webhook.verifyToken ?? '';
  expect(verifyToken).not.toBe('');
  await expect(dialog.getByLabel('Verify token')).toHaveValue(verifyToken);
  await expect(dialog).toContainText('No webhook received yet');
  await expect(banner).toBeHidden();
  // Nothing secret reached the page.
  expect(await app.content()).not.toContain(APP_SECRET);

  await customerWrites(host, 'wamid.E2E-1', 'Is the blue vase back in stock?', START);
  await expect(dialog).toContainText('Last webhook received today at 15:20');
  await dialog.getByRole('button', { name: 'Done' }).click();

  await app.getByRole('option', { name: /^Sanne de Vries,/ }).click();
  const log = app.getByRole('log', { name: 'Conversation with Sanne de Vries' });
  await expect(log).toContainText('Is the blue vase back in stock?');
  await customerWrites(host, 'wamid.E2E-2', 'I could come by on Friday 🌷', START + 1000);
  await expect(log).toContainText('I could come by on Friday 🌷');

  // WhatsApp refuses the reply (its clock says the window closed, error 131047): the owner sees why.
  graph.answerSend({ kind: 'error', error: 'window-closed' });
  await app.getByRole('textbox', { name: 'Message' }).fill('Yes, it is back!');
  await app.getByRole('button', { name: 'Send', exact: true }).click();
  // Failed in the bubble, once, with the reason...
  const bubble = log.locator('.bubble', { hasText: 'Yes, it is back!' });
  await expect(bubble).toHaveClass(/\bfailed\b/);
  await expect(bubble).toContainText('Not sent: the 24-hour window closed');
  await expect(bubble.getByRole('img', { name: 'Not sent' })).toBeVisible();
  expect((await log.textContent())?.match(/Not sent/g)).toHaveLength(1);
  // ...and in the contact list's preview, never as if it went out.
  const row = app.getByRole('option', { name: /^Sanne de Vries,/ });
  // The snippet sits in a <bdi> (bidi isolation beside the label chips); the reason is the tooltip of
  // the snippet's whole line around it.
  const preview = row.getByTitle(/the 24-hour window closed/);
  await expect(preview).toBeVisible();
  await expect(preview.locator('bdi')).toHaveText('⚠ Not sent: Yes, it is back!');
  await expect(row).not.toContainText('You: Yes, it is back!');
});

test('disconnect asks first, then wipes the connection and the banner comes back', async ({ app, graph }) => {
  const dialog = await connectCloudApi(app, graph);

  await dialog.getByRole('button', { name: 'Disconnect…' }).click();
  const confirm = dialog.getByRole('alertdialog', { name: 'Disconnect WhatsApp?' });
  await expect(confirm.getByRole('button', { name: 'Keep connected' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Disconnect', exact: true }).click();

  await expect(dialog.getByLabel('Access token')).toHaveValue('');
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('region', { name: 'No WhatsApp account' })).toBeVisible();
});
