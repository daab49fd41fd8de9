import { z } from 'zod';
import { Id, Timestamp } from './primitives';
import {
  MessageChoice,
  MessageLocation,
  MessageMedia,
  MessageReaction,
  MAX_SHARED_CONTACTS,
  ReactionMark,
  ReplyTo,
  SharedContact,
  UnsupportedContent,
} from './message-content';

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

// Media, locations, shared contacts, choices, reactions, quotes: their shapes and how the renderer shows
// each are in message-content.ts.
export * from './message-content';

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
  /**
   * Set on an outbound reply CareWindow sent by itself (the owner's greeting or away message), so the
   * history says it was not typed by the owner.
   */
  automatic: z.exactOptional(z.enum(['greeting', 'away'])),
  /**
   * What the message carries besides its text (message-content.ts says how each is shown). An inbound
   * photo, location or contact card is kind 'text' (it opens the window like text); a chosen option is
   * kind 'button'; a reaction kind 'reaction'. `text` is the caption, or a short line ("Photo").
   */
  media: z.exactOptional(MessageMedia),
  location: z.exactOptional(MessageLocation),
  contacts: z.exactOptional(z.array(SharedContact).max(MAX_SHARED_CONTACTS)),
  choice: z.exactOptional(MessageChoice),
  reaction: z.exactOptional(MessageReaction),
  /** The current reactions on this message, one per side, replaced when changed. */
  reactions: z.exactOptional(z.array(ReactionMark).max(2)),
  replyTo: z.exactOptional(ReplyTo),
  /** The customer forwarded this message (Cloud API `context.forwarded`). */
  forwarded: z.exactOptional(z.boolean()),
  unsupported: z.exactOptional(UnsupportedContent),
});
export type Message = z.infer<typeof Message>;
