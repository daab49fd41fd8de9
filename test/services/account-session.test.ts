import { describe, expect, it } from 'vitest';
import { MemorySecrets } from '../../main/platform/preview/memory-secrets';
import { FakeGraphApi } from '../support/fake-graph-api';
import { silentLog, WaitingPublisher } from '../support/recorders';
import { useCleanup, useTempDirs } from '../support/temp-dir';
import { postWebhook } from '../support/webhook-client';
import { CUSTOMER, textMessage } from '../support/webhook-fixtures';
import { accountCredentials, APP_SECRET, startOnFakeGraph } from './session-kit';

/**
 * The connected account inside the owner's workspace, through the real composition root and handlers:
 * template sync from the account, and the outbox on hold until the owner reconnects. Real HTTP to the fake
 * Graph API and to the webhook receiver, real files, a fake clock.
 */

const START = Date.parse('2026-11-24T14:20:00Z');
const HOUR = 3_600_000;
const tempDir = useTempDirs();
const cleanup = useCleanup();

async function connected() {
  const graph = await FakeGraphApi.start();
  cleanup.push(() => graph.stop());
  const publisher = new WaitingPublisher();
  const app = await startOnFakeGraph({
    dataRoot: await tempDir(),
    graph,
    start: START,
    publisher,
    log: silentLog,
    secrets: new MemorySecrets(),
  });
  cleanup.push(() => app.close());
  await app.handlers.workspace.startReal();
  const credentials = accountCredentials(graph);
  const status = await app.handlers.account.connect(credentials);
  const url = status.webhook.localUrl ?? '';
  /** The customer writes (a signed webhook); resolves once it is stored. Returns their contact's id. */
  const customerWrites = async (ago = HOUR) => {
    const stored = publisher.next('conversation:message');
    const body = JSON.stringify(textMessage('wamid.IN1', 'Is it ready?', String((START - ago) / 1000)));
    expect((await postWebhook(url, body, { secret: APP_SECRET })).status).toBe(200);
    await stored;
    const contact = app.session().store.contactByPhone(`+${CUSTOMER.waId}`);
    if (!contact) throw new Error('no contact for the webhook');
    return contact.id;
  };
  return { app, graph, publisher, credentials, customerWrites };
}

const templatesRoute = (graph: FakeGraphApi) => `/${graph.wabaId}/message_templates`;
const orderReady = (status: string) => ({
  id: '111',
  name: 'order_ready',
  language: 'nl',
  category: 'UTILITY',
  status,
  parameter_format: 'POSITIONAL',
  components: [{ type: 'BODY', text: 'Hoi {{1}}, je bestelling is klaar.' }],
});
const page = (...data: unknown[]) => ({
  kind: 'json' as const,
  body: { data, paging: { cursors: { before: '', after: '' } } },
});
const sends = (graph: FakeGraphApi) => graph.requests.filter((r) => r.route.endsWith('/messages'));

describe('a connected account in the owner’s workspace', { timeout: 20_000 }, () => {
  it('syncs the account’s templates, keeps the owner’s mappings, and refuses a template WhatsApp paused', async () => {
    const { app, graph, customerWrites } = await connected();
    const contactId = await customerWrites();
    graph.answer('GET', templatesRoute(graph), page(orderReady('APPROVED')));

    expect(await app.handlers.templates.sync()).toMatchObject({ added: ['order_ready'] });
    const [synced] = await app.handlers.templates.list();
    if (!synced) throw new Error('nothing synced');
    expect(synced).toMatchObject({ status: 'approved', source: 'platform' });
    const mapping = { '1': { kind: 'field', field: 'first_name' } } as const;
    await app.handlers.templates.save({ ...synced, mapping }, synced.id);

    graph.answer('GET', templatesRoute(graph), page(orderReady('PAUSED')));
    const summary = await app.handlers.templates.sync();
    expect(summary.text).toBe('1 changed: order_ready paused');
    expect((await app.handlers.templates.list())[0]).toMatchObject({
      id: synced.id,
      status: 'paused',
      mapping,
    });

    await expect(app.handlers.conversation.sendTemplate(contactId, synced.id)).rejects.toThrow(
      /paused, not approved/,
    );
    expect(sends(graph)).toEqual([]);
  });

  it('holds sends while WhatsApp refuses the token, says so in the status, and sends once reconnected', async () => {
    const { app, graph, publisher, credentials, customerWrites } = await connected();
    const contactId = await customerWrites();
    graph.answerSend(
      { kind: 'error', error: 'expired-token' },
      { kind: 'json', body: { messaging_product: 'whatsapp', messages: [{ id: 'wamid.OUT1' }] } },
    );

    const held = publisher.next('account:changed');
    const message = await app.handlers.conversation.sendText(contactId, 'Ready for pick-up');
    expect(message).toMatchObject({ status: 'queued', failure: { kind: 'auth' } });
    await held;
    const onHold = publisher.of('account:changed').at(-1)?.sendingOnHold;
    expect(onHold).toMatch(/^Messages wait to be sent: WhatsApp did not accept the access token/);
    expect((await app.handlers.account.status()).sendingOnHold).toBe(onHold);

    const after = await app.handlers.account.connect(credentials);
    expect(after.sendingOnHold).toBeNull();
    await app.session().outbox.idle();
    expect(sends(graph)).toHaveLength(2);
    const history = await app.handlers.conversation.history(contactId, { limit: 10 });
    expect(history.messages.at(-1)).toMatchObject({
      id: message.id,
      status: 'sent',
      providerId: 'wamid.OUT1',
    });
  });

  it('a reconnect sends at once what waited out a retry’s backoff', async () => {
    const { app, graph, credentials, customerWrites } = await connected();
    const contactId = await customerWrites();
    graph.answerSend(
      { kind: 'error', error: 'server' },
      { kind: 'json', body: { messaging_product: 'whatsapp', messages: [{ id: 'wamid.OUT1' }] } },
    );
    const message = await app.handlers.conversation.sendText(contactId, 'Ready');
    expect(message.status).toBe('queued');
    await app.session().outbox.idle();
    expect(sends(graph)).toHaveLength(1);

    // No time passes: only the reconnect lets it go.
    await app.handlers.account.connect(credentials);
    await app.session().outbox.idle();
    expect(sends(graph)).toHaveLength(2);
    const history = await app.handlers.conversation.history(contactId, { limit: 10 });
    expect(history.messages.at(-1)).toMatchObject({ id: message.id, status: 'sent' });
  });
});
