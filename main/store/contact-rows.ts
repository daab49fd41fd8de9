import { z } from 'zod';
import * as model from '../contract/model';
import { Contact } from '../contract/model';

// Read once: an imported binding can be a getter per access (tsx, vitest), 10,000 contacts × 8 of them.
const {
  MAX_CUSTOM_FIELDS,
  MAX_FIELD_KEY_LENGTH,
  MAX_FIELD_VALUE_LENGTH,
  MAX_LABELS_PER_CONTACT,
  MAX_NAME_LENGTH,
  MAX_NOTES_LENGTH,
} = model;

/**
 * Validating contacts.json row by row with zod costs 4–5× its JSON.parse at 10,000 contacts. Rows the app
 * wrote itself are already in zod's output form, so a hand-written check that accepts only such rows (every
 * field present, nothing extra, every bound of `Contact`) settles them at a fraction of the cost; a row it
 * does not accept goes to zod, which decides (and fills defaults of rows from older files). The check may
 * be stricter than zod, never looser: test/store/contact-rows.test.ts holds it to that.
 */
export function contactRow(raw: unknown): z.ZodSafeParseResult<Contact> {
  if (isCanonicalContact(raw)) return { success: true, data: raw };
  return Contact.safeParse(raw);
}

/**
 * The rows of a contacts file, every one a valid Contact, or the first bad row's issue. An array of
 * unknowns, said by hand: z.array(z.unknown()) would run a parse per row before the check does.
 */
export const ContactRows = z.custom<unknown[]>(Array.isArray, 'expected an array').transform((rows, ctx) => {
  const contacts: Contact[] = new Array<Contact>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = contactRow(rows[i]);
    if (!row.success) {
      const first = row.error.issues[0];
      ctx.addIssue({
        code: 'custom',
        message: first?.message ?? 'invalid',
        path: [i, ...(first?.path ?? [])],
      });
      return z.NEVER;
    }
    contacts[i] = row.data;
  }
  return contacts;
});

/** Every key zod's Contact knows; a row with another key is left to zod (which would drop it). */
export const CONTACT_KEYS: readonly string[] = [
  'id',
  'name',
  'phone',
  'notes',
  'fields',
  'optIn',
  'optInHistory',
  'optInRequestedAt',
  'marketingOptOutAt',
  'muted',
  'labels',
  'createdAt',
  'updatedAt',
];
const OPTIONAL_KEYS = new Set(['marketingOptOutAt', 'labels']);
const CONSENT = new Set(['none', 'opted-in', 'opted-out']);
const SOURCES = new Set(['in-store', 'website', 'whatsapp', 'imported', 'other']);
const BY = new Set(['owner', 'customer']);
const PHONE = /^\+[1-9]\d{6,14}$/;
const FIELD_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;
const MIN_TIME = Date.UTC(2000, 0, 1);
const MAX_TIME = Date.UTC(2100, 0, 1);

type Row = Record<string, unknown>;

const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): boolean =>
  typeof v === 'number' && Number.isInteger(v) && v >= MIN_TIME && v <= MAX_TIME;
const isText = (v: unknown, min: number, max: number): boolean =>
  typeof v === 'string' && v.length >= min && v.length <= max;
const isSource = (v: unknown): boolean => v === null || (typeof v === 'string' && SOURCES.has(v));

function hasExactly(row: Row, keys: readonly string[], optional: ReadonlySet<string>): boolean {
  let present = 0;
  for (const key of keys) {
    if (Object.hasOwn(row, key)) present++;
    else if (!optional.has(key)) return false;
  }
  // No key beyond those: counting is enough, where looking each key up in the list was 13 × 13 compares.
  return Object.keys(row).length === present;
}

function isFields(v: unknown): boolean {
  if (!isRow(v)) return false;
  let count = 0;
  for (const key in v) {
    if (!Object.hasOwn(v, key)) continue;
    if (++count > MAX_CUSTOM_FIELDS) return false;
    if (key.length > MAX_FIELD_KEY_LENGTH || !FIELD_KEY.test(key)) return false;
    if (!isText(v[key], 0, MAX_FIELD_VALUE_LENGTH)) return false;
  }
  return true;
}

const isLabels = (v: unknown): boolean =>
  Array.isArray(v) && v.length <= MAX_LABELS_PER_CONTACT && v.every((id) => isText(id, 1, 100));

const OPT_IN_KEYS = ['status', 'at', 'source', 'proof'];
const EVENT_KEYS = ['at', 'status', 'source', 'by', 'note', 'scope'];
const NONE = new Set<string>();
const SCOPE = new Set(['scope']);

function isOptIn(v: unknown): boolean {
  return (
    isRow(v) &&
    hasExactly(v, OPT_IN_KEYS, NONE) &&
    typeof v.status === 'string' &&
    CONSENT.has(v.status) &&
    (v.at === null || isTime(v.at)) &&
    isSource(v.source) &&
    isText(v.proof, 0, 500)
  );
}

function isOptInEvent(v: unknown): boolean {
  return (
    isRow(v) &&
    hasExactly(v, EVENT_KEYS, SCOPE) &&
    isTime(v.at) &&
    typeof v.status === 'string' &&
    CONSENT.has(v.status) &&
    isSource(v.source) &&
    typeof v.by === 'string' &&
    BY.has(v.by) &&
    isText(v.note, 0, 500) &&
    (!Object.hasOwn(v, 'scope') || v.scope === 'marketing')
  );
}

/** True only for a row zod's Contact would accept and return unchanged. */
export function isCanonicalContact(v: unknown): v is Contact {
  return (
    isRow(v) &&
    hasExactly(v, CONTACT_KEYS, OPTIONAL_KEYS) &&
    isText(v.id, 1, 100) &&
    isText(v.name, 1, MAX_NAME_LENGTH) &&
    typeof v.phone === 'string' &&
    PHONE.test(v.phone) &&
    isText(v.notes, 0, MAX_NOTES_LENGTH) &&
    isFields(v.fields) &&
    isOptIn(v.optIn) &&
    Array.isArray(v.optInHistory) &&
    v.optInHistory.every(isOptInEvent) &&
    (v.optInRequestedAt === null || isTime(v.optInRequestedAt)) &&
    (!Object.hasOwn(v, 'marketingOptOutAt') || isTime(v.marketingOptOutAt)) &&
    typeof v.muted === 'boolean' &&
    (!Object.hasOwn(v, 'labels') || isLabels(v.labels)) &&
    isTime(v.createdAt) &&
    isTime(v.updatedAt)
  );
}
