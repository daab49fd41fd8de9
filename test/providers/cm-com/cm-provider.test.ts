import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CmComProvider, type CmAccount } from '../../../main/providers/cm-com/cm-provider';
import { parseWebhook } from '../../../main/providers/cm-com/webhook-events';
import type { InboundMessage, StatusUpdate } from '../../../main/services/ports';
import { cmInbound, cmStatusReport, FakeCmApi } from '../../support/fake-cm-api';
import { silentLog } from '../../support/recorders';

let api: FakeCmApi;
beforeEach(async () => {
  api = await FakeCmApi.start();
});
afterEach(() => api.stop());

function provider(change: Partial<CmAccount> = {}): CmComProvider {
  const account: CmAccount = {
    baseUrl: api.baseUrl,
    productToken: api.token,
    sender: '+31612345678',
    templateNamespace: 'c1a2b3_ns',
    timeoutMs: 5_000,
    ...change,
  };
  return new CmComProvider(() => account, silentLog);
}

describe('sending through CM.com', () => {
  it('sends a text on the WhatsApp channel only, with the product token in its header and our reference', async () => {
    const outcome = await provider().send({
      kind: 'text',
      to: '+31687654321',
      text: 'Hallo!',
      reference: 'msg-1',
    });

    expect(outcome).toEqual({ ok: true, providerId: 'msg-1' });
    const [request] = api.sends();
    expect(request?.headers['x-cm-producttoken']).toBe(api.token);
    expect(request?.body).toEqual({
      messages: {
        msg: [
          {
            from: '0031612345678',
            to: [{ number: '0031687654321' }],
            body: { type: 'auto', content: 'Hallo!' },
            reference: 'msg-1',
            allowedChannels: ['WhatsApp'],
          },
        ],
      },
    });
  });

  it('sends a template as richContent with namespace, element_name, language and the body parameters in order', async () => {
    const outcome = await provider().send({
      kind: 'template',
      to: '+31687654321',
      template: { name: 'ticket_update', language: 'nl' },
      text: 'Update over ticket 42',
      parameters: [
        { name: '2', value: '42' },
        { name: '1', value: 'Sanne' },
      ],
      reference: 'msg-2',
    });

    expect(outcome).toEqual({ ok: true, providerId: 'msg-2' });
    const msg = (api.sends()[0]?.body as { messages: { msg: Record<string, unknown>[] } }).messages.msg[0];
    expect(msg?.richContent).toEqual({
      conversation: [
        {
          template: {
            whatsapp: {
              namespace: 'c1a2b3_ns',
              element_name: 'ticket_update',
              language: { policy: 'deterministic', code: 'nl' },
              components: [
                {
                  type: 'body',
                  parameters: [
                    { type: 'text', text: 'Sanne' },
                    { type: 'text', text: '42' },
                  ],
                },
              ],
            },
          },
        },
      ],
    });
  });

  it('classifies refusals: a bad token stops the queue, an invalid number fails, a rate limit is retried', async () => {
    const badToken = await provider({ productToken: '00000000-0000-0000-0000-000000000000' }).send({
      kind: 'text',
      to: '+31687654321',
      text: 'x',
    });
    expect(badToken).toMatchObject({ ok: false, retryable: false, failure: { kind: 'auth', code: 101 } });
    expect(badToken.ok ? '' : badToken.reason).toContain('product token');

    api.answerNext({ kind: 'invalid-number' });
    const invalid = await provider().send({ kind: 'text', to: '+31687654321', text: 'x' });
    expect(invalid).toMatchObject({ ok: false, retryable: false, failure: { kind: 'unknown', code: 303 } });
    expect(invalid.ok ? '' : invalid.reason).toContain('not a valid phone number');

    api.answerNext({ kind: 'rate-limit' });
    const limited = await provider().send({ kind: 'text', to: '+31687654321', text: 'x' });
    expect(limited).toMatchObject({ ok: false, retryable: true, failure: { kind: 'rate-limited' } });

    api.answerNext({ kind: 'drop' });
    const dropped = await provider().send({ kind: 'text', to: '+31687654321', text: 'x' });
    expect(dropped).toMatchObject({ ok: false, failure: { kind: 'timeout-after-send' } });
  });

  it('refuses in plain words what CM.com cannot take: a local file, a reaction, a template without namespace', async () => {
    const media = await provider().send(
      {
        kind: 'media',
        to: '+31687654321',
        media: { kind: 'image', file: 'media/a/b.jpg', mimeType: 'image/jpeg', fileName: 'b.jpg' },
        text: '',
      },
      { bytes: new Uint8Array([1]) },
    );
    expect(media.ok ? '' : media.reason).toContain('public web address');
    const template = await provider({ templateNamespace: '' }).send({
      kind: 'template',
      to: '+31687654321',
      template: { name: 't', language: 'nl' },
      text: '',
      parameters: [],
    });
    expect(template.ok ? '' : template.reason).toContain('template namespace');
    expect(api.sends()).toHaveLength(0);
    expect((await provider().submitTemplate()).ok).toBe(false);
  });

  it('tests the connection with an empty send: accepted token ok, wrong token named', async () => {
    expect(await provider().testConnection()).toEqual({
      ok: true,
      displayPhoneNumber: '+31612345678',
      verifiedName: '',
    });
    expect(
      await provider({ productToken: '00000000-0000-0000-0000-000000000000' }).testConnection(),
    ).toMatchObject({
      ok: false,
      problem: 'invalid-token',
    });
    expect(api.sends()).toHaveLength(0);
  });
});

describe('CM.com webhooks', () => {
  async function delivered(body: unknown): Promise<{ inbound: InboundMessage[]; statuses: StatusUpdate[] }> {
    const p = provider();
    const inbound: InboundMessage[] = [];
    const statuses: StatusUpdate[] = [];
    p.onInbound((m) => {
      inbound.push(m);
      return Promise.resolve(null);
    });
    p.onStatus((s) => {
      statuses.push(s);
      return Promise.resolve();
    });
    await p.deliver(JSON.stringify(body));
    return { inbound, statuses };
  }

  it('reads a text with the sender, the time in UTC and a stable id', async () => {
    const body = cmInbound('+31687654321', { text: 'Is de bos er nog?' }, { name: 'Sanne' });
    const { inbound } = await delivered(body);
    expect(inbound[0]).toMatchObject({
      kind: 'text',
      text: 'Is de bos er nog?',
      from: '+31687654321',
      profileName: 'Sanne',
      at: Date.parse('2026-11-24T14:20:00Z'),
    });
    // A redelivery is the same JSON, hence the same id the store drops duplicates on.
    const again = await delivered(body);
    expect(again.inbound[0]?.providerId).toBe(inbound[0]?.providerId);
    const other = await delivered(cmInbound('+31687654321', { text: 'Nog een vraag' }));
    expect(other.inbound[0]?.providerId).not.toBe(inbound[0]?.providerId);
  });

  it('maps media, location, contacts, replies and interactive answers to the message content', async () => {
    const photo = await delivered(
      cmInbound('0031687654321', {
        text: 'Deze?',
        media: {
          mediaUri: 'https://cdn-2.messaging.cm.com/fileproxy/files/db1c9b',
          contentType: 'image/jpeg',
          title: 'IMG.jpg',
        },
      }),
    );
    expect(photo.inbound[0]).toMatchObject({
      text: 'Deze?',
      from: '+31687654321',
      content: {
        media: {
          kind: 'image',
          providerMediaId: 'https://cdn-2.messaging.cm.com/fileproxy/files/db1c9b',
          mimeType: 'image/jpeg',
          fileName: 'IMG.jpg',
        },
      },
    });
    const sticker = await delivered(
      cmInbound('+31687654321', {
        media: { mediaUri: 'https://cdn-1.messaging.cm.com/f/x', contentType: 'image/webp' },
      }),
    );
    expect(sticker.inbound[0]?.content?.media?.kind).toBe('sticker');

    const place = await delivered(
      cmInbound('+31687654321', {
        text: '',
        custom: {
          location: {
            latitude: 51.603802,
            longitude: 4.770821,
            label: 'CM HQ',
            searchQuery: 'Konijnenberg 30',
          },
        },
      }),
    );
    expect(place.inbound[0]).toMatchObject({
      text: 'Location: CM HQ, Konijnenberg 30',
      content: {
        location: {
          latitude: 51.603802,
          longitude: 4.770821,
          name: 'CM HQ',
          address: 'Konijnenberg 30',
          url: null,
        },
      },
    });

    const card = await delivered(
      cmInbound('+31687654321', {
        custom: {
          contacts: [
            {
              name: { formatted_name: 'Jan Jansen' },
              phones: [{ phone: '+31 6 11111111', wa_id: '31611111111', type: 'CELL' }],
            },
          ],
        },
      }),
    );
    expect(card.inbound[0]?.content?.contacts?.[0]).toMatchObject({
      name: 'Jan Jansen',
      phones: [{ phone: '+31 6 11111111', waId: '31611111111' }],
    });

    const reply = await delivered(
      cmInbound('+31687654321', { text: 'Ja graag' }, { messageContext: 'msg-1' }),
    );
    expect(reply.inbound[0]?.content?.replyTo).toBe('msg-1');

    const chosen = await delivered(
      cmInbound('+31687654321', {
        text: 'Morgen',
        custom: {
          interactive: {
            type: 'list_reply',
            list_reply: { id: 'slot-2', title: 'Morgen', description: '10:00' },
          },
        },
      }),
    );
    expect(chosen.inbound[0]).toMatchObject({
      kind: 'button',
      text: 'Morgen',
      payload: 'slot-2',
      content: { choice: { source: 'list-reply', id: 'slot-2', title: 'Morgen', description: '10:00' } },
    });
  });

  it('leaves out other channels and says so for what it cannot read', () => {
    expect(
      parseWebhook(JSON.stringify(cmInbound('+31687654321', { text: 'sms' }, { channel: 'SMS' }))),
    ).toEqual({ ok: true, events: [], skipped: 1 });
    expect(parseWebhook('{"hello":1}')).toMatchObject({ ok: false });
    expect(parseWebhook('not json')).toMatchObject({ ok: false });
  });

  it('maps status reports to sent, delivered, read and failed, with plain words for a failure', async () => {
    const codes = [0, 2, 4, 3] as const;
    const got = await Promise.all(codes.map((code) => delivered(cmStatusReport('msg-1', code))));
    expect(got.map((g) => g.statuses[0]?.status)).toEqual(['sent', 'delivered', 'read', 'failed']);
    expect(got[0]?.statuses[0]).toMatchObject({
      providerId: 'msg-1',
      reference: 'msg-1',
      at: Date.parse('2026-11-24T14:21:00Z'),
      error: null,
    });

    const closed = await delivered(
      cmStatusReport('msg-1', 3, { errorCode: 62, errorDescription: 'Re-engagement message' }),
    );
    expect(closed.statuses[0]?.error).toContain('24-hour window');
    const other = await delivered(
      cmStatusReport('msg-1', 1, { errorCode: 99, errorDescription: 'Something odd' }),
    );
    expect(other.statuses[0]).toMatchObject({ status: 'failed', error: 'CM.com reported: Something odd' });
    expect((await delivered(cmStatusReport('msg-1', 9))).statuses).toEqual([]);
  });
});
