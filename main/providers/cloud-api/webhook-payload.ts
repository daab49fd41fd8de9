import { z } from 'zod';

/**
 * The shapes of a WhatsApp Business Account webhook, as far as CareWindow reads them. Each part is
 * parsed on its own (a message, a status, a call), so one part in a shape this build does not know never
 * costs the others. Unknown fields are ignored; the raw message is kept beside what is read from it.
 *   envelope and messages: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages
 *   statuses:              https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status
 *   value.errors:          https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/errors
 *   calls (field `calls`): https://developers.facebook.com/documentation/business-messaging/whatsapp/calling
 */

/** Unix seconds, sent as a string ("1749416383"); a number is accepted too. */
export const Seconds = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(Number);

export const Envelope = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.object({
      id: z.string().optional(),
      changes: z.array(z.object({ field: z.string().optional(), value: z.record(z.string(), z.unknown()) })),
    }),
  ),
});

export const ContactProfile = z.object({
  wa_id: z.string(),
  profile: z.object({ name: z.string() }).optional(),
});

const Caption = z.object({ caption: z.string().optional(), filename: z.string().optional() });

/** The common part of every inbound message; the type's own object is read by type. */
export const InboundBase = z.object({
  from: z.string().regex(/^\+?\d{5,20}$/),
  id: z.string().min(1),
  timestamp: Seconds,
  type: z.string().min(1),
  text: z.object({ body: z.string() }).optional(),
  image: Caption.optional(),
  video: Caption.optional(),
  document: Caption.optional(),
  audio: z.object({ voice: z.boolean().optional() }).optional(),
  location: z.object({ name: z.string().optional(), address: z.string().optional() }).optional(),
  contacts: z
    .array(z.object({ name: z.object({ formatted_name: z.string().optional() }).optional() }))
    .optional(),
  reaction: z.object({ message_id: z.string().optional(), emoji: z.string().optional() }).optional(),
  button: z.object({ text: z.string().optional(), payload: z.string().optional() }).optional(),
  interactive: z
    .object({
      type: z.string().optional(),
      button_reply: z.object({ id: z.string().optional(), title: z.string().optional() }).optional(),
      list_reply: z.object({ id: z.string().optional(), title: z.string().optional() }).optional(),
    })
    .optional(),
  system: z.object({ body: z.string().optional() }).optional(),
});
export type InboundBase = z.infer<typeof InboundBase>;

export const StatusError = z.object({
  code: z.number().int(),
  title: z.string().catch(''),
  message: z.string().optional().catch(undefined),
  error_data: z.object({ details: z.string().optional() }).optional().catch(undefined),
});

export const Pricing = z.object({
  billable: z.boolean().optional().catch(undefined),
  pricing_model: z.string().optional().catch(undefined),
  category: z.string().optional().catch(undefined),
  type: z.string().optional().catch(undefined),
});

export const Status = z.object({
  id: z.string().min(1),
  status: z.string(),
  timestamp: Seconds,
  recipient_id: z.string().optional(),
  errors: z.array(StatusError).optional().catch(undefined),
  pricing: Pricing.optional().catch(undefined),
  /** What the send request carried as `biz_opaque_callback_data` (CareWindow's message id). */
  biz_opaque_callback_data: z.string().optional().catch(undefined),
  // `conversation` (the old per-conversation billing) is deliberately not read: billing is per message.
});

export const Call = z.object({
  id: z.string().min(1),
  from: z.string().regex(/^\+?\d{5,20}$/),
  event: z.string().optional(),
  timestamp: Seconds,
  direction: z.string().optional(),
  status: z.string().optional(),
});

export const ValueError = StatusError;
