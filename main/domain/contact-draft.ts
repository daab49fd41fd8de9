import {
  MAX_CUSTOM_FIELDS,
  MAX_FIELD_VALUE_LENGTH,
  MAX_NAME_LENGTH,
  MAX_NOTES_LENGTH,
  type ContactDraft,
  type OptIn,
} from '../contract/model';
import { cleanLine, cleanText, hasVisibleText } from './clean-text';
import { normalizePhone } from './phone';

export interface ValidContact {
  name: string;
  phone: string;
  notes: string;
  fields: Record<string, string>;
  optIn: OptIn;
}

export type DraftResult = { ok: true; contact: ValidContact } | { ok: false; errors: Record<string, string> };

const FIELD_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;
const EARLIEST = Date.UTC(2000, 0, 1);

/**
 * Checks the contact form and normalises it. Every problem is reported against the field the owner
 * has to fix, in words that say how. `now` bounds the opt-in date: consent cannot come from the future.
 */
export function validateContactDraft(
  draft: ContactDraft,
  defaultCountry: string | null,
  now: number,
): DraftResult {
  const errors: Record<string, string> = {};

  const name = cleanLine(draft.name).trim().replace(/\s+/g, ' ');
  if (!hasVisibleText(name)) errors.name = 'Enter a name, so you know who you are talking to.';
  else if (name.length > MAX_NAME_LENGTH) errors.name = `Keep the name under ${MAX_NAME_LENGTH} characters.`;

  const phone = normalizePhone(draft.phone, defaultCountry);
  if (!phone.ok) errors.phone = phone.reason;

  const notes = cleanText(draft.notes).trim();
  if (notes.length > MAX_NOTES_LENGTH) errors.notes = `Notes are limited to ${MAX_NOTES_LENGTH} characters.`;

  // A Map, not `key in {}`: a field called "constructor" or "toString" must not look like a duplicate.
  const fields = new Map<string, string>();
  for (const [rawKey, rawValue] of Object.entries(draft.fields)) {
    const key = rawKey.trim();
    const value = cleanLine(rawValue).trim();
    if (key === '' && value === '') continue;
    if (!FIELD_KEY.test(key)) {
      errors[`fields.${rawKey}`] =
        `“${rawKey}” cannot be a field name: start with a letter and use only letters, digits and _ (like ticket_ID).`;
    } else if (value.length > MAX_FIELD_VALUE_LENGTH) {
      errors[`fields.${rawKey}`] = `Keep “${key}” under ${MAX_FIELD_VALUE_LENGTH} characters.`;
    } else if (fields.has(key)) {
      errors[`fields.${rawKey}`] = `The field “${key}” appears twice.`;
    } else if (value !== '') {
      fields.set(key, value);
    }
  }
  if (fields.size > MAX_CUSTOM_FIELDS)
    errors.fields = `A contact can have at most ${MAX_CUSTOM_FIELDS} fields.`;

  const optIn = validateOptIn(draft.optIn, now, errors);

  if (Object.keys(errors).length > 0 || !phone.ok) return { ok: false, errors };
  return { ok: true, contact: { name, phone: phone.e164, notes, fields: Object.fromEntries(fields), optIn } };
}

function validateOptIn(input: ContactDraft['optIn'], now: number, errors: Record<string, string>): OptIn {
  const proof = cleanLine(input.proof).trim();
  if (input.status === 'none') return { status: 'none', at: null, source: null, proof: '' };
  const at = input.at ?? now;
  if (!Number.isFinite(at) || at < EARLIEST)
    errors['optIn.at'] = 'Enter the date the customer agreed (after the year 2000).';
  else if (at > now) errors['optIn.at'] = 'The opt-in date cannot be in the future.';
  if (input.status === 'opted-in' && input.source === null) {
    errors['optIn.source'] = 'Say where the customer agreed (in the shop, on the website, on WhatsApp…).';
  }
  if (proof.length > 500) errors['optIn.proof'] = 'Keep the proof note under 500 characters.';
  return { status: input.status, at: Math.trunc(at), source: input.source, proof };
}
