import { z } from 'zod';
import { MAX_MESSAGE_LENGTH } from './message';
import { Id, Timestamp } from './primitives';

/**
 * A saved answer the owner inserts with `/` in the message box. Its text may hold the same placeholders
 * as a template (`{first_name}`, `{{1}}`…), filled from the contact's fields when inserted.
 */
export const QuickReplyDraft = z.object({
  /** The word typed after `/` to find it, e.g. "hours". */
  shortcut: z
    .string()
    .trim()
    .min(1, 'Give the quick reply a shortcut word.')
    .max(30, 'A shortcut is at most 30 characters.')
    .regex(/^[\p{L}\p{N}_-]+$/u, 'A shortcut is one word: letters, digits, - and _ only.'),
  text: z
    .string()
    .trim()
    .min(1, 'Type the answer to insert.')
    .max(MAX_MESSAGE_LENGTH, `WhatsApp messages are limited to ${MAX_MESSAGE_LENGTH} characters.`),
});
export type QuickReplyDraft = z.infer<typeof QuickReplyDraft>;

export const QuickReply = QuickReplyDraft.extend({ id: Id });
export type QuickReply = z.infer<typeof QuickReply>;

/** Which automatic reply a message was (greeting a new or returning customer, or away outside hours). */
export const AutomaticReply = z.enum(['greeting', 'away']);
export type AutomaticReply = z.infer<typeof AutomaticReply>;

const ReplyText = z.string().trim().max(1000, 'An automatic reply is at most 1,000 characters.');

/** Off by default: nothing is ever sent in the owner's name until they turn it on. */
export const AutoReplySettings = z.object({
  greeting: z.object({
    enabled: z.boolean(),
    text: ReplyText,
    /** A customer who has not written for this many days is greeted again; also the "once per" period. */
    inactiveDays: z.number().int().min(1, 'Use at least 1 day.').max(365, 'Use at most 365 days.'),
  }),
  away: z.object({
    enabled: z.boolean(),
    text: ReplyText,
    /** At most one away message per customer in this many hours. */
    onceEveryHours: z
      .number()
      .int()
      .min(1, 'Use at least 1 hour.')
      .max(336, 'Use at most 336 hours (14 days).'),
  }),
});
export type AutoReplySettings = z.infer<typeof AutoReplySettings>;

export const DEFAULT_AUTO_REPLIES: AutoReplySettings = {
  greeting: {
    enabled: false,
    text: 'Hello {first_name}, thank you for your message! We will answer you as soon as we can.',
    inactiveDays: 14,
  },
  away: {
    enabled: false,
    text: 'Thank you for your message. We are closed right now and will answer you when we open again.',
    onceEveryHours: 12,
  },
};

/** The settings with what WhatsApp bills for each automatic reply today, in words (from the pricing table). */
export const AutoRepliesView = z.object({
  settings: AutoReplySettings,
  billing: z.string(),
});
export type AutoRepliesView = z.infer<typeof AutoRepliesView>;

/**
 * A follow-up the owner asked to send later (a window that closes at night: at the start of business
 * hours). `windowExpiresAt` names the closed window it is for: a customer who writes first opens a new
 * window, and the scheduled follow-up is dropped.
 */
export const ScheduledFollowUp = z.object({
  contactId: Id,
  templateId: Id,
  at: Timestamp,
  windowExpiresAt: Timestamp,
  scheduledAt: Timestamp,
});
export type ScheduledFollowUp = z.infer<typeof ScheduledFollowUp>;
