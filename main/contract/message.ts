import { z } from 'zod';
import { Id, Timestamp } from './primitives';

/** The WhatsApp Cloud API's limit for a text message body. */
export const MAX_MESSAGE_LENGTH = 4096;

/**
 * An outbound message's way out: queued (stored, waiting its turn or for a retry), sending (handed to the
 * provider), then sent < delivered < read, or failed; unconfirmed when the provider was asked but never
 * answered (it may have gone out: never resent by itself). 'pending' is what histories written before the
 * outbox call a send under way; it is read as before. 'received' is every inbound message.
 */
export const MessageStatus = z.enum([
  'received',
  'pending',
  'queued',
  'sending',
  'unconfirmed',
  'sent',
  'delivered',
  'read',
  'failed',
]);
export type MessageStatus = z.infer<typeof MessageStatus>;

/** Why a send did not (or may not have) gone out, as the outbox classified it; see services/ports.ts. */
export const SendFailureKind = z.enum([
  'window-closed',
  'invalid-parameter',
  'marketing-limit',
  'marketing-stopped',
  'rate-limited',
  'auth',
  'permission',
  'not-found',
  'network',
  'timeout-after-send',
  'server',
  'unknown',
  /** The platform reported the message failed after accepting it (a 'failed' status webhook). */
  'undelivered',
]);
export type SendFailureKind = z.infer<typeof SendFailureKind>;

/** What went wrong with a send, in plain words (`reason`), and what the owner can do (`action`). */
export const MessageFailure = z.object({
  kind: SendFailureKind,
  reason: z.string().max(1000),
  action: z.string().max(1000),
  /** For 'invalid-parameter': the placeholder the platform named, when it named one. */
  parameter: z.string().max(200).nullable().default(null),
});
export type MessageFailure = z.infer<typeof MessageFailure>;

/** A status webhook's `pricing` object: what the platform says it billed for this message. */
export const MessagePricing = z.object({
  billable: z.boolean().nullable(),
  pricingModel: z.string().max(50).nullable(),
  category: z.string().max(50).nullable(),
  type: z.string().max(50).nullable(),
});
export type MessagePricing = z.infer<typeof MessagePricing>;

/**
 * The cap on a kept original: one message of a webhook is a few kB (the receiver takes at most 1 MB per
 * payload), so this is room to spare, not a limit a real message meets.
 */
export const MAX_ORIGINAL_JSON = 256 * 1024;

export const InboundOriginal = z.object({
  type: z.string().min(1).max(100),
  json: z.string().max(MAX_ORIGINAL_JSON),
});
export type InboundOriginal = z.infer<typeof InboundOriginal>;

/**
 * A photo, video, voice note or file a message carried, as a chat export named it. `file` is the copy in
 * the workspace (`media/<contact>/<name>`), null when the export was made without media.
 */
export const MessageMedia = z.object({
  kind: z.enum(['image', 'video', 'audio', 'sticker', 'document', 'other']),
  fileName: z.string().max(255).nullable(),
  file: z.string().max(400).nullable(),
});
export type MessageMedia = z.infer<typeof MessageMedia>;

export const Message = z.object({
  id: Id,
  contactId: Id,
  direction: z.enum(['inbound', 'outbound']),
  /**
   * text and template in both directions; call, button (a reply button pressed) and reaction come from
   * the customer only (domain/inbound-event.ts says which of them open the window).
   */
  kind: z.enum(['text', 'template', 'call', 'button', 'reaction']),
  text: z.string().max(MAX_MESSAGE_LENGTH),
  at: Timestamp,
  status: MessageStatus,
  /** The provider's message id (WhatsApp's wamid), used to drop duplicate webhook deliveries. */
  providerId: z.string().max(200).nullable().default(null),
  /** Set on an outbound template sent after the window closed: the one allowed follow-up. */
  followUp: z.boolean().default(false),
  template: z.object({ name: z.string(), language: z.string() }).nullable().default(null),
  error: z.string().max(1000).nullable().default(null),
  /**
   * Why an outbound message failed or is unconfirmed or waiting for a retry, classified. Absent from
   * histories written before the outbox (their `error` text is all there is).
   */
  failure: MessageFailure.optional(),
  /** What the platform billed, from its status webhooks; absent until one says. */
  pricing: MessagePricing.optional(),
  /**
   * An inbound message of a type shown as a short line today (photo, voice message, location…): its type
   * and the provider's JSON of it, kept so a later version can render it fully. Absent for text and for
   * providers that have nothing more (the simulator).
   */
  original: InboundOriginal.optional(),
  /** Set on an inbound message that changed the customer's consent (STOP, START, "Stop promotions"). */
  consent: z.enum(['opted-out', 'opt-in-requested', 'opted-out-of-marketing']).nullable().default(null),
  /**
   * Set on a message brought in from a WhatsApp chat export: history only. It never opens or restarts a
   * window (the platform tracks the window on the API number, not on what the phone app saw).
   */
  imported: z.exactOptional(z.object({ importId: Id })),
  /** Media the message carried (imported messages only, for now). */
  media: z.exactOptional(MessageMedia),
});
export type Message = z.infer<typeof Message>;
