import { z } from 'zod';
import { Contact } from './contact';
import { Timestamp } from './primitives';

export const WindowState = z.enum(['none', 'open', 'closing', 'closed', 'awaiting-reply']);
export type WindowState = z.infer<typeof WindowState>;

/** Why a closed window can or cannot get its one follow-up. */
export const FollowUpStatus = z.enum(['ready', 'no-opt-in', 'opted-out', 'sent', 'not-needed']);
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
});
export type ContactRow = z.infer<typeof ContactRow>;
