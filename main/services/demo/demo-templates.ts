import type { Template, TemplateDraft } from '../../contract/model';
import { DAY } from '../../domain/durations';
import { validateTemplateDraft } from '../../domain/templates/template-draft';
import type { IdFactory } from '../ids';

/**
 * The demo's template library, in English and Dutch: both placeholder styles, a template still waiting
 * for approval, and a marketing one (so the preview's cost warning shows).
 */
export const DEMO_TEMPLATE_DRAFTS: readonly TemplateDraft[] = [
  {
    name: 'ticket_update',
    language: 'en_US',
    category: 'utility',
    status: 'approved',
    body: 'We have a new update regarding your ticket {ticket_ID}. Please respond if you want to continue support.',
    header: null,
    footer: null,
    buttons: [],
    mapping: { ticket_ID: { kind: 'field', field: 'ticket_ID' } },
  },
  {
    name: 'ticket_update',
    language: 'nl',
    category: 'utility',
    status: 'approved',
    body: 'We hebben nieuws over je ticket {ticket_ID}. Reageer op dit bericht als je verder geholpen wilt worden.',
    header: null,
    footer: null,
    buttons: [],
    mapping: { ticket_ID: { kind: 'field', field: 'ticket_ID' } },
  },
  {
    name: 'order_ready',
    language: 'en_US',
    category: 'utility',
    status: 'approved',
    body: 'Hi {{1}}, your order {{2}} is ready for pickup at the shop. Reply to this message if you have any questions.',
    header: 'Your order is ready',
    footer: null,
    buttons: [],
    mapping: { '1': { kind: 'field', field: 'first_name' }, '2': { kind: 'field', field: 'order_number' } },
  },
  {
    name: 'order_ready',
    language: 'nl',
    category: 'utility',
    status: 'approved',
    body: 'Hoi {{1}}, je bestelling {{2}} ligt klaar om op te halen in de winkel. Reageer op dit bericht als je nog vragen hebt.',
    header: 'Je bestelling ligt klaar',
    footer: null,
    buttons: [],
    mapping: { '1': { kind: 'field', field: 'first_name' }, '2': { kind: 'field', field: 'order_number' } },
  },
  {
    name: 'appointment_reminder',
    language: 'en_US',
    category: 'utility',
    status: 'pending',
    body: 'Hi {{first_name}}, this is a reminder of your appointment at {{shop_name}}. Reply to confirm, or to pick another time.',
    header: null,
    footer: 'Studio Noord',
    buttons: ['Confirm', 'Another time'],
    mapping: { shop_name: { kind: 'fixed', value: 'Studio Noord' } },
  },
  {
    name: 'back_in_stock',
    language: 'nl',
    category: 'marketing',
    status: 'approved',
    body: 'Goed nieuws, {first_name}! Het artikel waar je naar vroeg is weer op voorraad. Reageer om er een voor je te laten reserveren.',
    header: 'Weer op voorraad',
    footer: 'Stuur STOP om je af te melden',
    buttons: ['Reserveer', 'Stop'],
    mapping: {},
  },
];

/** The demo templates as saved templates, validated like the owner's own (a broken demo fails loudly). */
export function buildDemoTemplates(
  now: number,
  ids: IdFactory,
  knownFields: ReadonlySet<string>,
): Template[] {
  const templates: Template[] = [];
  for (const draft of DEMO_TEMPLATE_DRAFTS) {
    const result = validateTemplateDraft(draft, { knownFields, others: templates });
    if (!result.ok) {
      throw new Error(
        `Demo template ${draft.name} (${draft.language}) is invalid: ${JSON.stringify(result.errors)}`,
      );
    }
    const at = now - 30 * DAY;
    templates.push({ id: ids(), ...result.template, createdAt: at, updatedAt: at });
  }
  return templates;
}
