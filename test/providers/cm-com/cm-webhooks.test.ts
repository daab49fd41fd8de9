// CM.com's webhooks: inbound messages of every kind, other channels left out, status reports.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CmAccount } from '../../../main/providers/cm-com/cm-provider';
import { parseWebhook } from '../../../main/providers/cm-com/webhook-events';
import type { InboundMessage, StatusUpdate } from '../../../main/services/ports';
import { cmInbound, cmStatusReport, FakeCmApi } from '../../support/fake-cm-api';
import { cmProvider } from './cm-kit';

let api: FakeCmApi;
beforeEach(async () => {
  api = await FakeCmApi.start();
});
afterEach(() => api.stop());

const provider = (change: Partial<CmAccount> = {}) => cmProvider(api, change);

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
