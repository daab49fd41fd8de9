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

/** One change of consent, kept forever: who changed it, when, and why. */
export const OptInEvent = z.object({
  at: Timestamp,
  status: z.enum(['none', 'opted-in', 'opted-out']),
  source: OptInSource.nullable(),
  by: z.enum(['owner', 'customer']),
  note: z.string().max(500).default(''),
});
export type OptInEvent = z.infer<typeof OptInEvent>;

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
  optInHistory: z.array(OptInEvent).default([]),
  /** The customer wrote START after opting out: waits for the owner to confirm before templates resume. */
  optInRequestedAt: Timestamp.nullable().default(null),
  /** No reminders for this contact. */
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
  /** Set on an inbound message that changed the customer's consent (STOP, START). */
  consent: z.enum(['opted-out', 'opt-in-requested']).nullable().default(null),
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
  /** The next warning the owner will get for this window, if any (muted, already past, or none planned: null). */
  nextReminder: z
    .object({ dueAt: Timestamp, leadMinutes: z.number().int(), shifted: z.boolean() })
    .nullable()
    .default(null),
});
export type ContactRow = z.infer<typeof ContactRow>;

export const Theme = z.enum(['system', 'light', 'dark']);

/** "HH:MM", 24-hour clock. */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:00 or 17:30.');
export const BusinessDay = z.object({ start: ClockTime, end: ClockTime });
export type BusinessDay = z.infer<typeof BusinessDay>;
const WEEKDAY_HOURS = { start: '09:00', end: '18:00' };
export const DEFAULT_BUSINESS_HOURS: (BusinessDay | null)[] = [
  null,
  WEEKDAY_HOURS,
  WEEKDAY_HOURS,
  WEEKDAY_HOURS,
  WEEKDAY_HOURS,
  WEEKDAY_HOURS,
  { start: '10:00', end: '17:00' },
];

/** Every setting without its default: the shape of a change, where a missing field means "leave it". */
const SettingsFields = z.object({
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
  /** The template a follow-up uses when the contact has none of its own yet. */
  defaultTemplateId: z.string().max(100).nullable(),
  /** An inbound message that is exactly one of these (trimmed, any case) opts the customer out. */
  optOutKeywords: z.array(z.string().trim().min(1).max(30)).max(20),
  /** Minutes before a window closes at which to remind the owner, e.g. [60, 15]. */
  reminderLeadMinutes: z.array(z.number().int()).max(6),
  /** Remind only when the customer's last message has no answer yet. */
  remindOnlyWhenWaiting: z.boolean(),
  /** Business hours per weekday (0 = Sunday … 6 = Saturday), in the owner's time zone; null = closed that day. Outside them is quiet. */
  businessHours: z.array(BusinessDay.nullable()).length(7),
  /** Whether quiet hours apply at all. */
  quietHoursEnabled: z.boolean(),
});

/**
 * A change to the settings. Built from the fields without defaults on purpose: zod's `.partial()` keeps
 * `.default()`s, which would quietly reset every setting the change does not mention.
 */
export const SettingsPatch = SettingsFields.partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** The settings file: settings added after version 1 of the file get their defaults when missing. */
export const Settings = SettingsFields.extend({
  defaultTemplateId: SettingsFields.shape.defaultTemplateId.default(null),
  optOutKeywords: SettingsFields.shape.optOutKeywords.default(['STOP', 'STOPP', 'UNSUBSCRIBE', 'AFMELDEN']),
  reminderLeadMinutes: SettingsFields.shape.reminderLeadMinutes.default([60, 15]),
  remindOnlyWhenWaiting: SettingsFields.shape.remindOnlyWhenWaiting.default(true),
  businessHours: SettingsFields.shape.businessHours.default(DEFAULT_BUSINESS_HOURS),
  quietHoursEnabled: SettingsFields.shape.quietHoursEnabled.default(false),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({
  closingLeadMinutes: 60,
  timeZone: null,
  locale: null,
  theme: 'system',
});

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

// ── Templates and follow-ups ────────────────────────────────────────────────────────────────────────

/** The platform's limit for a template body. */
export const MAX_TEMPLATE_BODY = 1024;

export const TemplateCategory = z.enum(['utility', 'marketing', 'authentication']);
export type TemplateCategory = z.infer<typeof TemplateCategory>;
export const TemplateStatus = z.enum(['approved', 'pending', 'rejected', 'paused', 'disabled']);
export type TemplateStatus = z.infer<typeof TemplateStatus>;

/** Where a placeholder's value comes from: a contact field (name, first_name, phone or a custom field) or a fixed text. */
export const PlaceholderSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), field: z.string().min(1).max(60) }),
  z.object({ kind: z.literal('fixed'), value: z.string().max(500) }),
]);
export type PlaceholderSource = z.infer<typeof PlaceholderSource>;

export const Template = z.object({
  id: Id,
  /** The platform's template name, e.g. ticket_update. */
  name: z.string().regex(/^[a-z0-9_]{1,512}$/),
  /** e.g. en_US, nl. */
  language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/),
  category: TemplateCategory,
  status: TemplateStatus,
  body: z.string().min(1).max(MAX_TEMPLATE_BODY),
  header: z.string().max(60).nullable().default(null),
  footer: z.string().max(60).nullable().default(null),
  buttons: z.array(z.string().max(25)).max(10).default([]),
  /** Placeholder key as written in the body ("ticket_ID", "1", "ticket_id") → its source. */
  mapping: z.record(z.string(), PlaceholderSource).default({}),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Template = z.infer<typeof Template>;

/** What the owner types in the template form; the main process validates it (positions, fields, limits). */
export const TemplateDraft = z.object({
  name: z.string().max(600),
  language: z.string().max(20),
  category: TemplateCategory,
  status: TemplateStatus,
  body: z.string().max(MAX_TEMPLATE_BODY * 4),
  header: z.string().max(200).nullable().default(null),
  footer: z.string().max(200).nullable().default(null),
  buttons: z.array(z.string().max(100)).max(20).default([]),
  mapping: z.record(z.string().max(100), PlaceholderSource).default({}),
});
export type TemplateDraft = z.infer<typeof TemplateDraft>;

/** Why a follow-up cannot be sent now. Each has an action that fixes it in the UI. */
export const FollowUpRefusal = z.enum([
  'window-open',
  'no-opt-in',
  'opted-out',
  'already-sent',
  'no-template',
  'template-not-approved',
  'missing-field',
]);
export type FollowUpRefusal = z.infer<typeof FollowUpRefusal>;

/** What the owner can do about a refusal (a button next to the message). */
export const FollowUpFixAction = z.enum([
  /** The window is open: type a normal message (free). */
  'write-message',
  /** The customer wrote START: contacts.confirmOptIn. */
  'confirm-opt-in',
  /** Open the contact editor: record an opt-in, or fill in the missing field. */
  'edit-contact',
  /** Nothing to do but wait: the customer's reply opens a new window. */
  'wait-for-reply',
  /** Pick another (approved) template, or set a default one. */
  'choose-template',
  /** Open the template editor: a placeholder is not mapped. */
  'edit-template',
]);
export type FollowUpFixAction = z.infer<typeof FollowUpFixAction>;

export const FollowUpPreview = z.object({
  contactId: Id,
  templateId: Id.nullable(),
  /** The body with every placeholder filled; null while any is missing. */
  text: z.string().nullable(),
  /** Placeholders that would be empty, with the field each is mapped to (null: not mapped). */
  missing: z.array(z.object({ placeholder: z.string(), field: z.string().nullable() })),
  allowed: z.boolean(),
  refusal: z
    .object({
      code: FollowUpRefusal,
      message: z.string(),
      /** The action that fixes it, with a button label. Optional: older callers may leave it out. */
      fix: z.object({ action: FollowUpFixAction, label: z.string() }).optional(),
    })
    .nullable(),
  cost: z.object({ charged: z.boolean(), explanation: z.string() }),
  /** E.g. a marketing template used where a utility one would do. */
  warning: z.string().nullable(),
});
export type FollowUpPreview = z.infer<typeof FollowUpPreview>;

export const FollowUpOverview = z.object({
  eligible: z.array(z.object({ row: ContactRow, preview: FollowUpPreview })),
  blocked: z.array(z.object({ row: ContactRow, preview: FollowUpPreview })),
});
export type FollowUpOverview = z.infer<typeof FollowUpOverview>;

export const FollowUpResult = z.object({
  contactId: Id,
  name: z.string(),
  ok: z.boolean(),
  message: z.string(),
});
export type FollowUpResult = z.infer<typeof FollowUpResult>;

// ── Reminders and notifications ─────────────────────────────────────────────────────────────────────

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
  kind: z.enum(['reminder', 'group', 'digest']),
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
