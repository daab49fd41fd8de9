import type { PreviewHost } from '../../main/platform/preview/host';
import { cmInbound } from '../support/fake-cm-api';
import { postWebhook } from '../support/webhook-client';
import { cmTest as test } from './account-steps';
import { expect, START } from './fixtures';

/** A customer's text as CM.com posts it: unsigned, to the secret path the app made up. */
async function customerWrites(host: PreviewHost, text: string, at: number): Promise<void> {
  const { webhook } = await host.app.handlers.account.status();
  const body = cmInbound(
    '+31687654321',
    { text },
    { name: 'Sanne de Vries', timeUtc: new Date(at).toISOString().slice(0, 19) },
  );
  const answer = await postWebhook(`${webhook.localUrl ?? ''}${webhook.path ?? ''}`, JSON.stringify(body), {
    signature: null,
  });
  expect(answer.status).toBe(200);
}

test('connect through CM.com: a wrong token says so, the right one connects, and a message arrives', async ({
  app,
  host,
  cm,
}) => {
  const banner = app.getByRole('region', { name: 'No WhatsApp account' });
  await banner.getByRole('button', { name: 'Connect WhatsApp' }).click();
  const dialog = app.getByRole('dialog', { name: 'Connect WhatsApp' });
  await dialog.getByRole('radio', { name: /CM\.com/ }).check();
  await expect(dialog.getByLabel('Phone number ID')).toHaveCount(0);

  await dialog.getByLabel('Product token').fill('00000000-0000-0000-0000-000000000000');
  await dialog.getByLabel('WhatsApp number').fill('+31 6 12345678');
  await dialog.getByLabel('Template namespace').fill('c1a2b3_ns');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('alert')).toContainText('CM.com does not accept this product token');

  await dialog.getByLabel('Product token').fill(cm.token);
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Connected: +31612345678');
  const path = (await host.app.handlers.account.status()).webhook.path ?? '';
  expect(path).toMatch(/^\/webhook\//);
  await expect(dialog.getByLabel('Webhook path')).toHaveValue(path);
  await expect(banner).toBeHidden();
  // Nothing secret reached the page, and the test sent nothing to anyone.
  expect(await app.content()).not.toContain(cm.token);
  expect(cm.sends()).toHaveLength(0);

  await customerWrites(host, 'Is the blue vase back in stock?', START);
  await expect(dialog).toContainText('Last webhook received');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await app.getByRole('option', { name: /^Sanne de Vries,/ }).click();
  const log = app.getByRole('log', { name: 'Conversation with Sanne de Vries' });
  await expect(log).toContainText('Is the blue vase back in stock?');
});
