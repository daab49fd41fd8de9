import { z } from 'zod';
import { Id, withAtMostKeys } from './primitives';
import {
  MAX_TEMPLATE_BODY,
  MAX_TEMPLATE_PLACEHOLDERS,
  PlaceholderSource,
  TemplateCategory,
} from './template';
import { TemplateButtonSpec, TemplateHeaderFormat } from './template-parts';

/**
 * A template the owner writes in CareWindow and submits to WhatsApp for approval (POST
 * /{waba-id}/message_templates). The schemas bound sizes only: every rule of the platform is checked by
 * domain/templates/submission-rules.ts, which the form runs while the owner types and main runs again
 * before anything is sent, so a refusal names the field to fix.
 */

/** A header sample staged in the workspace (templates.stageSample / sampleChunk). */
export const StagedSample = z.object({
  sampleId: Id,
  fileName: z.string().max(255),
  mimeType: z.string().max(255),
  size: z.number().int().nonnegative(),
  /** Bytes received so far; the sample can be submitted once this equals `size`. */
  received: z.number().int().nonnegative(),
});
export type StagedSample = z.infer<typeof StagedSample>;

export const SampleStart = z.object({
  fileName: z.string().min(1).max(255),
  mimeType: z.string().max(255),
  size: z.number().int().nonnegative(),
});
export type SampleStart = z.infer<typeof SampleStart>;

export const SampleChunk = z.object({
  sampleId: Id,
  offset: z.number().int().nonnegative(),
  /** base64, at most 512 KiB before encoding (the preview host's WebSocket frames are 1 MB). */
  data: z.string().max(Math.ceil((512 * 1024) / 3) * 4),
});
export type SampleChunk = z.infer<typeof SampleChunk>;

/** The "New template for approval" form. */
export const TemplateSubmissionDraft = z.object({
  name: z.string().max(600),
  language: z.string().max(20),
  category: TemplateCategory,
  body: z.string().max(MAX_TEMPLATE_BODY * 4),
  /** Placeholder key ("first_name", "1") → the sample value the reviewers see. */
  examples: withAtMostKeys(
    z.record(z.string().max(100), z.string().max(1000)),
    MAX_TEMPLATE_PLACEHOLDERS + 1,
    'Too many examples.',
  ).default({}),
  headerFormat: TemplateHeaderFormat.default('none'),
  headerText: z.string().max(200).default(''),
  /** The sample value of the header's one placeholder. */
  headerExample: z.string().max(200).default(''),
  /** The sample file of a media header. */
  headerSample: StagedSample.nullable().default(null),
  footer: z.string().max(200).default(''),
  buttons: z.array(TemplateButtonSpec).max(20).default([]),
  /** Where each body placeholder's value comes from when the template is sent (as in the library form). */
  mapping: withAtMostKeys(
    z.record(z.string().max(100), PlaceholderSource),
    MAX_TEMPLATE_PLACEHOLDERS,
    `A template can map at most ${MAX_TEMPLATE_PLACEHOLDERS} placeholders.`,
  ).default({}),
});
export type TemplateSubmissionDraft = z.infer<typeof TemplateSubmissionDraft>;
export type TemplateSubmissionInput = z.input<typeof TemplateSubmissionDraft>;
