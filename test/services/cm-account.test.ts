import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCareWindow } from '../../main/compose';
import { AccountStatus } from '../../main/contract/account';
import { webhookReceiverStarter } from '../../main/platform/node/start-webhook-receiver';
import { MemorySecrets } from '../../main/platform/preview/memory-secrets';
import { FakeClock } from '../support/fake-clock';
import { cmInbound, cmStatusReport, FakeCmApi } from '../support/fake-cm-api';
import { silentLog, WaitingPublisher } from '../support/recorders';
import { useCleanup, useTempDirs } from '../support/temp-dir';
import { postWebhook } from '../support/webhook-client';

/**
 * A number connected through CM.com, through the real composition root and handlers: the provider choice
 * is saved, CM.com's unsigned webhooks are accepted only at the secret path, each incoming message is
 * stored once however often CM.com redelivers it, a reply goes out through the fake gateway, and its
 * status report moves it on. Real HTTP, real files, a fake clock.
 */

const START = Date.parse('2026-11-24T14:20:00Z');
const CUSTOMER = '+31687654321';
const tempDir = useTempDirs();
const cleanup = useCleanup();

async function connected() {
  const cm = await FakeCmApi.start();
  cleanup.push(() => cm.stop());
  const root = await tempDir();
  const publisher = new WaitingPublisher();
  const secrets = new MemorySecrets();
  const clock = new FakeClock(START);
  const app = await startCareWindow({
    dataRoot: root,
    clock,
    scheduler: clock,
    publisher,
    log: silentLog,
    systemLocale: 'nl-NL',
    systemTimeZone: 'Europe/Amsterdam',
    secrets,
    startReceiver: webhookReceiverStarter(clock, silentLog),
    cmBaseUrl: cm.baseUrl,
    webhookPort: 0,
  });
  cleanup.push(() => app.close());
  await app.handlers.workspace.startReal();
  const credentials = {
    productToken: cm.token,
    senderNumber: '+31 6 12345678',
    templateNamespace: 'c1a2b3_ns',
  };
  const status = await app.handlers.account.connectCm(credentials);
  const hook = `${status.webhook.localUrl ?? ''}${status.webhook.path ?? ''}`;
  const post = (body: unknown) => postWebhook(hook, JSON.stringify(body), { signature: null });
  return { app, cm, publisher, secrets, root, status, credentials, hook, post };
}

describe('a number connected through CM.com', { timeout: 20_000 }, () => {
  it('connects with the product token: the status names the provider and the secret webhook path, never the token', async () => {
    const { app, status, secrets, root, credentials, cm } = await connected();

    expect(AccountStatus.parse(status)).toMatchObject({
      connected: true,
      provider: 'cm-com',
      displayPhoneNumber: '+31612345678',
      phoneNumberId: null,
      webhook: { verifyToken: null },
      problems: [],
    });
    expect(status.webhook.path).toMatch(/^\/webhook\/[\w-]{32}$/);
    expect((await app.handlers.workspace.info()).accountConfigured).toBe(true);
    const file = await readFile(join(root, 'workspaces', 'real', 'account.json'), 'utf8');
    expect(`${file}${JSON.stringify(status)}`).not.toContain(credentials.productToken);
    expect(secrets.size).toBe(2);
    // The connection test sent nothing to anyone.
    expect(cm.sends()).toHaveLength(0);
  });

  it('refuses a token CM.com does not accept, pointing at the token field, and stores nothing', async () => {
    const { app, secrets } = await connected();
    await app.handlers.account.disconnect();
    const wrong = {
      productToken: '00000000-0000-0000-0000-000000000000',
      senderNumber: '+31612345678',
      templateNamespace: '',
    };

    expect(await app.handlers.account.testCm(wrong)).toMatchObject({ ok: false, problem: 'invalid-token' });
    await expect(app.handlers.account.connectCm(wrong)).rejects.toMatchObject({
      code: 'invalid-input',
      fields: { productToken: expect.stringContaining('product token') as unknown },
    });
    expect(secrets.size).toBe(0);
    expect(await app.handlers.account.status()).toMatchObject({ connected: false, provider: 'cloud-api' });
  });

  it('stores an incoming message once however often CM.com delivers it, and only from the secret path', async () => {
    const { app, publisher, post, status } = await connected();
    const body = cmInbound(
      CUSTOMER,
      { text: 'Is de bos klaar?' },
      { timeUtc: '2026-11-24T13:20:00', name: 'Sanne' },
    );

    const stored = publisher.next('conversation:message');
    expect((await post(body)).status).toBe(200);
    await stored;
    expect((await post(body)).status).toBe(200);
    const elsewhere = await postWebhook(status.webhook.localUrl ?? '', JSON.stringify(body), {
      signature: null,
    });
    expect(elsewhere.status).toBe(404);
    const guessed = await postWebhook(
      `${status.webhook.localUrl ?? ''}/webhook/guess`,
      JSON.stringify(body),
      { signature: null },
    );
    expect(guessed.status).toBe(404);
    await app.session().store.flush();

    const contact = app.session().store.contactByPhone(CUSTOMER);
    if (!contact) throw new Error('no contact for the webhook');
    const history = await app.handlers.conversation.history(contact.id, { limit: 10 });
    expect(history.messages.filter((m) => m.direction === 'inbound')).toHaveLength(1);
    expect(history.messages[0]).toMatchObject({ text: 'Is de bos klaar?', direction: 'inbound' });
  });

  it('sends a reply through the gateway and applies its status report', async () => {
    const { app, publisher, post, cm } = await connected();
    const stored = publisher.next('conversation:message');
    await post(cmInbound(CUSTOMER, { text: 'Hoi' }, { timeUtc: '2026-11-24T13:20:00' }));
    await stored;
    const contact = app.session().store.contactByPhone(CUSTOMER);
    if (!contact) throw new Error('no contact');

    const message = await app.handlers.conversation.sendText(contact.id, 'Ja, hij is klaar');
    await app.session().outbox.idle();
    const [send] = cm.sends();
    const msg = (send?.body as { messages: { msg: { reference: string; body: unknown }[] } }).messages.msg[0];
    expect(msg).toMatchObject({ reference: message.id, body: { type: 'auto', content: 'Ja, hij is klaar' } });

    const moved = publisher.next('conversation:message');
    expect((await post(cmStatusReport(message.id, 2))).status).toBe(200);
    await moved;
    const history = await app.handlers.conversation.history(contact.id, { limit: 10 });
    expect(history.messages.at(-1)).toMatchObject({
      id: message.id,
      status: 'delivered',
      providerId: message.id,
    });
  });
});
