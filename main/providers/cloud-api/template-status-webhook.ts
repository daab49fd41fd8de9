import { z } from 'zod';
import { SECOND } from '../../domain/durations';
import type { TemplateStatusUpdate } from '../../services/template-ports';

/**
 * The `message_template_status_update` webhook (field of the same name), as
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_status_update
 * shapes its `value`: `event` (APPROVED, REJECTED, PAUSED, DISABLED, PENDING_DELETION, ARCHIVED, …),
 * `message_template_id` (a number), `message_template_name`, `message_template_language`, and `reason`
 * ("NONE" when there is none). Pure.
 */
const Value = z.object({
  event: z.string().min(1),
  message_template_id: z.union([z.number(), z.string()]).optional(),
  message_template_name: z.string().min(1),
  message_template_language: z.string().min(1),
  reason: z.string().nullable().optional().catch(undefined),
  other_info: z
    .object({ title: z.string().optional(), description: z.string().optional() })
    .optional()
    .catch(undefined),
});

export const TEMPLATE_STATUS_FIELD = 'message_template_status_update';

/** The update in one change's value, or null when it is not in that shape. `entryTime` is Unix seconds. */
export function templateStatusOf(value: unknown, entryTime: number | null): TemplateStatusUpdate | null {
  const parsed = Value.safeParse(value);
  if (!parsed.success) return null;
  const v = parsed.data;
  const reason =
    v.reason && v.reason.toUpperCase() !== 'NONE' ? v.reason : (v.other_info?.description ?? null);
  return {
    remoteId: v.message_template_id === undefined ? null : String(v.message_template_id),
    name: v.message_template_name,
    language: v.message_template_language,
    event: v.event.toUpperCase(),
    reason,
    at: entryTime === null ? null : entryTime * SECOND,
  };
}
