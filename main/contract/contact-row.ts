import { z } from 'zod';
import { Contact } from './contact';
import { Timestamp } from './primitives';

export const WindowState = z.enum(['none', 'open', 'closing', 'closed', 'awaiting-reply']);
export type WindowState = z.infer<typeof WindowState>;

/** Why a follow-up cannot be sent now. Each has an action that fixes it in the UI. */
export const FollowUpRefusal = z.enum([
  'window-open',
  'no-opt-in',
  'opted-out',
  'already-sent',
  'no-template',
  'template-not-approved',
  'missing-field',
  /** A marketing template to a US number: WhatsApp does not deliver it (see domain/pricing/us-marketing.ts). */
  'marketing-not-delivered',
  /** A marketing template to a customer who pressed "Stop promotions": utility templates are still allowed. */
  'opted-out-of-marketing',
]);
export type FollowUpRefusal = z.infer<typeof FollowUpRefusal>;

/**
 * Why a closed window can or cannot get its one follow-up. `blocked`: the opt-in allows it, but the
 * template one click would send cannot go (missing field, not approved, …): `followUpRefusal` says which.
 */
export const FollowUpStatus = z.enum(['ready', 'blocked', 'no-opt-in', 'opted-out', 'sent', 'not-needed']);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

export const CareWindow = z.object({
  state: WindowState,
  /** When the window opened (the customer's last message), null when the customer never wrote. */
  openedAt: Timestamp.nullable(),
  /** openedAt + 24 h exactly. */
  expiresAt: Timestamp.nullable(),
  /** When the state will next change on its own (closing starts, window closes), for live updates. */
  nextChangeAt: Timestamp.nullable(),
  followUp: FollowUpStatus,
  /** Set with `blocked`: the same refusal the follow-up preview gives (domain/follow-up/readiness.ts). */
  followUpRefusal: FollowUpRefusal.optional(),
  followUpSentAt: Timestamp.nullable(),
});
export type CareWindow = z.infer<typeof CareWindow>;

/** What the first screen needs about a contact's history, kept up to date without reading the history. */
export const Activity = z.object({
  lastInboundAt: Timestamp.nullable(),
  lastOutboundAt: Timestamp.nullable(),
  lastFollowUpAt: Timestamp.nullable(),
  lastMessage: z
    .object({
      text: z.string(),
      at: Timestamp,
      direction: z.enum(['inbound', 'outbound']),
      /** Set when this last message is an outbound one that did not go out: why, in plain words. */
      notSent: z.string().max(1000).optional(),
    })
    .nullable(),
  messageCount: z.number().int().nonnegative(),
});
export type Activity = z.infer<typeof Activity>;

export const ContactRow = z.object({
  contact: Contact,
  activity: Activity,
  window: CareWindow,
  /** The next warning the owner will get for this window, if any (muted, already past, or none planned: null). */
  nextReminder: z
    .object({ dueAt: Timestamp, leadMinutes: z.number().int(), shifted: z.boolean() })
    .nullable()
    .default(null),
  /** Customer messages the owner has not seen yet (cleared when the conversation is opened). */
  unread: z.number().int().nonnegative().default(0),
  /**
   * "Waiting for you": the customer wrote last, has no answer yet, and the window is still open, so an
   * answer can still go. Not the same as `awaiting-reply`, where the customer owes the answer.
   */
  waiting: z.boolean().default(false),
});
export type ContactRow = z.infer<typeof ContactRow>;
