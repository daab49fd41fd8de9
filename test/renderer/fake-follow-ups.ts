import type {
  ContactRow,
  FollowUpPreview,
  FollowUpRefusal,
  PlaceholderSource,
  Template,
} from '../../main/contract/model';
import { DAY, T0 } from './fake-api';

/** A template with plausible defaults. */
export function makeTemplate(spec: Partial<Template> & { id: string; name: string }): Template {
  return {
    language: 'en',
    category: 'utility',
    status: 'approved',
    body: 'Hello {name}, we have news about your order.',
    header: null,
    footer: null,
    buttons: [],
    mapping: {},
    createdAt: T0 - 10 * DAY,
    updatedAt: T0 - 10 * DAY,
    ...spec,
  };
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}|\{\s*([A-Za-z0-9_]+)\s*\}/g;

function valueOf(row: ContactRow, source: PlaceholderSource): string {
  if (source.kind === 'fixed') return source.value;
  const { contact } = row;
  if (source.field === 'name') return contact.name;
  if (source.field === 'first_name') return contact.name.split(' ')[0] ?? '';
  if (source.field === 'phone') return contact.phone;
  return contact.fields[source.field] ?? '';
}

function refusal(code: FollowUpRefusal, message: string): FollowUpPreview['refusal'] {
  return { code, message };
}

/**
 * A small stand-in for the main process's follow-up rules, enough for the screens: window state, opt-in,
 * the one follow-up, template status, and placeholders filled from the contact (a default mapping of
 * `{key}` to the field `key`).
 */
export function previewFor(row: ContactRow, template: Template | null): FollowUpPreview {
  const missing: FollowUpPreview['missing'] = [];
  let text: string | null = null;
  if (template !== null) {
    text = template.body.replace(PLACEHOLDER, (_, a?: string, b?: string) => {
      const key = a ?? b ?? '';
      const source = template.mapping[key] ?? { kind: 'field', field: key };
      const value = valueOf(row, source);
      if (value === '')
        missing.push({ placeholder: key, field: source.kind === 'field' ? source.field : null });
      return value;
    });
    if (missing.length > 0) text = null;
  }
  const open = row.window.state === 'open' || row.window.state === 'closing';
  const name = row.contact.name;
  let why: FollowUpPreview['refusal'] = null;
  if (open) why = refusal('window-open', `The window with ${name} is still open: write a message instead.`);
  else if (row.window.followUp === 'no-opt-in' || row.contact.optIn.status === 'none')
    why = refusal('no-opt-in', `No opt-in recorded for ${name}.`);
  else if (row.window.followUp === 'opted-out' || row.contact.optIn.status === 'opted-out')
    why = refusal('opted-out', `${name} opted out of templates.`);
  else if (row.window.followUp === 'sent') why = refusal('already-sent', 'The follow-up was already sent.');
  else if (template === null) why = refusal('no-template', 'Choose a default template for follow-ups first.');
  else if (template.status !== 'approved')
    why = refusal('template-not-approved', `${template.name} is not approved by WhatsApp.`);
  else if (missing.length > 0)
    why = refusal('missing-field', `${name} has no ${missing[0]?.field ?? 'value'}.`);
  const marketing = template?.category === 'marketing';
  return {
    contactId: row.contact.id,
    templateId: template?.id ?? null,
    text,
    missing,
    allowed: why === null,
    refusal: why,
    cost: marketing
      ? { charged: true, explanation: 'marketing templates are always charged' }
      : open
        ? { charged: false, explanation: 'utility template inside the window' }
        : { charged: true, explanation: 'templates outside the window are charged' },
    warning: marketing
      ? 'This is a marketing template; a utility template would be free inside the window.'
      : null,
  };
}
