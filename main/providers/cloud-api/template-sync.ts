import { z } from 'zod';
import { graphRequest, type GraphError } from './graph-request';
import type { GraphSettings } from './graph-settings';

/**
 * Fetches the account's message templates: GET /{waba-id}/message_templates, page by page, as
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-management
 * lists them. Statuses and quality as on
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-quality
 * Only APPROVED templates can be sent; a status CareWindow does not know is kept as the platform wrote it.
 */

export const KNOWN_TEMPLATE_STATUSES = [
  'APPROVED',
  'PENDING',
  'REJECTED',
  'PAUSED',
  'DISABLED',
  'IN_APPEAL',
  'PENDING_DELETION',
  'DELETED',
  'LIMIT_EXCEEDED',
] as const;

/** A component as the platform describes it (HEADER, BODY, FOOTER, BUTTONS…); other fields are kept. */
const Component = z.looseObject({
  type: z.string(),
  format: z.string().optional(),
  text: z.string().optional(),
});

const RemoteTemplateSchema = z.object({
  id: z.string().optional(),
  name: z.string(),
  language: z.string(),
  category: z.string().catch('UNKNOWN'),
  status: z.string(),
  parameter_format: z.string().optional().catch(undefined),
  components: z.array(Component).catch([]),
  quality_score: z.object({ score: z.string() }).optional().catch(undefined),
  rejected_reason: z.string().optional().catch(undefined),
});

const Page = z.object({
  data: z.array(z.unknown()),
  paging: z
    .object({
      cursors: z.object({ after: z.string().optional() }).optional(),
      next: z.string().optional(),
    })
    .optional(),
});

export type TemplateComponent = z.infer<typeof Component>;

export interface RemoteTemplate {
  id: string | null;
  name: string;
  language: string;
  category: string;
  /** APPROVED, PENDING, REJECTED, PAUSED, DISABLED, … (kept as text when new). */
  status: string;
  /** 'NAMED' or 'POSITIONAL' when the platform says. */
  parameterFormat: string | null;
  components: TemplateComponent[];
  /** GREEN, YELLOW, RED or UNKNOWN. */
  qualityScore: string | null;
  rejectedReason: string | null;
}

export type TemplateFetch =
  | { ok: true; templates: RemoteTemplate[]; skipped: number }
  | { ok: false; error: GraphError | null; reason: string };

const FIELDS = 'id,name,language,category,status,parameter_format,components,quality_score,rejected_reason';
const PAGE_SIZE = '100';
/** A runaway cursor must not loop for ever: 100 pages of 100 is far more than any shop has. */
const MAX_PAGES = 100;

export async function fetchTemplates(settings: GraphSettings, signal?: AbortSignal): Promise<TemplateFetch> {
  const templates: RemoteTemplate[] = [];
  let skipped = 0;
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query: Record<string, string> = { fields: FIELDS, limit: PAGE_SIZE };
    if (after !== undefined) query.after = after;
    const response = await graphRequest(settings, {
      method: 'GET',
      path: `/${settings.wabaId}/message_templates`,
      query,
      ...(signal ? { signal } : {}),
    });
    if (response.kind === 'error') return { ok: false, error: response.error, reason: response.error.title };
    if (response.kind !== 'ok')
      return { ok: false, error: null, reason: 'CareWindow could not reach WhatsApp' };
    const parsed = Page.safeParse(response.body);
    if (!parsed.success)
      return { ok: false, error: null, reason: 'WhatsApp answered with an unexpected list' };
    for (const item of parsed.data.data) {
      const template = RemoteTemplateSchema.safeParse(item);
      if (template.success) templates.push(toRemote(template.data));
      else skipped++;
    }
    // `paging.next` is only present when there is another page. Its cursor is followed against the
    // configured base URL rather than fetching `next` itself, so the token never goes to another host.
    const nextAfter = parsed.data.paging?.cursors?.after;
    if (parsed.data.paging?.next === undefined || nextAfter === undefined || nextAfter === '') {
      return { ok: true, templates, skipped };
    }
    after = nextAfter;
  }
  return { ok: true, templates, skipped };
}

function toRemote(t: z.infer<typeof RemoteTemplateSchema>): RemoteTemplate {
  return {
    id: t.id ?? null,
    name: t.name,
    language: t.language,
    category: t.category,
    status: t.status,
    parameterFormat: t.parameter_format ?? null,
    components: t.components,
    qualityScore: t.quality_score?.score ?? null,
    rejectedReason: t.rejected_reason ?? null,
  };
}
