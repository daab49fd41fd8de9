import { describe, expect, it } from 'vitest';
import { WebhookReceiver } from '../../main/platform/node/webhook-receiver';
import { CloudApiProvider } from '../../main/providers/cloud-api/cloud-api-provider';
import type { WorkspaceSession } from '../../main/services/workspace-session';
import { WebhookProcessing } from '../../main/services/webhook-processing';
import { InboxJournal } from '../../main/store/inbox-journal';
import { FakeClock } from '../support/fake-clock';
import { FakeGraphApi } from '../support/fake-graph-api';
import { silentLog } from '../support/recorders';
import { useCleanup, useTempDirs } from '../support/temp-dir';
import { settingsFor } from '../support/use-fake-graph';
import { postWebhook } from '../support/webhook-client';
import { CUSTOMER, inbound, status, textMessage } from '../support/webhook-fixtures';
import { T0 } from './harness';
import { HOUR, historyOf, openSession, outboxFile } from './outbox-kit';

/**
 * The Cloud API end to end, below the IPC layer: sends go over real HTTP to the fake Graph API, webhooks
 * come in signed over real HTTP to the receiver, are journaled, processed and stored by the owner's real
 * workspace session, on real files, with a fake clock.
 */

const SECRET = 'app-secret-for-tests';
/**
 * The held send times out after this much real time (the clock the app reasons with stays the fake one).
 * Long enough for the request to reach the fake server on a loaded 2-core machine (100 ms was not).
 */
const TIMEOUT_MS = 1500;
const tempDir = useTempDirs();
const cleanup = useCleanup();

const seconds = (ms: number) => String(Math.floor(ms / 1000));

async function rig(dataRoot?: string, graphApi?: FakeGraphApi) {
  const root = dataRoot ?? (await tempDir());
  const graph = graphApi ?? (await FakeGraphApi.start());
  if (!graphApi) cleanup.push(() => graph.stop());
  const settings = settingsFor(graph, { timeoutMs: TIMEOUT_MS });
  const provider = new CloudApiProvider(() => settings, silentLog);
  const clock = new FakeClock(T0);
  const { session } = await openSession(root, provider, clock);
  const journal = await InboxJournal.open(session.store.dir);
  const processing = new WebhookProcessing(journal, provider, silentLog);
  const receiver = await WebhookReceiver.start({
    port: 0,
    appSecret: () => SECRET,
    verifyToken: () => 'verify',
    journal,
    clock,
    onPayload: () => processing.kick(),
    log: silentLog,
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await receiver.close();
    provider.close();
    await session.close();
  };
  cleanup.push(close);
  /** Posts a signed webhook as Meta does and waits until its events are stored. */
  const webhook = async (payload: Record<string, unknown>) => {
    const answer = await postWebhook(receiver.url, JSON.stringify(payload), { secret: SECRET });
    expect(answer.status).toBe(200);
    expect(await processing.run()).toMatchObject({ left: 0 });
  };
  return { root, graph, session, webhook, close };
}

const sends = (graph: FakeGraphApi) => graph.requests.filter((r) => r.route.endsWith('/messages'));

function contactOf(session: WorkspaceSession): string {
  const contact = session.store.contactByPhone(`+${CUSTOMER.waId}`);
  if (!contact) throw new Error('the inbound webhook made no contact');
  return contact.id;
}

describe('a send whose answer was lost (Cloud API)', { timeout: 15_000 }, () => {
  it('stays unconfirmed, then a status webhook carrying its callback data settles it; never sent again', async () => {
    const r = await rig();
    await r.webhook(textMessage('wamid.IN1', 'Is my order ready?', seconds(T0 - HOUR)));
    const contactId = contactOf(r.session);

    r.graph.answerSend({ kind: 'hold' });
    const message = await r.session.conversation.sendText(contactId, 'Ready for pick-up');
    expect(message.status).toBe('unconfirmed');
    expect(sends(r.graph)).toHaveLength(1);
    expect(sends(r.graph)[0]?.body).toMatchObject({ biz_opaque_callback_data: message.id });
    // The platform's answer comes after the app gave up: nobody reads it.
    expect(r.graph.release()).toBe(1);

    const pricing = { billable: true, pricing_model: 'PMP', category: 'service', type: 'regular' };
    await r.webhook(
      status('wamid.LATE', 'sent', seconds(T0), { biz_opaque_callback_data: message.id, pricing }),
    );
    await r.webhook(
      status('wamid.LATE', 'delivered', seconds(T0 + 1000), { biz_opaque_callback_data: message.id }),
    );
    const settled = (await historyOf(r.session, contactId)).find((m) => m.id === message.id);
    expect(settled).toMatchObject({ status: 'delivered', providerId: 'wamid.LATE', error: null });
    expect(settled?.failure).toBeUndefined();
    expect(settled?.pricing).toEqual({
      billable: true,
      pricingModel: 'PMP',
      category: 'service',
      type: 'regular',
    });
    expect((await outboxFile(r.root)).entries).toEqual([]);
    await expect(r.session.outbox.markSent(contactId, message.id)).rejects.toThrow(/no longer waiting/);

    // A restart finds nothing left to send.
    await r.close();
    const again = await rig(r.root, r.graph);
    await again.session.outbox.idle();
    expect(sends(r.graph)).toHaveLength(1);
    expect((await historyOf(again.session, contactId)).at(-1)).toMatchObject({ status: 'delivered' });
  });

  it('a status without the callback data, for an id the app never heard of, changes nothing', async () => {
    const r = await rig();
    await r.webhook(textMessage('wamid.IN1', 'Hoi', seconds(T0 - HOUR)));
    const contactId = contactOf(r.session);
    r.graph.answerSend({ kind: 'hold' });
    const message = await r.session.conversation.sendText(contactId, 'Ready');
    r.graph.release();

    await r.webhook(status('wamid.OTHER', 'delivered', seconds(T0)));
    const after = (await historyOf(r.session, contactId)).find((m) => m.id === message.id);
    expect(after).toMatchObject({ status: 'unconfirmed', providerId: null });
  });
});

describe('what a customer sends besides text (Cloud API)', { timeout: 15_000 }, () => {
  it('is stored with its label and its original, shown as that label, and kept across a restart', async () => {
    const r = await rig();
    const at = T0 - HOUR;
    await r.webhook(
      inbound('wamid.P', 'image', { image: { id: 'media-1', caption: 'The broken vase' } }, seconds(at)),
    );
    await r.webhook(
      inbound('wamid.V', 'audio', { audio: { id: 'media-2', voice: true } }, seconds(at + 1000)),
    );
    await r.webhook(inbound('wamid.S', 'sticker', { sticker: { id: 'media-3' } }, seconds(at + 2000)));
    await r.webhook(textMessage('wamid.T', 'Can you help?', seconds(at + 3000)));
    const contactId = contactOf(r.session);

    const shown = async (session: WorkspaceSession) =>
      (await historyOf(session, contactId)).map((m) => [m.kind, m.text, m.original?.type ?? null]);
    // A media message's text is its caption ('' without one); the media says what it is.
    const expected = [
      ['text', 'The broken vase', 'image'],
      ['text', '', 'audio'],
      ['text', '', 'sticker'],
      ['text', 'Can you help?', null],
    ];
    expect((await historyOf(r.session, contactId)).map((m) => m.media?.kind ?? null)).toEqual([
      'image',
      'voice',
      'sticker',
      null,
    ]);
    expect(await shown(r.session)).toEqual(expected);
    const photo = (await historyOf(r.session, contactId))[0];
    expect(JSON.parse(photo?.original?.json ?? '{}')).toMatchObject({
      id: 'wamid.P',
      image: { id: 'media-1' },
    });
    // The list preview says what it was, too.
    expect(r.session.contacts.row(contactId).activity.lastMessage?.text).toBe('Can you help?');

    await r.close();
    const again = await rig(r.root, r.graph);
    expect(await shown(again.session)).toEqual(expected);
  });
});
