import { z } from 'zod';
import { ButtonPayload, ContactCardPayload, ReplyPayload } from '../whatsapp-formats';

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
      /** Unix seconds; template status updates carry it (message_template_status_update reference). */
      time: z.number().optional().catch(undefined),
      changes: z.array(z.object({ field: z.string().optional(), value: z.record(z.string(), z.unknown()) })),
    }),
  ),
});

export const ContactProfile = z.object({
  wa_id: z.string(),
  profile: z.object({ name: z.string() }).optional(),
});

/**
 * A media object of an inbound message (image, video, audio, document, sticker): the id to fetch it by,
 * its type and hash, a caption (image, video, document) and a file name (document). Per type:
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/image
 * (and …/video, …/audio, …/document, …/sticker).
 */
const Caption = z.object({
  id: z.string().optional().catch(undefined),
  mime_type: z.string().optional().catch(undefined),
  sha256: z.string().optional().catch(undefined),
  caption: z.string().optional(),
  filename: z.string().optional(),
  /** audio: true for a voice note recorded in WhatsApp; sticker: true for an animated one. */
  voice: z.boolean().optional().catch(undefined),
  animated: z.boolean().optional().catch(undefined),
});

const Coordinate = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

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
  audio: Caption.optional(),
  sticker: Caption.optional(),
  location: z
    .object({
      latitude: Coordinate.optional().catch(undefined),
      longitude: Coordinate.optional().catch(undefined),
      name: z.string().optional(),
      address: z.string().optional(),
      url: z.string().optional(),
    })
    .optional(),
  contacts: z.array(ContactCardPayload).optional(),
  reaction: z.object({ message_id: z.string().optional(), emoji: z.string().optional() }).optional(),
  button: ButtonPayload.optional(),
  interactive: z
    .object({
      type: z.string().optional(),
      button_reply: ReplyPayload.optional(),
      list_reply: ReplyPayload.optional(),
    })
    .optional(),
  system: z.object({ body: z.string().optional() }).optional(),
  /** The message quoted (a reply) or forwarded: …/webhooks/reference/messages (`context`). */
  context: z
    .object({ id: z.string().optional(), forwarded: z.boolean().optional() })
    .optional()
    .catch(undefined),
  /** On `unsupported` (and `unknown`) messages: what the platform could not show. */
  errors: z
    .array(z.object({ code: z.number().optional(), title: z.string().optional() }))
    .optional()
    .catch(undefined),
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
