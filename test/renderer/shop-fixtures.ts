import type { ContactDraft, TemplateDraft } from '../../main/contract/model';
import type { InProcessHost } from '../support/in-process-host';
import { startHost } from './render-app';
import { DAY, HOUR, MINUTE, T0 } from './moments';

/**
 * Shops for the renderer's tests, seeded the way they came about: the owner adds contacts and templates
 * through the real handlers, customers write through the simulator at the moment they wrote, the owner
 * sends follow-ups when they were sent; main's clock then stands at T0. Window states, eligibility,
 * filled texts and refusals are whatever the real main process makes of that history.
 */

export type ContactSpec = Partial<Omit<ContactDraft, 'optIn'>> & {
  name: string;
  phone: string;
  optIn?: Partial<ContactDraft['optIn']>;
};

/** The owner adds a contact (opted in at the counter unless said otherwise); returns its id. */
export async function addContact(host: InProcessHost, spec: ContactSpec): Promise<string> {
  const row = await host.handlers.contacts.create({
    notes: '',
    fields: {},
    ...spec,
    optIn: { status: 'opted-in', at: null, source: 'in-store', proof: '', ...spec.optIn },
  });
  return row.contact.id;
}

/**
 * A customer writes at `at`. Main's clock moves there first when `at` lies ahead; a message from before
 * "now" arrives late, as WhatsApp delivers what it could not deliver while the app was closed (which
 * spares the seed from running every minute of a day through the reminders' heartbeat).
 */
export async function customerWrites(host: InProcessHost, phone: string, at: number, text = 'Hello!') {
  if (at > host.clock.now()) await host.advanceTo(at);
  await host.simulator.deliver({ from: phone, profileName: null, text, at });
  await host.idle();
}

/** What the owner types for a template; `patch` changes one thing. */
export const draftOf = (patch: Partial<TemplateDraft> & { name: string; body: string }): TemplateDraft => ({
  language: 'en',
  category: 'utility',
  status: 'approved',
  header: null,
  footer: null,
  buttons: [],
  mapping: {},
  ...patch,
});

export interface ShopTemplates {
  /** ticket_update (en_US): filled from first_name and the custom field ticket_ID; the default. */
  ticket: string;
  /** spring_sale (en), marketing. */
  sale: string;
  /** draft_offer (nl), pending review. */
  draft: string;
}

/** ticket_update as the owner typed it. */
export const TICKET_UPDATE = draftOf({
  name: 'ticket_update',
  language: 'en_US',
  body: 'Hi {first_name}, there is news about your ticket {ticket_ID}.',
  footer: 'Reply STOP to opt out',
  buttons: ['Yes, continue', 'No thanks'],
  mapping: {
    first_name: { kind: 'field', field: 'first_name' },
    ticket_ID: { kind: 'field', field: 'ticket_ID' },
  },
});

/** ticket_update, spring_sale (marketing) and a pending draft_offer, saved by the owner. */
export async function addShopTemplates(host: InProcessHost): Promise<ShopTemplates> {
  const save = async (draft: TemplateDraft) => (await host.handlers.templates.save(draft)).id;
  const ticket = await save(TICKET_UPDATE);
  const sale = await save(
    draftOf({
      name: 'spring_sale',
      category: 'marketing',
      body: 'Hello {name}, our spring sale starts today!',
      mapping: { name: { kind: 'field', field: 'name' } },
    }),
  );
  const draft = await save(
    draftOf({
      name: 'draft_offer',
      language: 'nl',
      status: 'pending',
      body: 'Hoi {name}!',
      mapping: { name: { kind: 'field', field: 'name' } },
    }),
  );
  return { ticket, sale, draft };
}

/** 10:00 in Amsterdam on T0's day: the app starts, and what customers wrote overnight arrives. */
export const SHOP_OPENS = T0 - 4 * HOUR;

export const PHONES = {
  maria: '+31612340001',
  sofia: '+31612340002',
  lena: '+31612340003',
  carl: '+31612340004',
  otto: '+31612340005',
  tom: '+31612340006',
  paul: '+31612340007',
} as const;

export type ShopPerson = keyof typeof PHONES;

export interface Shop {
  host: InProcessHost;
  /** Contact ids by first name. */
  id: Record<ShopPerson, string>;
  templates: ShopTemplates;
}

export interface ShopOptions {
  /** Otto wrote START a day after his STOP: he asks to be opted back in. */
  ottoAsksToOptIn?: boolean;
  /** Runs before main's clock moves to T0 (e.g. to change settings or fields). */
  before?: (shop: Shop) => Promise<void>;
}

/**
 * A shop with a customer in every follow-up situation at T0, ticket_update as the default template:
 * Maria's window is open (5 h left); Sofia's closed 3 h ago and Lena's 30 min ago (both ready);
 * Carl has no opt-in; Otto wrote STOP; Tom got his follow-up at 10:02 and has not replied; Paul has
 * no ticket_ID for the template.
 */
export async function startShop(options: ShopOptions = {}): Promise<Shop> {
  const host = await startHost(SHOP_OPENS);
  const id: Record<ShopPerson, string> = {
    maria: await addContact(host, { name: 'Maria Jansen', phone: PHONES.maria }),
    sofia: await addContact(host, {
      name: 'Sofia Rossi',
      phone: PHONES.sofia,
      fields: { ticket_ID: 'T-42' },
    }),
    lena: await addContact(host, { name: 'Lena Vogel', phone: PHONES.lena, fields: { ticket_ID: 'T-7' } }),
    carl: await addContact(host, {
      name: 'Carl Meyer',
      phone: PHONES.carl,
      fields: { ticket_ID: 'T-9' },
      optIn: { status: 'none', source: null },
    }),
    otto: await addContact(host, { name: 'Otto Brandt', phone: PHONES.otto, fields: { ticket_ID: 'T-5' } }),
    tom: await addContact(host, { name: 'Tom de Vries', phone: PHONES.tom, fields: { ticket_ID: 'T-3' } }),
    paul: await addContact(host, { name: 'Paul Smit', phone: PHONES.paul }),
  };
  const templates = await addShopTemplates(host);
  await host.handlers.settings.update({ defaultTemplateId: templates.ticket });
  const shop = { host, id, templates };

  await customerWrites(host, PHONES.tom, T0 - 2 * DAY, 'Any news on my repair?');
  if (options.ottoAsksToOptIn) {
    await customerWrites(host, PHONES.otto, T0 - 2 * DAY + HOUR, 'STOP');
    await customerWrites(host, PHONES.otto, T0 - DAY - 3 * HOUR, 'Start');
  } else {
    await customerWrites(host, PHONES.otto, T0 - DAY - 3 * HOUR, 'STOP');
  }
  for (const who of ['sofia', 'carl', 'paul'] as const)
    await customerWrites(host, PHONES[who], T0 - DAY - 3 * HOUR);
  await customerWrites(host, PHONES.lena, T0 - DAY - 30 * MINUTE);
  await customerWrites(host, PHONES.maria, T0 - 19 * HOUR, 'Is the blue one back in stock?');
  // Tom's window closed yesterday; the owner followed up this morning at 10:02.
  await host.advanceTo(SHOP_OPENS + 2 * MINUTE);
  await host.handlers.followUps.send(id.tom, templates.ticket);
  await options.before?.(shop);
  await host.advanceTo(T0);
  return shop;
}
