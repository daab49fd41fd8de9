import { z } from 'zod';
import { Id, Timestamp } from './primitives';

/** One planned warning before a window closes. Its id is stable across restarts: contact + window start + lead. */
export const Reminder = z.object({
  id: z.string().max(200),
  contactId: Id,
  leadMinutes: z.number().int(),
  windowOpenedAt: Timestamp,
  expiresAt: Timestamp,
  /** When it fires: expiresAt − lead, moved earlier to the end of business hours if that falls in quiet hours. */
  dueAt: Timestamp,
  shifted: z.boolean(),
});
export type Reminder = z.infer<typeof Reminder>;

export const AppNotification = z.object({
  id: z.string().max(200),
  at: Timestamp,
  /** `message`: a new customer message while the app was not in front (shown, never kept in the centre). */
  /** `follow-up`: what became of a scheduled follow-up (dropped because the customer wrote, or refused). */
  /** `template`: a template the owner submitted was approved, rejected, paused or disabled by WhatsApp. */
  kind: z.enum(['reminder', 'group', 'digest', 'message', 'follow-up', 'template']),
  title: z.string(),
  body: z.string(),
  /** The contacts it is about: one opens that conversation, several open the list filtered to them. */
  contactIds: z.array(Id),
  reminderIds: z.array(z.string()),
  read: z.boolean(),
});
export type AppNotification = z.infer<typeof AppNotification>;

export const NotificationCentre = z.object({
  notifications: z.array(AppNotification),
  unread: z.number().int().nonnegative(),
  /** Windows closing within the first lead time: the tray/dock badge. */
  badge: z.number().int().nonnegative(),
  /** Whether the OS shows desktop notifications; when false the app says why and uses its own banner. */
  desktop: z.object({ supported: z.boolean(), reason: z.string().nullable() }),
});
export type NotificationCentre = z.infer<typeof NotificationCentre>;
