import type { Template, TemplateCategory, TemplateStatus } from '../../contract/model';
import { distinctKeys, parseBody } from './placeholders';
import { MAX_BUTTON, MAX_BUTTONS, MAX_FOOTER, MAX_HEADER } from './template-draft';

/**
 * A message template as the platform lists it (GET /{waba-id}/message_templates, see
 * providers/cloud-api/template-sync.ts), reduced to what the library keeps. Pure.
 */
export interface RemoteTemplate {
  name: string;
  language: string;
  category: string;
  status: string;
  components: readonly { type: string; format?: string | undefined; text?: string | undefined }[];
  qualityScore: string | null;
  rejectedReason: string | null;
}

/** The template's own fields as the platform has them (id, mapping and dates stay the library's). */
export type PlatformFields = Pick<
  Template,
  'name' | 'language' | 'category' | 'status' | 'body' | 'header' | 'footer' | 'buttons'
> & { quality: string | null; platformNote: string | null };

/**
 * The platform's statuses onto the library's five. Only APPROVED can be sent
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-management);
 * one under review or appeal is pending; one being deleted, deleted or over its limit can never be sent
 * again from here: disabled. A status CareWindow does not know is read as pending: never sendable.
 */
export function statusOf(remote: string): TemplateStatus {
  switch (remote.toUpperCase()) {
    case 'APPROVED':
      return 'approved';
    case 'REJECTED':
      return 'rejected';
    case 'PAUSED':
      return 'paused';
    case 'DISABLED':
    case 'PENDING_DELETION':
    case 'DELETED':
    case 'LIMIT_EXCEEDED':
      return 'disabled';
    default:
      return 'pending';
  }
}

/** An unknown category is read as marketing: the strictest rules and the highest price, never fewer. */
export function categoryOf(remote: string): TemplateCategory {
  const lower = remote.toLowerCase();
  return lower === 'utility' || lower === 'authentication' ? lower : 'marketing';
}

const NAME = /^[a-z0-9_]{1,512}$/;
const LANGUAGE = /^[a-z]{2,3}(_[A-Z]{2})?$/;

/** The library's fields for a remote template, or why it cannot be held (then it is skipped). */
export function fromRemote(
  remote: RemoteTemplate,
): { ok: true; fields: PlatformFields } | { ok: false; why: string } {
  if (!NAME.test(remote.name)) return { ok: false, why: 'name' };
  if (!LANGUAGE.test(remote.language)) return { ok: false, why: 'language' };
  const part = (type: string) => remote.components.find((c) => c.type.toUpperCase() === type);
  const body = part('BODY')?.text ?? '';
  if (body.trim() === '' || body.length > 1024 || !parseBody(body).ok) return { ok: false, why: 'body' };
  const header = part('HEADER');
  const headerText =
    header && (header.format ?? 'TEXT').toUpperCase() === 'TEXT' ? (header.text ?? null) : null;
  const buttons = (part('BUTTONS') as { buttons?: unknown } | undefined)?.buttons;
  return {
    ok: true,
    fields: {
      name: remote.name,
      language: remote.language,
      category: categoryOf(remote.category),
      status: statusOf(remote.status),
      body,
      header: headerText === null ? null : headerText.slice(0, MAX_HEADER),
      footer: part('FOOTER')?.text?.slice(0, MAX_FOOTER) ?? null,
      buttons: buttonTexts(buttons),
      quality: remote.qualityScore,
      platformNote:
        remote.rejectedReason && remote.rejectedReason !== 'NONE'
          ? remote.rejectedReason.slice(0, 500)
          : null,
    },
  };
}

function buttonTexts(buttons: unknown): string[] {
  if (!Array.isArray(buttons)) return [];
  return buttons
    .map((b: unknown) => (typeof b === 'object' && b !== null ? (b as { text?: unknown }).text : undefined))
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.slice(0, MAX_BUTTON))
    .slice(0, MAX_BUTTONS);
}

/**
 * The owner's placeholder mappings that still fit the body: a mapping for a removed placeholder goes. A
 * URL button's suffix mapping ("button.<index>", send-parts.ts) is not a body placeholder and stays.
 */
export function keptMapping(mapping: Template['mapping'], body: string): Template['mapping'] {
  const parsed = parseBody(body);
  if (!parsed.ok) return {};
  const keys = new Set(distinctKeys(parsed.placeholders));
  return Object.fromEntries(
    Object.entries(mapping).filter(([key]) => keys.has(key) || key.startsWith('button.')),
  );
}
