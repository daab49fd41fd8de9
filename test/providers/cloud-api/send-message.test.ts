import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { sendMessage } from '../../../main/providers/cloud-api/send-message';
import type { OutboundRequest, SendFailureKind } from '../../../main/services/ports';
import type { GraphErrorClass } from '../../support/fake-graph-api';
import { useFakeGraph } from '../../support/use-fake-graph';

const fake = useFakeGraph({ timeoutMs: 30_000 });

const text: OutboundRequest = { kind: 'text', to: '+31 6 1234 5678', text: 'Hoi Sanne 🌷' };
const template = (parameters: { name: string; value: string }[]): OutboundRequest => ({
  kind: 'template',
  to: '+31612345678',
  template: { name: 'ticket_update', language: 'nl' },
  text: 'We have a new update regarding your ticket 42.',
  parameters,
});

describe('sending', () => {
  it('posts a text to /{phone-number-id}/messages with the bearer token and returns the wamid', async () => {
    const outcome = await sendMessage(fake.settings, text);

    expect(outcome).toEqual({ ok: true, providerId: 'wamid.fake.1' });
    const [request] = fake.api.requests;
    expect(request?.path).toBe(`/v26.0/${fake.api.phoneNumberId}/messages`);
    expect(request?.headers.authorization).toBe(`Bearer ${fake.api.token}`);
    expect(request?.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '31612345678',
      type: 'text',
      text: { preview_url: false, body: 'Hoi Sanne 🌷' },
    });
  });

  it('carries the request’s reference as biz_opaque_callback_data, for status webhooks to echo', async () => {
    await sendMessage(fake.settings, { ...text, reference: 'msg-123' });
    expect(fake.api.requests[0]?.body).toMatchObject({ biz_opaque_callback_data: 'msg-123' });
  });

  it('sends positional parameters in number order', async () => {
    await sendMessage(
      fake.settings,
      template([
        { name: '2', value: 'second' },
        { name: '1', value: 'first' },
      ]),
    );

    expect(fake.api.requests[0]?.body).toMatchObject({
      type: 'template',
      template: {
        name: 'ticket_update',
        language: { code: 'nl' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'first' },
              { type: 'text', text: 'second' },
            ],
          },
        ],
      },
    });
  });

  it('sends named parameters with their parameter_name', async () => {
    await sendMessage(fake.settings, template([{ name: 'ticket_id', value: '42' }]));

    expect(fake.api.requests[0]?.body).toMatchObject({
      template: {
        components: [
          { type: 'body', parameters: [{ type: 'text', parameter_name: 'ticket_id', text: '42' }] },
        ],
      },
    });
  });
});

describe('a refused send', () => {
  const cases: [GraphErrorClass, SendFailureKind, number, boolean][] = [
    ['expired-token', 'auth', 190, false],
    ['permission', 'permission', 10, false],
    ['permission-200', 'permission', 200, false],
    ['wrong-id', 'not-found', 100, false],
    ['wrong-id-803', 'not-found', 803, false],
    ['window-closed', 'window-closed', 131047, false],
    ['missing-parameter', 'invalid-parameter', 131008, false],
    ['param-count-mismatch', 'invalid-parameter', 132000, false],
    ['marketing-limit', 'marketing-limit', 131049, false],
    ['marketing-stopped', 'marketing-stopped', 131050, false],
    ['rate-limit', 'rate-limited', 130429, true],
    ['pair-rate-limit', 'rate-limited', 131056, true],
    ['account-rate-limit', 'rate-limited', 80007, true],
    ['server', 'server', 131000, true],
  ];

  it.each(cases)('%s → %s (code %i, retryable %s)', async (error, kind, code, retryable) => {
    fake.api.answerSend({ kind: 'error', error });

    const outcome = await sendMessage(fake.settings, text);

    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.failure).toMatchObject({ kind, code });
    expect(outcome.retryable).toBe(retryable);
    expect(outcome.reason).not.toBe('');
    expect(outcome.failure?.action).not.toBe('');
  });

  it('says the window closed in plain words for 131047', async () => {
    fake.api.answerSend({ kind: 'error', error: 'window-closed' });

    const outcome = await sendMessage(fake.settings, text);

    expect(outcome).toMatchObject({
      ok: false,
      reason: expect.stringContaining('24-hour window closed') as unknown,
    });
  });

  it('names the placeholder the details name', async () => {
    fake.api.answerSend({
      kind: 'error',
      error: 'missing-parameter',
      details: 'Parameter ticket_id is missing or empty.',
    });

    const outcome = await sendMessage(
      fake.settings,
      template([
        { name: 'name', value: 'Sanne' },
        { name: 'ticket_id', value: '' },
      ]),
    );

    expect(outcome).toMatchObject({
      ok: false,
      failure: { kind: 'invalid-parameter', parameter: 'ticket_id' },
    });
    expect(outcome.ok ? '' : outcome.reason).toContain('{ticket_id}');
  });

  it('names no placeholder when the details name none', async () => {
    fake.api.answerSend({ kind: 'error', error: 'param-count-mismatch' });

    const outcome = await sendMessage(fake.settings, template([{ name: '1', value: 'Sanne' }]));

    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'invalid-parameter', parameter: null } });
  });

  it('treats an HTML error page as a server problem', async () => {
    fake.api.answerSend({ kind: 'json', status: 502, body: 'Bad gateway' });

    expect(await sendMessage(fake.settings, text)).toMatchObject({
      ok: false,
      retryable: true,
      failure: { kind: 'server', code: null },
    });
  });
});

describe('a send without an answer', () => {
  it('is "outcome unknown", never retryable, when the platform holds the answer past the timeout', async () => {
    fake.api.answerSend({ kind: 'hold' });
    const short = { ...fake.settings, timeoutMs: 200 };

    const outcome = await sendMessage(short, template([{ name: '1', value: 'Sanne' }]));

    expect(fake.api.requests).toHaveLength(1);
    expect(outcome).toMatchObject({ ok: false, retryable: false, failure: { kind: 'timeout-after-send' } });
  });

  it('is "outcome unknown" when the app gives up after the request reached the platform', async () => {
    fake.api.answerSend({ kind: 'hold' });
    const giveUp = new AbortController();

    const sending = sendMessage(fake.settings, text, giveUp.signal);
    await fake.api.waitForRequests(1);
    giveUp.abort();

    expect(await sending).toMatchObject({
      ok: false,
      retryable: false,
      failure: { kind: 'timeout-after-send' },
    });
  });

  it('is "outcome unknown" when the connection drops after the request was read', async () => {
    fake.api.answerSend({ kind: 'drop' });

    const outcome = await sendMessage(fake.settings, text);

    expect(fake.api.requests).toHaveLength(1);
    expect(outcome).toMatchObject({ ok: false, retryable: false, failure: { kind: 'timeout-after-send' } });
  });

  it('is a retryable network error when nothing could connect (nothing was sent)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const outcome = await sendMessage({ ...fake.settings, baseUrl: `http://127.0.0.1:${port}` }, text);

    expect(outcome).toMatchObject({ ok: false, retryable: true, failure: { kind: 'network' } });
  });

  it('gets the held answer once released', async () => {
    fake.api.answerSend({ kind: 'hold' });

    const sending = sendMessage(fake.settings, text);
    await fake.api.waitForRequests(1);
    expect(fake.api.release()).toBe(1);

    expect(await sending).toMatchObject({ ok: true });
  });
});
