// Sending through CM.com: texts, templates, refusals classified, and the connection test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CmAccount } from '../../../main/providers/cm-com/cm-provider';
import { FakeCmApi } from '../../support/fake-cm-api';
import { cmProvider } from './cm-kit';

let api: FakeCmApi;
beforeEach(async () => {
  api = await FakeCmApi.start();
});
afterEach(() => api.stop());

const provider = (change: Partial<CmAccount> = {}) => cmProvider(api, change);

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
    const media = await provider().send({
      kind: 'media',
      to: '+31687654321',
      media: { kind: 'image', file: 'media/a/b.jpg', mimeType: 'image/jpeg', fileName: 'b.jpg' },
      text: '',
    });
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
