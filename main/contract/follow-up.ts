import { z } from 'zod';
import { ContactRow, FollowUpRefusal } from './contact-row';
import { Cost } from './costs';
import { Id } from './primitives';

// Declared beside the contact row, which names the refusal that blocks a ready-looking follow-up.
export { FollowUpRefusal } from './contact-row';

/** What the owner can do about a refusal (a button next to the message). */
export const FollowUpFixAction = z.enum([
  /** The window is open: type a normal message. */
  'write-message',
  /** The customer wrote START: contacts.confirmOptIn. */
  'confirm-opt-in',
  /** Open the contact editor: record an opt-in, or fill in the missing field. */
  'edit-contact',
  /** Nothing to do but wait: the customer's reply opens a new window. */
  'wait-for-reply',
  /** Pick another (approved) template, or set a default one. */
  'choose-template',
  /** Open the template editor: a placeholder is not mapped. */
  'edit-template',
]);
export type FollowUpFixAction = z.infer<typeof FollowUpFixAction>;

export const FollowUpPreview = z.object({
  contactId: Id,
  templateId: Id.nullable(),
  /** The body with every placeholder filled; null while any is missing. */
  text: z.string().nullable(),
  /** Placeholders that would be empty, with the field each is mapped to (null: not mapped). */
  missing: z.array(z.object({ placeholder: z.string(), field: z.string().nullable() })),
  allowed: z.boolean(),
  refusal: z
    .object({
      code: FollowUpRefusal,
      message: z.string(),
      /** The action that fixes it, with a button label. Optional: older callers may leave it out. */
      fix: z.object({ action: FollowUpFixAction, label: z.string() }).optional(),
    })
    .nullable(),
  /** What it costs when sent now, by the dated pricing table; null while no template is chosen. */
  cost: Cost.nullable(),
  /** E.g. a marketing template used where a utility one would do. */
  warning: z.string().nullable(),
});
export type FollowUpPreview = z.infer<typeof FollowUpPreview>;

export const FollowUpOverview = z.object({
  eligible: z.array(z.object({ row: ContactRow, preview: FollowUpPreview })),
  blocked: z.array(z.object({ row: ContactRow, preview: FollowUpPreview })),
});
export type FollowUpOverview = z.infer<typeof FollowUpOverview>;

/**
 * One follow-up per customer per closed window, so a batch never needs more items than the workspace
 * has contacts (the app is built and measured for 10,000).
 */
export const MAX_FOLLOW_UP_BATCH = 10_000;

/** Follow-ups to send at once: each customer once, at most MAX_FOLLOW_UP_BATCH. */
export const FollowUpBatch = z
  .array(z.object({ contactId: Id, templateId: Id }))
  .max(
    MAX_FOLLOW_UP_BATCH,
    `Send at most ${MAX_FOLLOW_UP_BATCH.toLocaleString('en-US')} follow-ups at once, one per customer.`,
  )
  .superRefine((items, context) => {
    const seen = new Set<string>();
    for (const { contactId } of items) {
      if (seen.has(contactId)) {
        context.addIssue({
          code: 'custom',
          message: 'A customer is in this batch twice: each customer gets one follow-up. Nothing was sent.',
        });
        return;
      }
      seen.add(contactId);
    }
  });
export type FollowUpBatch = z.infer<typeof FollowUpBatch>;

export const FollowUpResult = z.object({
  contactId: Id,
  name: z.string(),
  ok: z.boolean(),
  message: z.string(),
});
export type FollowUpResult = z.infer<typeof FollowUpResult>;
