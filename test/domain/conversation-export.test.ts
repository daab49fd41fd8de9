import { describe, expect, it } from 'vitest';
import type { Contact, Message } from '../../main/contract/model';
import { contactDataJson } from '../../main/domain/export/contact-data';
import { conversationsHtml, escapeHtml } from '../../main/domain/export/conversation-html';

const T = Date.parse('2026-11-24T14:20:00Z');

const contact: Contact = {
  id: 'c1',
  name: 'Maria <b>Jansen</b>',
  phone: '+31612345678',
  notes: '',
  fields: { city: 'Utrecht' },
  optIn: { status: 'opted-in', at: T - 1000, source: 'in-store', proof: 'form' },
  optInHistory: [{ at: T - 1000, status: 'opted-in', source: 'in-store', by: 'owner', note: 'form' }],
  optInRequestedAt: null,
  muted: false,
  createdAt: T - 2000,
  updatedAt: T - 1000,
};

const message = (patch: Partial<Message>): Message => ({
  id: 'm1',
  contactId: 'c1',
  direction: 'inbound',
  kind: 'text',
  text: 'Hello',
  at: T,
  status: 'received',
  providerId: null,
  followUp: false,
  template: null,
  error: null,
  consent: null,
  ...patch,
});

const options = { title: 'Conversation', exportedAt: T, locale: 'en-GB', timeZone: 'Europe/Amsterdam' };

describe('the HTML export', () => {
  it('escapes what customers and the owner wrote, so nothing in it can run', () => {
    const html = conversationsHtml(
      [{ contact, messages: [message({ text: '<script>alert("x")</script> & <img src=x onerror=y>' })] }],
      options,
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>Jansen');
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=y&gt;',
    );
    expect(html).toContain("default-src 'none'");
  });

  it('shows a picture inline when the file is there, and its label when it is not', () => {
    const media = new Map([
      ['m1', { label: 'Photo', dataUrl: 'data:image/png;base64,iVBORw0KGgo=' }],
      ['m2', { label: 'Photo', dataUrl: null }],
    ]);
    const html = conversationsHtml(
      [{ contact, messages: [message({}), message({ id: 'm2', at: T + 1 })], media }],
      options,
    );
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="Photo">');
    expect(html).toContain('[Photo]');
  });

  it('heads each day in the owner’s time zone', () => {
    const html = conversationsHtml(
      [{ contact, messages: [message({ at: Date.parse('2026-11-24T23:30:00Z') })] }],
      options,
    );
    expect(html).toContain('Wed, 25 November 2026');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });
});

describe('everything about one contact', () => {
  it('holds the record, the opt-in history, the messages, the template sends and the reminders', () => {
    const template = message({
      id: 'm2',
      direction: 'outbound',
      kind: 'template',
      text: 'We have news',
      status: 'delivered',
      followUp: true,
      template: { name: 'ticket_update', language: 'en' },
    });
    const json = JSON.parse(
      contactDataJson({
        contact,
        messages: [message({}), template],
        lastTemplate: { name: 'ticket_update', language: 'en', at: T },
        upcomingReminders: [],
        notifications: [
          {
            id: 'n1',
            at: T,
            kind: 'reminder',
            title: 'Closing',
            body: 'Maria',
            contactIds: ['c1'],
            reminderIds: [],
            read: false,
          },
        ],
        exportedAt: T,
      }),
    ) as Record<string, unknown>;
    expect(json).toMatchObject({
      format: 'carewindow-contact-data',
      contact: { id: 'c1', phone: '+31612345678', fields: { city: 'Utrecht' } },
      optInHistory: [{ status: 'opted-in', note: 'form', at: new Date(T - 1000).toISOString() }],
      messages: [{ id: 'm1' }, { id: 'm2' }],
      templateSends: [{ template: 'ticket_update', followUp: true, status: 'delivered' }],
      lastTemplate: { name: 'ticket_update' },
      reminders: { upcoming: [], notifications: [{ id: 'n1' }] },
    });
  });
});
