import { describe, expect, it } from 'vitest';
import type { CareWindow, Contact, Template } from '../../main/contract/model';
import { chooseTemplate, languageOf } from '../../main/domain/follow-up/choose-template';
import { categoryWarning, templateCost } from '../../main/domain/follow-up/cost';
import { previewFollowUp } from '../../main/domain/follow-up/preview';
import { savedTemplate } from '../support/templates';

const T0 = Date.UTC(2026, 10, 24, 15, 5);

function template(name: string, language: string, patch: Partial<Template> = {}): Template {
  return savedTemplate(T0, { id: `${name}.${language}`, name, language, ...patch });
}

const orderReady = (language: string, patch: Partial<Template> = {}) =>
  template('order_ready', language, {
    body: 'Hi {{1}}, order {{2}} is ready.',
    mapping: { '1': { kind: 'field', field: 'first_name' }, '2': { kind: 'field', field: 'order_number' } },
    ...patch,
  });

function contact(patch: Partial<Contact> = {}): Contact {
  return {
    id: 'c1',
    name: 'Maria Jansen',
    phone: '+31612345678',
    notes: '',
    fields: {},
    optIn: { status: 'opted-in', at: T0, source: 'in-store', proof: '' },
    optInHistory: [],
    optInRequestedAt: null,
    muted: false,
    createdAt: T0,
    updatedAt: T0,
    ...patch,
  };
}

describe('cost and warning of a template, by the date it is sent', () => {
  // The pricing table itself is tested in pricing-rules.test.ts; here: that the follow-up uses it.
  const NL = { region: 'NL', callingCode: '31' };
  const open = (now: number) => ({ windowClosesAt: now + 3 * 3_600_000, now, recipient: NL, rateCard: null });
  const SEPT = Date.UTC(2026, 8, 15, 12);

  it.each([
    ['marketing', SEPT, 'yes'],
    ['authentication', SEPT, 'yes'],
    ['utility', SEPT, 'no'],
    ['utility', T0, 'yes'],
  ] as const)('%s inside the window at %s → billed %s', (category, now, billed) => {
    expect(templateCost(category, open(now)).billed).toBe(billed);
  });

  it('warns about marketing where a utility template would do', () => {
    const closed = { windowClosesAt: null, now: T0, recipient: NL, rateCard: null };
    expect(categoryWarning('marketing', closed, { name: 'order_ready', language: 'nl' })).toBe(
      'This is a marketing template, which is always charged and may be muted by the customer. For a follow-up the utility template “order_ready” (nl) would do.',
    );
    expect(categoryWarning('marketing', closed, null)).toBeNull();
    expect(categoryWarning('utility', closed, { name: 'order_ready', language: 'nl' })).toBeNull();
  });

  it('inside the window a normal message would do: free until 30 September 2026, charged after', () => {
    expect(categoryWarning('marketing', open(SEPT), null)).toBe(
      'This is a marketing template, which is always charged. While the window is open a normal message will do: it is free.',
    );
    expect(categoryWarning('marketing', open(T0), null)).toBe(
      'This is a marketing template, which is always charged. While the window is open a normal message will do: it is charged as a service message.',
    );
  });
});

describe('the language to write in', () => {
  it.each([
    ['+31612345678', {}, 'nl'],
    ['+32470123456', {}, 'nl'],
    ['+447700900123', {}, 'en'],
    ['+48512345678', {}, 'pl'],
    ['+4915123456789', {}, 'de'],
    ['+31612345678', { language: 'en_US' }, 'en'],
    ['+447700900123', { language: 'NL' }, 'nl'],
    ['+97150123456', {}, null],
  ])('%s with fields %o → %s', (phone, fields, language) => {
    expect(languageOf({ phone, fields })).toBe(language);
  });
});

describe('which template one click uses', () => {
  const library = [
    template('ticket_update', 'en_US'),
    template('ticket_update', 'nl'),
    orderReady('en_US'),
    orderReady('nl'),
    template('back_in_stock', 'nl', {
      category: 'marketing',
      body: 'Back {first_name}!',
      mapping: { first_name: { kind: 'field', field: 'first_name' } },
    }),
  ];
  const pick = (
    c: Contact,
    args: { last?: [string, string] | null; defaultId?: string | null; templates?: Template[] } = {},
  ) =>
    chooseTemplate({
      contact: c,
      lastUsed: args.last ? { name: args.last[0], language: args.last[1], at: T0 } : null,
      defaultTemplateId: args.defaultId ?? null,
      templates: args.templates ?? library,
    });

  it('the last one used for this contact comes first', () => {
    expect(pick(contact(), { last: ['back_in_stock', 'nl'], defaultId: 'ticket_update.en_US' })).toEqual({
      template: library[4],
      reason: 'last-used',
    });
  });

  it('then the owner’s default', () => {
    expect(pick(contact(), { defaultId: 'ticket_update.en_US' }).template?.id).toBe('ticket_update.en_US');
  });

  it('a last-used template that is no longer approved gives way to the default', () => {
    const paused = library.map((t) =>
      t.id === 'back_in_stock.nl' ? { ...t, status: 'paused' as const } : t,
    );
    expect(
      pick(contact(), { last: ['back_in_stock', 'nl'], defaultId: 'order_ready.nl', templates: paused }),
    ).toMatchObject({
      template: { id: 'order_ready.nl' },
      reason: 'default',
    });
  });

  it('else an approved utility template in the contact’s language that can be filled', () => {
    expect(pick(contact({ fields: { ticket_ID: 'T-1' } })).template?.id).toBe('ticket_update.nl');
    expect(pick(contact({ fields: { order_number: '5' } })).template?.id).toBe('order_ready.nl');
    expect(pick(contact({ phone: '+447700900123', fields: { order_number: '5' } })).template?.id).toBe(
      'order_ready.en_US',
    );
  });

  it('English when there is none in the contact’s language; one that cannot be filled rather than none', () => {
    expect(pick(contact({ phone: '+48512345678', fields: { ticket_ID: 'T-1' } })).template?.id).toBe(
      'ticket_update.en_US',
    );
    expect(pick(contact({ fields: {} })).template?.id).toBe('order_ready.nl');
  });

  it('a non-approved last/default template is still chosen when nothing approved fits, so the preview says why', () => {
    const onlyPending = [template('ticket_update', 'en_US', { status: 'pending' })];
    expect(pick(contact(), { defaultId: 'ticket_update.en_US', templates: onlyPending })).toMatchObject({
      template: { status: 'pending' },
      reason: 'default',
    });
  });

  it('none at all', () => {
    expect(pick(contact(), { templates: [] })).toEqual({ template: null, reason: null });
  });
});

describe('the preview', () => {
  const closed: CareWindow = {
    state: 'closed',
    openedAt: T0 - 30 * 3_600_000,
    expiresAt: T0 - 6 * 3_600_000,
    nextChangeAt: null,
    followUp: 'ready',
    followUpSentAt: null,
  };
  const marketing = template('back_in_stock', 'nl', {
    category: 'marketing',
    body: 'Back {first_name}!',
    mapping: { first_name: { kind: 'field', field: 'first_name' } },
  });

  it('fills, allows, prices and warns', () => {
    const { preview } = previewFollowUp({
      contact: contact({ fields: { ticket_ID: 'T-1' } }),
      window: closed,
      template: marketing,
      templates: [marketing, template('ticket_update', 'nl')],
      now: T0,
      rateCard: null,
    });
    expect(preview).toEqual({
      contactId: 'c1',
      templateId: 'back_in_stock.nl',
      text: 'Back Maria!',
      missing: [],
      allowed: true,
      refusal: null,
      cost: {
        billed: 'yes',
        category: 'marketing',
        explanation: 'Charged: WhatsApp charges every marketing template, inside or outside the window.',
        estimate: null,
      },
      warning:
        'This is a marketing template, which is always charged and may be muted by the customer. For a follow-up the utility template “ticket_update” (nl) would do.',
    });
  });

  it('no warning when no utility template could be filled for this contact', () => {
    const { preview } = previewFollowUp({
      contact: contact(),
      window: closed,
      template: marketing,
      templates: [marketing, template('ticket_update', 'nl')],
      now: T0,
      rateCard: null,
    });
    expect(preview.warning).toBeNull();
  });

  it('a missing field: no text, the placeholder and its field, refused naming both', () => {
    const t = template('ticket_update', 'nl');
    const { preview } = previewFollowUp({
      contact: contact(),
      window: closed,
      template: t,
      templates: [t],
      now: T0,
      rateCard: null,
    });
    expect(preview).toMatchObject({
      text: null,
      missing: [{ placeholder: '{ticket_ID}', field: 'ticket_ID' }],
      allowed: false,
      refusal: { code: 'missing-field', fix: { action: 'edit-contact', label: 'Fill in ticket_ID' } },
      cost: { billed: 'yes', category: 'utility' },
    });
    expect(preview.refusal?.message).toContain('Maria Jansen');
  });

  it('inside the window after 1 October 2026: text filled, refused as a follow-up, utility charged', () => {
    const t = template('ticket_update', 'nl');
    const { preview } = previewFollowUp({
      contact: contact({ fields: { ticket_ID: 'T-1' } }),
      window: { ...closed, state: 'open', expiresAt: T0 + 6 * 3_600_000 },
      template: t,
      templates: [t],
      now: T0,
      rateCard: null,
    });
    expect(preview).toMatchObject({
      text: 'Update on T-1.',
      allowed: false,
      refusal: { code: 'window-open' },
      cost: { billed: 'yes', category: 'utility' },
    });
  });
});
