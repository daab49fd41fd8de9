import { z } from 'zod';
import { MAX_LABELS_PER_CONTACT } from './labels';
import { Id, Timestamp, withAtMostKeys } from './primitives';

export const MAX_NAME_LENGTH = 120;
export const MAX_NOTES_LENGTH = 4000;
export const MAX_FIELD_KEY_LENGTH = 40;
export const MAX_FIELD_VALUE_LENGTH = 500;
export const MAX_CUSTOM_FIELDS = 30;
/** The contact form may send blank rows besides the fields it keeps; more than this is not a form. */
export const MAX_FIELD_ROWS = 2 * MAX_CUSTOM_FIELDS;

export const OptInSource = z.enum(['in-store', 'website', 'whatsapp', 'imported', 'other']);
export type OptInSource = z.infer<typeof OptInSource>;

export const OptIn = z.object({
  status: z.enum(['none', 'opted-in', 'opted-out']),
  /** When the customer gave (or withdrew) consent. */
  at: Timestamp.nullable(),
  source: OptInSource.nullable(),
  proof: z.string().max(500).default(''),
});
export type OptIn = z.infer<typeof OptIn>;

/** One change of consent, kept forever: who changed it, when, and why. */
export const OptInEvent = z.object({
  at: Timestamp,
  status: z.enum(['none', 'opted-in', 'opted-out']),
  source: OptInSource.nullable(),
  by: z.enum(['owner', 'customer']),
  note: z.string().max(500).default(''),
  /** Set when the change concerns marketing templates only ("Stop promotions"); absent: every template. */
  scope: z.exactOptional(z.literal('marketing')),
});
export type OptInEvent = z.infer<typeof OptInEvent>;

export const FieldKey = z
  .string()
  .min(1)
  .max(MAX_FIELD_KEY_LENGTH)
  .regex(
    /^[A-Za-z][A-Za-z0-9_]*$/,
    'A field name starts with a letter and holds only letters, digits and _.',
  );

export const CustomFields = z
  .record(FieldKey, z.string().max(MAX_FIELD_VALUE_LENGTH))
  .refine((r) => Object.keys(r).length <= MAX_CUSTOM_FIELDS, `At most ${MAX_CUSTOM_FIELDS} custom fields.`);

export const Contact = z.object({
  id: Id,
  name: z.string().min(1).max(MAX_NAME_LENGTH),
  /** E.164, e.g. +31612345678. */
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/),
  notes: z.string().max(MAX_NOTES_LENGTH),
  fields: CustomFields,
  optIn: OptIn,
  optInHistory: z.array(OptInEvent).default([]),
  /** The customer wrote START after opting out: waits for the owner to confirm before templates resume. */
  optInRequestedAt: Timestamp.nullable().default(null),
  /**
   * When the customer pressed a marketing template's opt-out button: marketing templates are refused,
   * utility ones still allowed. Absent (as in every file written before it existed): not opted out.
   */
  marketingOptOutAt: z.exactOptional(Timestamp),
  /** No reminders for this contact. */
  muted: z.boolean().default(false),
  /** The owner's labels (ids from the settings' label list); absent in files written before labels: none. */
  labels: z.exactOptional(z.array(Id).max(MAX_LABELS_PER_CONTACT)),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Contact = z.infer<typeof Contact>;

/** What the owner types in the contact form; the main process validates and normalises it. */
export const ContactDraft = z.object({
  name: z.string().max(MAX_NAME_LENGTH * 2),
  phone: z.string().max(40),
  notes: z
    .string()
    .max(MAX_NOTES_LENGTH * 2)
    .default(''),
  fields: withAtMostKeys(
    z.record(z.string().max(MAX_FIELD_KEY_LENGTH * 2), z.string().max(MAX_FIELD_VALUE_LENGTH * 2)),
    MAX_FIELD_ROWS,
    `A contact keeps at most ${MAX_CUSTOM_FIELDS} fields, and the form can send at most ${MAX_FIELD_ROWS} rows. Remove some fields.`,
  ).default({}),
  optIn: z.object({
    status: z.enum(['none', 'opted-in', 'opted-out']),
    at: z.number().nullable(),
    source: OptInSource.nullable(),
    proof: z.string().max(1000).default(''),
  }),
});
export type ContactDraft = z.infer<typeof ContactDraft>;
