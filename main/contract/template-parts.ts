import { z } from 'zod';

/**
 * The parts of a template beyond its text, shared by the library (template.ts) and the submission form
 * (template-submission.ts); apart so neither imports the other.
 */

/** What a header holds: nothing, a line of text, or a photo, video or document (a sample file for review). */
export const TemplateHeaderFormat = z.enum(['none', 'text', 'image', 'video', 'document']);
export type TemplateHeaderFormat = z.infer<typeof TemplateHeaderFormat>;
export type TemplateMediaFormat = Exclude<TemplateHeaderFormat, 'none' | 'text'>;

/**
 * A button as the platform defines it (templates/components, "Buttons"): a quick reply sends its text
 * back; a URL button opens `url`, whose one optional placeholder `{{1}}` at the very end is filled per
 * message (`example` is the sample the reviewers see); a phone button calls `phone`.
 */
export const TemplateButtonSpec = z.discriminatedUnion('type', [
  z.object({ type: z.literal('quick_reply'), text: z.string().max(100) }),
  z.object({
    type: z.literal('url'),
    text: z.string().max(100),
    url: z.string().max(2100),
    example: z.string().max(2000).default(''),
  }),
  z.object({ type: z.literal('phone_number'), text: z.string().max(100), phone: z.string().max(40) }),
]);
export type TemplateButtonSpec = z.infer<typeof TemplateButtonSpec>;

/** A media header of a template in the library: its kind and the stored sample (workspace-relative). */
export const TemplateHeaderMedia = z.object({
  kind: z.enum(['image', 'video', 'document']),
  /** `template-samples/<file>`; null when the template came from WhatsApp without one. */
  sample: z.string().max(300).nullable(),
  fileName: z.string().max(255).nullable(),
  mimeType: z.string().max(255).nullable(),
});
export type TemplateHeaderMedia = z.infer<typeof TemplateHeaderMedia>;
