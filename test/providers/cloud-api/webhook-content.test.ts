import { describe, expect, it } from 'vitest';
import { parseWebhook } from '../../../main/providers/cloud-api/webhook-events';
import type { InboundMessage } from '../../../main/services/ports';
import { inbound } from '../../support/webhook-fixtures';

/**
 * Each inbound type read into what the message carries, from payloads shaped as the webhook reference's
 * samples (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/<type>).
 */

function only(payload: unknown): InboundMessage {
  const parsed = parseWebhook(JSON.stringify(payload));
  if (!parsed.ok) throw new Error(parsed.reason);
  const [event] = parsed.events;
  if (event?.type !== 'inbound') throw new Error('expected an inbound event');
  return event.message;
}

const SHA = 'e6c2b4f0f0a7f9f0d3d7f1d4a6f3b1c2e6c2b4f0f0a7f9f0d3d7f1d4a6f3b1c2';

describe('inbound content (Cloud API webhooks)', () => {
  it.each([
    [
      'image',
      { image: { caption: 'This one?', mime_type: 'image/jpeg', sha256: SHA, id: '1003383421387256' } },
      'image',
      null,
      'This one?',
    ],
    ['video', { video: { mime_type: 'video/mp4', sha256: SHA, id: '1003383421387257' } }, 'video', null, ''],
    [
      'audio',
      { audio: { mime_type: 'audio/ogg; codecs=opus', sha256: SHA, id: '1003383421387258', voice: true } },
      'voice',
      null,
      '',
    ],
    [
      'audio',
      { audio: { mime_type: 'audio/mpeg', sha256: SHA, id: '1003383421387259', voice: false } },
      'audio',
      null,
      '',
    ],
    [
      'document',
      {
        document: {
          caption: 'Invoice',
          filename: 'invoice-0042.pdf',
          mime_type: 'application/pdf',
          sha256: SHA,
          id: '1003383421387260',
        },
      },
      'document',
      'invoice-0042.pdf',
      'Invoice',
    ],
    [
      'sticker',
      { sticker: { mime_type: 'image/webp', sha256: SHA, id: '1003383421387261', animated: false } },
      'sticker',
      null,
      '',
    ],
  ])('reads %s media by its id, never a url (%s)', (type, content, kind, fileName, text) => {
    const message = only(inbound('wamid.M', type, content));
    const object = Object.values(content)[0] as { id: string; mime_type: string };
    expect(message.text).toBe(text);
    expect(message.content?.media).toEqual({
      kind,
      providerMediaId: object.id,
      mimeType: object.mime_type,
      sha256: SHA,
      fileName,
    });
  });

  it('reads a location with coordinates, name, address and url', () => {
    const message = only(
      inbound('wamid.L', 'location', {
        location: {
          address: '1 Hacker Way, Menlo Park, CA 94025',
          latitude: 37.4843,
          longitude: -122.1484,
          name: 'Philz Coffee',
          url: 'https://www.philzcoffee.com',
        },
      }),
    );
    expect(message.content?.location).toEqual({
      latitude: 37.4843,
      longitude: -122.1484,
      name: 'Philz Coffee',
      address: '1 Hacker Way, Menlo Park, CA 94025',
      url: 'https://www.philzcoffee.com',
    });
  });

  it('reads shared contacts with phones (wa_id), emails and company, capped', () => {
    const card = {
      name: { formatted_name: 'Barbara J. Johnson', first_name: 'Barbara', last_name: 'Johnson' },
      phones: [
        { phone: '+1 (940) 555-1234', type: 'HOME' },
        { phone: '+1 (650) 555-1234', type: 'WORK', wa_id: '16505551234' },
      ],
      emails: [{ email: 'bjohnson@example.com', type: 'WORK' }],
      org: { company: 'Lucky Shrub', department: 'Legal', title: 'Lead Counsel' },
    };
    const message = only(
      inbound('wamid.C', 'contacts', { contacts: Array.from({ length: 25 }, () => card) }),
    );
    expect(message.content?.contacts).toHaveLength(20);
    expect(message.content?.contacts?.[0]).toEqual({
      name: 'Barbara J. Johnson',
      phones: [
        { phone: '+1 (940) 555-1234', waId: null, type: 'HOME' },
        { phone: '+1 (650) 555-1234', waId: '16505551234', type: 'WORK' },
      ],
      emails: [{ email: 'bjohnson@example.com', type: 'WORK' }],
      organization: 'Lucky Shrub',
    });
  });

  it('reads interactive button and list replies and a template quick reply as the chosen option', () => {
    expect(
      only(
        inbound('wamid.I1', 'interactive', {
          interactive: { type: 'button_reply', button_reply: { id: 'change-button', title: 'Change' } },
        }),
      ).content?.choice,
    ).toEqual({ source: 'button-reply', id: 'change-button', title: 'Change', description: null });
    expect(
      only(
        inbound('wamid.I2', 'interactive', {
          interactive: {
            type: 'list_reply',
            list_reply: {
              id: 'priority_express',
              title: 'Express Shipping',
              description: 'Next Day to 2 Days',
            },
          },
        }),
      ).content?.choice,
    ).toEqual({
      source: 'list-reply',
      id: 'priority_express',
      title: 'Express Shipping',
      description: 'Next Day to 2 Days',
    });
    expect(
      only(
        inbound('wamid.B', 'button', {
          context: { from: '15550783881', id: 'wamid.TPL' },
          button: { payload: 'YES', text: 'Yes, please' },
        }),
      ).content,
    ).toEqual({
      choice: { source: 'template-button', id: 'YES', title: 'Yes, please', description: null },
      replyTo: 'wamid.TPL',
    });
  });

  it('reads a reaction with the message it is on; a removed reaction has no emoji', () => {
    const added = only(
      inbound('wamid.R1', 'reaction', { reaction: { message_id: 'wamid.OUT', emoji: '👍' } }),
    );
    expect(added).toMatchObject({ kind: 'reaction', text: '👍', content: { reactionTo: 'wamid.OUT' } });
    const removed = only(inbound('wamid.R2', 'reaction', { reaction: { message_id: 'wamid.OUT' } }));
    expect(removed).toMatchObject({ kind: 'reaction', text: '', content: { reactionTo: 'wamid.OUT' } });
  });

  it('reads the quoted message of a reply, and a forwarded flag', () => {
    const reply = only(
      inbound('wamid.Q', 'text', {
        text: { body: 'Yes that one' },
        context: { from: '15550783881', id: 'wamid.QUOTED' },
      }),
    );
    expect(reply.content).toEqual({ replyTo: 'wamid.QUOTED' });
    const forwarded = only(
      inbound('wamid.F', 'text', { text: { body: 'Look' }, context: { forwarded: true } }),
    );
    expect(forwarded.content).toEqual({ forwarded: true });
  });

  it('keeps unsupported and unknown types with their type name', () => {
    const unsupported = only(
      inbound('wamid.U', 'unsupported', {
        errors: [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown' }],
      }),
    );
    expect(unsupported.content?.unsupported).toEqual({ type: 'unsupported', detail: 'Message type unknown' });
    expect(only(inbound('wamid.N', 'poll_of_the_future', {})).content?.unsupported).toEqual({
      type: 'poll_of_the_future',
      detail: null,
    });
  });

  it('adds nothing to a plain text', () => {
    expect(only(inbound('wamid.T', 'text', { text: { body: 'Hi' } })).content).toBeUndefined();
  });
});
