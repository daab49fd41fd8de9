import { z } from 'zod';
import { ButtonPayload, ContactCardPayload, ReplyPayload } from '../whatsapp-formats';

/**
 * The two JSON bodies CM.com posts to the webhook address, read leniently (a field of the wrong type is
 * dropped, not the whole message):
 *
 * - an incoming (MO) message, https://developers.cm.com/messaging/docs/incoming-messages and, for WhatsApp's
 *   types, …/docs/whatsapp-inbound: `from {number, name}`, `to {number}`, `message {text, media {mediaUri,
 *   contentType, title}, custom {location | contacts | interactive | …}}`, `reference`, `groupings`,
 *   `timeUtc` ("yyyy-MM-ddTHH:mm:ss", UTC), `channel` ("WhatsApp", "SMS", …), `messageContext` (the message
 *   the customer replied to);
 * - a status report, https://developers.cm.com/messaging/docs/incoming-status-report (JSON format):
 *   `messages.msg {received, to, reference, status {code, errorCode, errorDescription}, operator}`.
 */

const Text = z.string().optional().catch(undefined);
const Code = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^-?\d+$/)
      .transform(Number),
  ])
  .nullable()
  .optional()
  .catch(undefined);

export const MoLocation = z.object({
  latitude: z.number(),
  longitude: z.number(),
  label: Text,
  searchQuery: Text,
});

export const MoMessage = z.object({
  reference: Text,
  from: z.object({ number: z.string().min(1), name: Text }),
  to: z.object({ number: Text }).optional().catch(undefined),
  message: z.object({
    text: Text,
    media: z.object({ mediaUri: Text, contentType: Text, title: Text }).optional().catch(undefined),
    custom: z
      .object({
        location: MoLocation.optional().catch(undefined),
        contacts: z.array(ContactCardPayload).optional().catch(undefined),
        interactive: z
          .object({
            type: Text,
            button_reply: ReplyPayload.optional().catch(undefined),
            list_reply: ReplyPayload.optional().catch(undefined),
          })
          .optional()
          .catch(undefined),
        // A template's quick-reply button ("Interactive template replies"): its payload and label.
        button: ButtonPayload.optional().catch(undefined),
      })
      .optional()
      .catch(undefined),
  }),
  timeUtc: z.string(),
  channel: Text,
  messageContext: Text,
});
export type MoMessage = z.infer<typeof MoMessage>;

export const StatusReportMsg = z.object({
  received: Text,
  to: Text,
  reference: z.string().min(1),
  status: z.object({
    code: z.union([z.number(), z.string()]),
    errorCode: Code,
    errorDescription: z.string().nullable().optional().catch(undefined),
  }),
  channel: Text,
});
export type StatusReportMsg = z.infer<typeof StatusReportMsg>;

/** `msg` is one object in CM.com's example; a list is read too, so a batch is never lost. */
export const StatusReport = z.object({
  messages: z.object({ msg: z.union([StatusReportMsg, z.array(z.unknown())]) }),
});

/** "2026-11-24T14:20:00" in UTC (no zone in the text); a zone or fraction, if CM.com adds one, is kept. */
export function utcTime(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') return null;
  const trimmed = text.trim();
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(trimmed) ? trimmed : `${trimmed}Z`;
  const at = Date.parse(zoned);
  return Number.isFinite(at) ? at : null;
}
