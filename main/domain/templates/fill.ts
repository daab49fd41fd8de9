import type { Contact, PlaceholderSource } from '../../contract/model';
import { parseBody, type BodyError, type ParsedBody } from './placeholders';

/** Fields every contact has, besides its custom fields. */
export const BUILTIN_FIELDS = ['name', 'first_name', 'phone'] as const;
export type BuiltinField = (typeof BUILTIN_FIELDS)[number];

export const isBuiltinField = (field: string): field is BuiltinField =>
  (BUILTIN_FIELDS as readonly string[]).includes(field);

/** A placeholder that would be empty, with the field it is mapped to (null: not mapped, or a fixed text). */
export interface MissingPlaceholder {
  /** As written in the body: "{ticket_ID}", "{{2}}". */
  placeholder: string;
  field: string | null;
}

/** One filled placeholder, as the platform's send call takes it. */
export interface TemplateParameter {
  name: string;
  value: string;
}

export type FillResult =
  | {
      ok: true;
      /** The body with every placeholder filled and every escape resolved: what the customer reads. */
      text: string;
      /**
       * The values to send to the platform, named as the placeholder is written ("1" for {{1}}, "ticket_id"
       * for {{ticket_id}}): by number for positional ones, else in order of first appearance.
       */
      parameters: TemplateParameter[];
    }
  | {
      ok: false;
      /** Each empty placeholder once, in order of first appearance. */
      missing: MissingPlaceholder[];
      /** The text with what could be filled, the empty placeholders left as written. */
      partial: string;
      /** Set when the body itself cannot be read (a template file edited by hand). */
      broken: BodyError | null;
    };

type FillContact = Pick<Contact, 'name' | 'phone' | 'fields'>;

/**
 * The value of a contact field, or null when it would be empty. A name that is only the phone number
 * (a contact created from an incoming message without a profile name) counts as no name: "Hi +31 6…"
 * is not a greeting.
 */
export function fieldValue(contact: FillContact, field: string): string | null {
  const name = contact.name.trim();
  const realName = /^\+?[\d\s().-]+$/.test(name) ? '' : name;
  let value: string | undefined;
  switch (field) {
    case 'name':
      value = realName;
      break;
    case 'first_name':
      value = realName.split(/\s+/)[0];
      break;
    case 'phone':
      value = contact.phone;
      break;
    default:
      value = Object.prototype.hasOwnProperty.call(contact.fields, field) ? contact.fields[field] : undefined;
  }
  return clean(value);
}

/** "Maria" from "Maria Jansen", as {first_name} fills it; null when the name is only the phone number. */
export function firstNameOf(name: string): string | null {
  return fieldValue({ name, phone: '', fields: {} }, 'first_name');
}

/**
 * The platform refuses parameter values with line breaks, tabs or more than four spaces in a row, so a
 * value is put on one line; empty or blank means missing.
 */
function clean(value: string | undefined): string | null {
  if (value === undefined) return null;
  const oneLine = value
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return oneLine === '' ? null : oneLine;
}

export function sourceValue(contact: FillContact, source: PlaceholderSource | undefined): string | null {
  if (source === undefined) return null;
  return source.kind === 'fixed' ? clean(source.value) : fieldValue(contact, source.field);
}

/** Bodies already parsed, by their text: the contact list fills the same few bodies for 10,000 contacts. */
const parsedBodies = new Map<string, ParsedBody>();
const PARSED_BODIES_KEPT = 256;

/** Read only here, never changed: one parse serves every fill of the same body. */
function parsedBody(body: string): ParsedBody {
  let parsed = parsedBodies.get(body);
  if (parsed === undefined) {
    parsed = parseBody(body);
    if (parsedBodies.size >= PARSED_BODIES_KEPT) parsedBodies.clear();
    parsedBodies.set(body, parsed);
  }
  return parsed;
}

/**
 * Fills a body for one contact. A filled value is inserted as it is and never read as a placeholder
 * again, so a customer's "{x}" in a field cannot inject anything. A placeholder without a mapping is
 * missing (field null), as is one mapped to an empty field or an empty fixed text.
 */
export function fillTemplate(
  body: string,
  mapping: Readonly<Record<string, PlaceholderSource>>,
  contact: FillContact,
): FillResult {
  const parsed = parsedBody(body);
  if (!parsed.ok) return { ok: false, missing: [], partial: body, broken: parsed.error };

  const values = new Map<string, string | null>();

  const missing: MissingPlaceholder[] = [];
  const seenMissing = new Set<string>();
  let text = '';
  for (const segment of parsed.segments) {
    if (segment.kind === 'text') {
      text += segment.text;
      continue;
    }
    const p = segment.placeholder;
    // Each placeholder's value once (a body may repeat one); no closure: this runs 10,000 times a list.
    if (!values.has(p.key)) values.set(p.key, sourceValue(contact, mapping[p.key]));
    const value = values.get(p.key) ?? null;
    if (value === null) {
      if (!seenMissing.has(p.key)) {
        seenMissing.add(p.key);
        const source = mapping[p.key];
        missing.push({ placeholder: p.raw, field: source?.kind === 'field' ? source.field : null });
      }
      text += p.raw;
    } else {
      text += value;
    }
  }
  if (missing.length > 0) return { ok: false, missing, partial: text, broken: null };

  const keys = [...new Set(parsed.placeholders.map((p) => p.key))];
  const positional = parsed.placeholders.some((p) => p.style === 'positional');
  const ordered = positional ? [...keys].sort((a, b) => Number(a) - Number(b)) : keys;
  return { ok: true, text, parameters: ordered.map((name) => ({ name, value: values.get(name) ?? '' })) };
}
