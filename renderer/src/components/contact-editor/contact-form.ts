import type { Contact, ContactDraft, ContactRow, OptIn, OptInSource } from '../../../../main/contract/model';
import { dateInputValue, startOfDayInZone } from '../../format/dates';

export interface FieldRow {
  /** Stable React key; not the field name. */
  key: number;
  name: string;
  value: string;
}

/** What the contact editor holds while the owner types: text as typed, turned into a draft on save. */
export interface ContactForm {
  name: string;
  phone: string;
  notes: string;
  fields: FieldRow[];
  status: OptIn['status'];
  /** `<input type="date">` text, "" when not given. */
  date: string;
  source: OptInSource | '';
  proof: string;
}

let rowKeys = 0;
export const fieldRow = (name = '', value = ''): FieldRow => ({ key: ++rowKeys, name, value });

export function formOf(row: ContactRow | null, timeZone: string): ContactForm {
  if (row === null) {
    return { name: '', phone: '', notes: '', fields: [], status: 'none', date: '', source: '', proof: '' };
  }
  const { contact } = row;
  return {
    name: contact.name,
    phone: contact.phone,
    notes: contact.notes,
    fields: Object.entries(contact.fields).map(([name, value]) => fieldRow(name, value)),
    status: contact.optIn.status,
    date: contact.optIn.at === null ? '' : dateInputValue(contact.optIn.at, timeZone),
    source: contact.optIn.source ?? '',
    proof: contact.optIn.proof,
  };
}

/**
 * The form shows the opt-in as a day; the record keeps the exact moment. When the owner left the status
 * and the day as they were, the saved moment is sent back unchanged, so editing a note never rewrites
 * the consent record.
 */
export function keepOptInMoment(
  draft: ContactDraft,
  opened: Contact | null,
  formDate: string,
  timeZone: string,
): ContactDraft {
  const at = opened?.optIn.at ?? null;
  if (opened === null || at === null || draft.optIn.status !== opened.optIn.status) return draft;
  if (formDate !== dateInputValue(at, timeZone)) return draft;
  return { ...draft, optIn: { ...draft.optIn, at } };
}

/** The form with a custom field of this name, added empty when the contact does not have it yet. */
export function withField(form: ContactForm, name: string | undefined): ContactForm {
  if (name === undefined || name === '' || form.fields.some((row) => row.name === name)) return form;
  return { ...form, fields: [...form.fields, fieldRow(name, '')] };
}

/**
 * What the form sends. The opt-in date is the start of the chosen day in the owner's time zone
 * (midnight, not noon, so "today" is never in the future); an empty date lets the main process use
 * "now".
 */
export function draftOf(form: ContactForm, timeZone: string): ContactDraft {
  const fields: Record<string, string> = {};
  for (const row of form.fields) {
    if (row.name.trim() === '' && row.value.trim() === '') continue;
    fields[row.name] = row.value;
  }
  const optedNone = form.status === 'none';
  return {
    name: form.name,
    phone: form.phone,
    notes: form.notes,
    fields,
    optIn: {
      status: form.status,
      at: optedNone || form.date === '' ? null : startOfDayInZone(form.date, timeZone),
      source: optedNone || form.source === '' ? null : form.source,
      proof: optedNone ? '' : form.proof,
    },
  };
}

/** Problems the form can see before asking the main process: a field without a name, a name used twice. */
export function localErrors(form: ContactForm): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  for (const row of form.fields) {
    const name = row.name.trim();
    if (name === '' && row.value.trim() !== '')
      errors[`row.${row.key}`] = 'Give this field a name, like ticket_ID.';
    else if (name !== '' && seen.has(name)) errors[`row.${row.key}`] = `The field “${name}” appears twice.`;
    seen.add(name);
  }
  const date = form.date;
  if (form.status !== 'none' && date !== '' && startOfDayInZone(date, 'UTC') === null) {
    errors['optIn.at'] = 'Enter the date as day, month and year.';
  }
  return errors;
}

/** The keys of the errors the editor shows beside an input; any other key goes to the top of the form. */
export function shownErrorKeys(form: ContactForm): Set<string> {
  const keys = new Set([
    'name',
    'phone',
    'notes',
    'fields',
    'optIn.at',
    'optIn.source',
    'optIn.proof',
    'optIn.status',
  ]);
  for (const row of form.fields) keys.add(`row.${row.key}`).add(`fields.${row.name}`);
  return keys;
}
