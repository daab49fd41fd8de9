import { z } from 'zod';

/**
 * The shapes of everything that crosses the IPC bridge or lands in a data file. Types are inferred from
 * these schemas, so the runtime check in the main process and the compile-time type cannot drift apart.
 * Pure: imports only zod, so the domain, the store, the preload and the renderer can all share it.
 */

export const MAX_NAME_LENGTH = 120;
export const MAX_NOTES_LENGTH = 4000;
/** The WhatsApp Cloud API's limit for a text message body. */
export const MAX_MESSAGE_LENGTH = 4096;
export const MAX_FIELD_KEY_LENGTH = 40;
export const MAX_FIELD_VALUE_LENGTH = 500;
export const MAX_CUSTOM_FIELDS = 30;

/** Milliseconds since the epoch, bounded to years a shop could plausibly have data for (2000–2100). */
export const Timestamp = z
  .number()
  .int()
  .min(Date.UTC(2000, 0, 1), 'Dates before the year 2000 are not accepted.')
  .max(Date.UTC(2100, 0, 1), 'Dates after the year 2100 are not accepted.');
export type Timestamp = z.infer<typeof Timestamp>;

export const Id = z.string().min(1).max(100);

export const OptInSource = z.enum(['in-store', 'website', 'whatsapp', 'imported', 'other']);
export type OptInSource = z.infer<typeof OptInSource>;

export const OptIn = z.object({
  status: z.enum(['none', 'opted-in', 'opted-out']),
  /** When the customer gave (or withdrew) consent. */
  at: Timestamp.nullable(),
  source: OptInSource.nullable(),
  proof: z.string().max(500).default(''),
});
export type OptIn = z.infer<typeof OptIn>;

export const FieldKey = z
  .string()
  .min(1)
  .max(MAX_FIELD_KEY_LENGTH)
  .regex(
    /^[A-Za-z][A-Za-z0-9_]*$/,
    'A field name starts with a letter and holds only letters, digits and _.',
  );

export const CustomFields = z
  .record(FieldKey, z.string().max(MAX_FIELD_VALUE_LENGTH))
  .refine((r) => Object.keys(r).length <= MAX_CUSTOM_FIELDS, `At most ${MAX_CUSTOM_FIELDS} custom fields.`);

export const Contact = z.object({
  id: Id,
  name: z.string().min(1).max(MAX_NAME_LENGTH),
  /** E.164, e.g. +31612345678. */
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/),
  notes: z.string().max(MAX_NOTES_LENGTH),
  fields: CustomFields,
  optIn: OptIn,
  muted: z.boolean().default(false),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Contact = z.infer<typeof Contact>;

/** What the owner types in the contact form; the main process validates and normalises it. */
export const ContactDraft = z.object({
  name: z.string().max(MAX_NAME_LENGTH * 2),
  phone: z.string().max(40),
  notes: z
    .string()
    .max(MAX_NOTES_LENGTH * 2)
    .default(''),
  fields: z
    .record(z.string().max(MAX_FIELD_KEY_LENGTH * 2), z.string().max(MAX_FIELD_VALUE_LENGTH * 2))
    .default({}),
  optIn: z.object({
    status: z.enum(['none', 'opted-in', 'opted-out']),
    at: z.number().nullable(),
    source: OptInSource.nullable(),
    proof: z.string().max(1000).default(''),
  }),
});
export type ContactDraft = z.infer<typeof ContactDraft>;

export const MessageStatus = z.enum(['received', 'pending', 'sent', 'delivered', 'read', 'failed']);
export type MessageStatus = z.infer<typeof MessageStatus>;

export const Message = z.object({
  id: Id,
  contactId: Id,
  direction: z.enum(['inbound', 'outbound']),
  kind: z.enum(['text', 'template']),
  text: z.string().max(MAX_MESSAGE_LENGTH),
  at: Timestamp,
  status: MessageStatus,
  /** The provider's message id (WhatsApp's wamid), used to drop duplicate webhook deliveries. */
  providerId: z.string().max(200).nullable().default(null),
  /** Set on an outbound template sent after the window closed: the one allowed follow-up. */
  followUp: z.boolean().default(false),
  template: z.object({ name: z.string(), language: z.string() }).nullable().default(null),
  error: z.string().max(1000).nullable().default(null),
});
export type Message = z.infer<typeof Message>;

export const WindowState = z.enum(['none', 'open', 'closing', 'closed', 'awaiting-reply']);
export type WindowState = z.infer<typeof WindowState>;

/** Why a closed window can or cannot get its one follow-up. */
export const FollowUpStatus = z.enum(['ready', 'no-opt-in', 'opted-out', 'sent', 'not-needed']);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

export const CareWindow = z.object({
  state: WindowState,
  /** When the free window opened (the customer's last message), null when the customer never wrote. */
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
    .object({ text: z.string(), at: Timestamp, direction: z.enum(['inbound', 'outbound']) })
    .nullable(),
  messageCount: z.number().int().nonnegative(),
});
export type Activity = z.infer<typeof Activity>;

export const ContactRow = z.object({
  contact: Contact,
  activity: Activity,
  window: CareWindow,
});
export type ContactRow = z.infer<typeof ContactRow>;

export const Theme = z.enum(['system', 'light', 'dark']);

export const Settings = z.object({
  /** Minutes before close at which a window counts as "closing". */
  closingLeadMinutes: z
    .number()
    .int()
    .min(1, 'The closing warning must be at least 1 minute.')
    .max(23 * 60, 'The closing warning must be shorter than the 24-hour window.'),
  /** IANA zone such as Europe/Amsterdam; null follows the computer. */
  timeZone: z.string().max(64).nullable(),
  /** BCP 47 locale such as nl-NL; null follows the computer. */
  locale: z.string().max(35).nullable(),
  theme: Theme,
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  closingLeadMinutes: 60,
  timeZone: null,
  locale: null,
  theme: 'system',
};

export const WorkspaceKind = z.enum(['demo', 'real']);
export type WorkspaceKind = z.infer<typeof WorkspaceKind>;

/** A data file that could not be read: moved aside, never overwritten, and reported to the owner. */
export const DataProblem = z.object({
  file: z.string(),
  movedTo: z.string(),
  /** What the app uses instead, in the owner's words. */
  recovery: z.string(),
  message: z.string(),
});
export type DataProblem = z.infer<typeof DataProblem>;

export const WorkspaceInfo = z.object({
  kind: WorkspaceKind,
  dataDir: z.string(),
  /** Whether a WhatsApp account is connected; false means the simulator provider is in use. */
  accountConfigured: z.boolean(),
  problems: z.array(DataProblem),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;
