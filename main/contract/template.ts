import { z } from 'zod';
import { Id, Timestamp, withAtMostKeys } from './primitives';
import { TemplateButtonSpec, TemplateHeaderMedia } from './template-parts';

/** The platform's limit for a template body. */
export const MAX_TEMPLATE_BODY = 1024;
/** Far more placeholders than a 1,024-character message can use sensibly. */
export const MAX_TEMPLATE_PLACEHOLDERS = 100;

export const TemplateCategory = z.enum(['utility', 'marketing', 'authentication']);
export type TemplateCategory = z.infer<typeof TemplateCategory>;
export const TemplateStatus = z.enum(['approved', 'pending', 'rejected', 'paused', 'disabled']);
export type TemplateStatus = z.infer<typeof TemplateStatus>;

/** Where a placeholder's value comes from: a contact field (name, first_name, phone or a custom field) or a fixed text. */
export const PlaceholderSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), field: z.string().min(1).max(60) }),
  z.object({ kind: z.literal('fixed'), value: z.string().max(500) }),
]);
export type PlaceholderSource = z.infer<typeof PlaceholderSource>;

export const Template = z.object({
  id: Id,
  /** The platform's template name, e.g. ticket_update. */
  name: z.string().regex(/^[a-z0-9_]{1,512}$/),
  /** e.g. en_US, nl. */
  language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/),
  category: TemplateCategory,
  status: TemplateStatus,
  body: z.string().min(1).max(MAX_TEMPLATE_BODY),
  header: z.string().max(60).nullable().default(null),
  footer: z.string().max(60).nullable().default(null),
  buttons: z.array(z.string().max(25)).max(10).default([]),
  /** Placeholder key as written in the body ("ticket_ID", "1", "ticket_id") → its source. */
  mapping: z.record(z.string(), PlaceholderSource).default({}),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /**
   * 'platform': fetched from the connected WhatsApp account by template sync; its status comes from the
   * platform and the owner no longer sets it by hand. Absent (older files) or 'local': typed in here.
   */
  source: z.enum(['local', 'platform']).optional(),
  /** The platform's quality rating (GREEN, YELLOW, RED, UNKNOWN), for platform templates. */
  quality: z.string().max(20).nullable().optional(),
  /** Why the platform rejected or paused it, as the platform says, when it says. */
  platformNote: z.string().max(500).nullable().optional(),
  /** The platform's id of the template (answered to a submission, or listed by sync). */
  remoteId: z.string().max(100).nullable().optional(),
  /** When the owner submitted it for approval from CareWindow. */
  submittedAt: Timestamp.nullable().optional(),
  /** A photo, video or document header (then `header` is null), with the sample kept for sending. */
  headerMedia: TemplateHeaderMedia.nullable().optional(),
  /** The buttons with their kind (quick reply, URL, phone); `buttons` keeps their labels. */
  buttonSpecs: z.array(TemplateButtonSpec).max(10).optional(),
  /** The sample value of each placeholder, as submitted for review (body keys, and "header"). */
  examples: z.record(z.string().max(100), z.string().max(1000)).optional(),
});
export type Template = z.infer<typeof Template>;

/** What one template sync did, for the owner: "2 changed: order_ready paused". */
export const TemplateSyncSummary = z.object({
  added: z.array(z.string()),
  changed: z.array(
    z.object({ name: z.string(), language: z.string(), from: TemplateStatus, to: TemplateStatus }),
  ),
  /** Platform templates no longer on the account: kept (messages name them) but disabled. */
  removed: z.array(z.string()),
  unchanged: z.number().int().nonnegative(),
  /** Templates the platform listed that CareWindow cannot hold (an unusable name, no body). */
  skipped: z.number().int().nonnegative(),
  /** The summary in one line. */
  text: z.string(),
});
export type TemplateSyncSummary = z.infer<typeof TemplateSyncSummary>;

/** What the owner types in the template form; the main process validates it (positions, fields, limits). */
export const TemplateDraft = z.object({
  name: z.string().max(600),
  language: z.string().max(20),
  category: TemplateCategory,
  status: TemplateStatus,
  body: z.string().max(MAX_TEMPLATE_BODY * 4),
  header: z.string().max(200).nullable().default(null),
  footer: z.string().max(200).nullable().default(null),
  buttons: z.array(z.string().max(100)).max(20).default([]),
  mapping: withAtMostKeys(
    z.record(z.string().max(100), PlaceholderSource),
    MAX_TEMPLATE_PLACEHOLDERS,
    `A template can map at most ${MAX_TEMPLATE_PLACEHOLDERS} placeholders. Remove some from the text.`,
  ).default({}),
});
export type TemplateDraft = z.infer<typeof TemplateDraft>;
