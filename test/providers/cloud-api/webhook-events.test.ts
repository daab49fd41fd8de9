import { describe, expect, it } from 'vitest';
import { opensWindow } from '../../../main/domain/inbound-event';
import { parseWebhook, type WebhookEvent } from '../../../main/providers/cloud-api/webhook-events';
import type { InboundMessage } from '../../../main/services/ports';
import { inbound, status, textMessage, webhook } from '../../support/webhook-fixtures';

const AT = 1764000000 * 1000;

function events(payload: unknown): WebhookEvent[] {
  const parsed = parseWebhook(JSON.stringify(payload));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.events;
}

function onlyInbound(payload: unknown): InboundMessage {
  const [event, ...rest] = events(payload);
  expect(rest).toHaveLength(0);
  if (event?.type !== 'inbound') throw new Error(`expected an inbound event, got ${event?.type ?? 'none'}`);
  return event.message;
}

describe('inbound messages', () => {
  it('reads a text with the sender as E.164, the profile name and the time in milliseconds', () => {
    expect(onlyInbound(textMessage('wamid.A', 'Does it come in another color?'))).toEqual({
      kind: 'text',
      text: 'Does it come in another color?',
      from: '+31612345678',
      profileName: 'Sanne de Vries',
      at: AT,
      providerId: 'wamid.A',
      original: { type: 'text', json: expect.stringContaining('another color') as unknown },
    });
  });

  const media: [string, Record<string, unknown>, string, boolean][] = [
    ['image', { image: { id: 'm1', mime_type: 'image/jpeg', caption: 'This one?' } }, 'This one?', true],
    // A media message's text is its caption alone: the media is its content (webhook-content.ts).
    ['image', { image: { id: 'm1', mime_type: 'image/jpeg' } }, '', true],
    ['video', { video: { id: 'm2' } }, '', true],
    ['audio', { audio: { id: 'm3', voice: true } }, '', true],
    ['audio', { audio: { id: 'm3' } }, '', true],
    ['document', { document: { id: 'm4', filename: 'invoice.pdf' } }, '', true],
    ['sticker', { sticker: { id: 'm5', animated: false } }, '', true],
    [
      'location',
      { location: { latitude: 52.37, longitude: 4.9, name: 'Shop', address: 'Dam 1' } },
      'Location: Shop, Dam 1',
      true,
    ],
    [
      'contacts',
      { contacts: [{ name: { formatted_name: 'Piet Jansen' }, phones: [] }] },
      'Contact card: Piet Jansen',
      true,
    ],
    ['order', { order: { catalog_id: 'c', product_items: [] } }, 'Order', true],
    [
      'unsupported',
      { errors: [{ code: 131051, title: 'Message type unknown' }] },
      'A message WhatsApp cannot show here',
      true,
    ],
    ['poll_of_the_future', {}, 'A message of a new kind (poll_of_the_future)', true],
  ];
  it.each(media)('keeps a %s raw, shown as a short line (%s → %s)', (type, content, text, opens) => {
    const message = onlyInbound(inbound('wamid.M', type, content));

    expect(message).toMatchObject({ kind: 'text', text, providerId: 'wamid.M' });
    expect(message.original?.type).toBe(type);
    expect(JSON.parse(message.original?.json ?? '{}')).toMatchObject({ type, ...content });
    expect(opensWindow(message)).toBe(opens);
  });

  it('reads a reaction as a reaction, which does not open the window', () => {
    const message = onlyInbound(
      inbound('wamid.R', 'reaction', { reaction: { message_id: 'wamid.OUT', emoji: '👍' } }),
    );

    expect(message).toMatchObject({ kind: 'reaction', text: '👍' });
    expect(opensWindow(message)).toBe(false);
  });

  it('reads a template quick reply and interactive replies as buttons with their payload', () => {
    expect(
      onlyInbound(inbound('wamid.B', 'button', { button: { text: 'Stop promotions', payload: 'STOP' } })),
    ).toMatchObject({
      kind: 'button',
      text: 'Stop promotions',
      payload: 'STOP',
    });
    const reply = onlyInbound(
      inbound('wamid.I', 'interactive', {
        interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes please' } },
      }),
    );
    expect(reply).toMatchObject({ kind: 'button', text: 'Yes please', payload: 'yes' });
    expect(opensWindow(reply)).toBe(false);
    expect(
      onlyInbound(
        inbound('wamid.L', 'interactive', {
          interactive: { type: 'list_reply', list_reply: { id: 'r2', title: 'Red' } },
        }),
      ),
    ).toMatchObject({ kind: 'button', text: 'Red', payload: 'r2' });
  });

  it('reports a system message as a notice, not as the customer writing', () => {
    const [event] = events(
      inbound('wamid.S', 'system', {
        system: { body: 'User A changed from 1 to 2', type: 'user_changed_number' },
      }),
    );

    expect(event).toMatchObject({
      type: 'notice',
      text: 'User A changed from 1 to 2',
      providerId: 'wamid.S',
    });
  });

  it('reads a call the customer made as a call, which opens the window, and ignores the business’s own', () => {
    const calls = webhook(
      {
        calls: [
          {
            id: 'wacid.1',
            from: '31612345678',
            to: '15550783881',
            event: 'connect',
            timestamp: '1764000000',
            direction: 'USER_INITIATED',
          },
          {
            id: 'wacid.2',
            from: '15550783881',
            to: '31612345678',
            event: 'connect',
            timestamp: '1764000100',
            direction: 'BUSINESS_INITIATED',
          },
        ],
      },
      'calls',
    );
    const [call, ...rest] = events(calls);

    expect(rest).toHaveLength(0);
    expect(call).toMatchObject({
      type: 'inbound',
      message: { kind: 'call', providerId: 'wacid.1', at: AT, from: '+31612345678' },
    });
    expect(call?.type === 'inbound' && opensWindow(call.message)).toBe(true);
  });

  it('keeps every message of a batched payload, in order, and skips only the one it cannot read', () => {
    const payload = webhook({
      messages: [
        { from: '31612345678', id: 'wamid.1', timestamp: '1764000000', type: 'text', text: { body: 'one' } },
        { from: 'not-a-number', id: 'wamid.2', timestamp: '1764000001', type: 'text', text: { body: 'two' } },
        {
          from: '31612345678',
          id: 'wamid.3',
          timestamp: '1764000002',
          type: 'text',
          text: { body: 'three' },
        },
      ],
    });
    const parsed = parseWebhook(JSON.stringify(payload));

    expect(parsed).toMatchObject({ ok: true, skipped: 1 });
    expect(parsed.ok && parsed.events.map((e) => (e.type === 'inbound' ? e.message.text : e.type))).toEqual([
      'one',
      'three',
    ]);
  });
});

describe('statuses', () => {
  it.each(['sent', 'delivered', 'read'])('reads %s with its time', (state) => {
    expect(events(status('wamid.OUT', state, '1764000000'))).toEqual([
      {
        type: 'status',
        status: {
          providerId: 'wamid.OUT',
          status: state,
          at: AT,
          error: null,
          recipient: '+31612345678',
          code: null,
          title: '',
          reference: null,
          pricing: null,
        },
      },
    ]);
  });

  it('reports the send request’s biz_opaque_callback_data back as its reference', () => {
    const [event] = events(
      status('wamid.OUT', 'sent', '1764000000', { biz_opaque_callback_data: 'msg-123' }),
    );
    expect(event).toMatchObject({
      type: 'status',
      status: { providerId: 'wamid.OUT', reference: 'msg-123' },
    });
  });

  it('records the pricing object and ignores the conversation object', () => {
    const [event] = events(
      status('wamid.OUT', 'delivered', '1764000000', {
        conversation: { id: 'c1', origin: { type: 'marketing' } },
        pricing: { billable: true, pricing_model: 'PMP', category: 'marketing', type: 'regular' },
      }),
    );

    expect(event).toMatchObject({
      type: 'status',
      status: { pricing: { billable: true, pricingModel: 'PMP', category: 'marketing', type: 'regular' } },
    });
  });

  it('turns a failure code and title into plain words', () => {
    const [event] = events(
      status('wamid.OUT', 'failed', '1764000000', {
        errors: [
          { code: 131047, title: 'Re-engagement message', error_data: { details: 'more than 24 hours' } },
        ],
      }),
    );

    expect(event).toMatchObject({
      type: 'status',
      status: { status: 'failed', code: 131047, title: 'Re-engagement message' },
    });
    expect(event?.type === 'status' ? event.status.error : '').toMatch(/24-hour window closed.*131047/);
  });

  it('keeps an unknown failure code with its title', () => {
    const [event] = events(
      status('wamid.OUT', 'failed', '1764000000', { errors: [{ code: 999999, title: 'Brand new problem' }] }),
    );

    expect(event?.type === 'status' ? event.status.error : '').toContain('Brand new problem');
  });

  it('leaves ordering to the consumer: read before delivered is reported as it came', () => {
    const payload = webhook({
      statuses: [
        { id: 'wamid.OUT', status: 'read', timestamp: '1764000010', recipient_id: '31612345678' },
        { id: 'wamid.OUT', status: 'delivered', timestamp: '1764000005', recipient_id: '31612345678' },
      ],
    });

    expect(events(payload).map((e) => (e.type === 'status' ? e.status.status : e.type))).toEqual([
      'read',
      'delivered',
    ]);
  });

  it('skips a status it does not deliver (voice "played")', () => {
    expect(parseWebhook(JSON.stringify(status('wamid.OUT', 'played', '1764000000')))).toMatchObject({
      ok: true,
      events: [],
      skipped: 1,
    });
  });
});

describe('the envelope', () => {
  it('refuses something that is not a WhatsApp Business Account webhook', () => {
    expect(parseWebhook(JSON.stringify({ object: 'page', entry: [] }))).toMatchObject({ ok: false });
    expect(parseWebhook('{not json')).toMatchObject({ ok: false, reason: 'not JSON' });
  });

  it('reads account-level errors', () => {
    const payload = webhook({
      errors: [{ code: 130429, title: 'Rate limit hit', error_data: { details: 'slow down' } }],
    });

    expect(events(payload)).toEqual([
      { type: 'error', code: 130429, title: 'Rate limit hit', details: 'slow down' },
    ]);
  });
});
