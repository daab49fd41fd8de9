import { DAY, FakeBridge, HOUR, makeRow, MINUTE, T0, type RowSpec } from './fake-api';
import { makeTemplate } from './fake-follow-ups';

/** ticket_update (the default), spring_sale (marketing) and a pending draft_offer. */
export function shopTemplates() {
  return [
    makeTemplate({
      id: 't-ticket',
      name: 'ticket_update',
      language: 'en_US',
      body: 'Hi {first_name}, there is news about your ticket {ticket_ID}.',
      footer: 'Reply STOP to opt out',
      buttons: ['Yes, continue', 'No thanks'],
      mapping: {
        first_name: { kind: 'field', field: 'first_name' },
        ticket_ID: { kind: 'field', field: 'ticket_ID' },
      },
    }),
    makeTemplate({
      id: 't-sale',
      name: 'spring_sale',
      category: 'marketing',
      body: 'Hello {name}, our spring sale starts today!',
    }),
    makeTemplate({
      id: 't-draft',
      name: 'draft_offer',
      language: 'nl',
      status: 'pending',
      body: 'Hoi {name}!',
    }),
  ];
}

const CLOSED: Partial<RowSpec> = { state: 'closed', expiresAt: T0 - 3 * HOUR, followUp: 'ready' };

/** A shop with contacts in every follow-up situation, ticket_update as the default template. */
export function shopBridge(): FakeBridge {
  const fake = new FakeBridge([
    makeRow({ id: 'maria', name: 'Maria Jansen', state: 'open', expiresAt: T0 + 5 * HOUR }),
    makeRow({ id: 'sofia', name: 'Sofia Rossi', ...CLOSED, fields: { ticket_ID: 'T-42' } }),
    makeRow({
      id: 'lena',
      name: 'Lena Vogel',
      ...CLOSED,
      expiresAt: T0 - 30 * MINUTE,
      fields: { ticket_ID: 'T-7' },
    }),
    makeRow({
      id: 'carl',
      name: 'Carl Meyer',
      ...CLOSED,
      followUp: 'no-opt-in',
      optIn: { status: 'none', at: null, source: null },
      fields: { ticket_ID: 'T-9' },
    }),
    makeRow({
      id: 'otto',
      name: 'Otto Brandt',
      ...CLOSED,
      followUp: 'opted-out',
      optIn: { status: 'opted-out', at: T0 - DAY, source: null },
    }),
    makeRow({
      id: 'tom',
      name: 'Tom de Vries',
      state: 'awaiting-reply',
      followUpSentAt: Date.UTC(2025, 10, 26, 9, 2),
      fields: { ticket_ID: 'T-3' },
    }),
    makeRow({ id: 'paul', name: 'Paul Smit', ...CLOSED }),
  ]);
  fake.templates = shopTemplates();
  fake.settings = { ...fake.settings, defaultTemplateId: 't-ticket' };
  return fake;
}
