// Templates with buttons and media headers through CM.com: button values go on as WhatsApp's own
// components; a photo, video or document header is refused in plain words before any request.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeCmApi } from '../../support/fake-cm-api';
import { cmProvider } from './cm-kit';

let api: FakeCmApi;
beforeEach(async () => {
  api = await FakeCmApi.start();
});
afterEach(() => api.stop());

const template = {
  kind: 'template' as const,
  to: '+31687654321',
  template: { name: 'order_ready', language: 'en' },
  text: 'Hi Maria, your order is ready.',
  parameters: [{ name: '1', value: 'Maria' }],
  reference: 'msg-7',
};

describe('template parts through CM.com', () => {
  it('sends quick-reply payloads and a URL suffix as button components', async () => {
    const outcome = await cmProvider(api).send({
      ...template,
      buttons: [
        { index: 0, type: 'url', text: 'A17' },
        { index: 1, type: 'quick_reply', payload: 'Yes' },
      ],
    });
    expect(outcome).toEqual({ ok: true, providerId: 'msg-7' });
    const body = api.sends()[0]?.body as {
      messages: {
        msg: { richContent: { conversation: { template: { whatsapp: { components: unknown[] } } }[] } }[];
      };
    };
    expect(body.messages.msg[0]?.richContent.conversation[0]?.template.whatsapp.components).toEqual([
      { type: 'body', parameters: [{ type: 'text', text: 'Maria' }] },
      { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'A17' }] },
      {
        type: 'button',
        sub_type: 'quick_reply',
        index: '1',
        parameters: [{ type: 'payload', payload: 'Yes' }],
      },
    ]);
  });

  it('refuses a template with a photo header, saying why, without a request', async () => {
    const outcome = await cmProvider(api).send({
      ...template,
      header: {
        kind: 'image',
        file: 'template-samples/t.jpg',
        mimeType: 'image/jpeg',
        fileName: 'bike.jpg',
      },
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reason).toMatch(/photo, video or document at the top.*public web address/);
    expect(outcome.retryable).toBe(false);
    expect(api.sends()).toEqual([]);
  });
});
