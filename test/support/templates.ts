import type { Template, TemplateDraft } from '../../main/contract/model';

/** The issue's own example template body. */
export const ISSUE_BODY =
  'We have a new update regarding your ticket {ticket_ID}. Please respond if you want to continue support.';

/** What the owner types for the ticket_update template; `patch` changes one thing. */
export const templateDraft = (patch: Partial<TemplateDraft> = {}): TemplateDraft => ({
  name: 'ticket_update',
  language: 'en_US',
  category: 'utility',
  status: 'approved',
  body: ISSUE_BODY,
  header: null,
  footer: null,
  buttons: [],
  mapping: { ticket_ID: { kind: 'field', field: 'ticket_ID' } },
  ...patch,
});

/** A saved, approved utility template filled from ticket_ID, as of `at`. */
export const savedTemplate = (at: number, patch: Partial<Template> = {}): Template => ({
  id: 'ticket_update.en_US',
  name: 'ticket_update',
  language: 'en_US',
  category: 'utility',
  status: 'approved',
  body: 'Update on {ticket_ID}.',
  header: null,
  footer: null,
  buttons: [],
  mapping: { ticket_ID: { kind: 'field', field: 'ticket_ID' } },
  createdAt: at,
  updatedAt: at,
  ...patch,
});

/** An approved template from the WhatsApp account, saved as of `at`, filled from the first name. */
export const platformTemplate = (at: number, patch: Partial<Template> = {}): Template => ({
  id: 'tpl-1',
  name: 'order_ready',
  language: 'en',
  category: 'utility',
  status: 'approved',
  body: 'Hi {{1}}, your order is ready.',
  header: null,
  footer: 'Fietsen Jansen',
  buttons: [],
  mapping: { '1': { kind: 'field', field: 'first_name' } },
  createdAt: at,
  updatedAt: at,
  source: 'platform',
  ...patch,
});
