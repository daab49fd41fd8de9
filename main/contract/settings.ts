import { z } from 'zod';
import { DEFAULT_OPT_OUT_KEYWORDS } from './consent-words';
import { DEFAULT_LABELS, Label, MAX_LABELS } from './labels';

/**
 * Electron's structured clone keeps a key whose value is `undefined`; spread over the settings it would
 * reset that setting. Every setting's base type names that case, so a change can refuse it by name.
 */
const present = {
  error: (issue: { input?: unknown }) =>
    issue.input === undefined
      ? 'No value was given for this setting: leave it out to keep it as it is.'
      : undefined,
};

export const Theme = z.enum(['system', 'light', 'dark'], present);

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
    .number(present)
    .int()
    .min(1, 'The closing warning must be at least 1 minute.')
    .max(23 * 60, 'The closing warning must be shorter than the 24-hour window.'),
  /** IANA zone such as Europe/Amsterdam; null follows the computer. */
  timeZone: z.string(present).max(64).nullable(),
  /** BCP 47 locale such as nl-NL; null follows the computer. */
  locale: z.string(present).max(35).nullable(),
  theme: Theme,
  /** The template a follow-up uses when the contact has none of its own yet. */
  defaultTemplateId: z.string(present).max(100).nullable(),
  /**
   * An inbound message that is one of these words opts the customer out (case, accents, and punctuation
   * or emoji around it ignored: domain/consent-keywords.ts). Room for the 14 default words
   * and as many of the owner's own.
   */
  optOutKeywords: z.array(z.string().trim().min(1).max(30), present).max(40),
  /** Minutes before a window closes at which to remind the owner, e.g. [60, 15]. */
  reminderLeadMinutes: z.array(z.number().int(), present).max(6),
  /** Remind only when the customer's last message has no answer yet. */
  remindOnlyWhenWaiting: z.boolean(present),
  /** Business hours per weekday (0 = Sunday … 6 = Saturday), in the owner's time zone; null = closed that day. Outside them is quiet. */
  businessHours: z.array(BusinessDay.nullable(), present).length(7),
  /** Whether quiet hours apply at all. */
  quietHoursEnabled: z.boolean(present),
  /** The owner's contact labels, in the order they are offered (ids stay when a label is renamed). */
  labels: z.array(Label, present).max(MAX_LABELS, `At most ${MAX_LABELS} labels.`),
  /** A desktop notification for each new customer message while CareWindow is not the active window. */
  notifyNewMessages: z.boolean(present),
  /**
   * Start CareWindow (hidden, in the tray or dock) when the computer starts, so messages and reminders
   * arrive. Applies to the owner's own workspace only; the demo never changes it.
   */
  openAtLogin: z.boolean(present),
  /** Enter sends and Shift+Enter adds a line (as WhatsApp Desktop); false: Ctrl/⌘+Enter sends, Enter adds a line. */
  enterSends: z.boolean(present),
  /**
   * The country (ISO 3166 alpha-2, e.g. NL) of numbers typed without +country ("06 12345678"), wherever
   * a number is typed or imported. Set once from the computer's region; null until then.
   */
  defaultCountry: z
    .string(present)
    .regex(/^[A-Z]{2}$/, 'Choose the country of numbers typed without a country code.')
    .nullable(),
});

/**
 * A change to the settings. Built from the fields without defaults on purpose: zod's `.partial()` keeps
 * `.default()`s, which would quietly reset every setting the change does not mention. Each field is
 * exactly optional: left out means "leave it", present means a value (never `undefined`).
 */
export const SettingsPatch = exactPartial(SettingsFields);
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** The settings file: settings added after version 1 of the file get their defaults when missing. */
export const Settings = SettingsFields.extend({
  defaultTemplateId: SettingsFields.shape.defaultTemplateId.default(null),
  optOutKeywords: SettingsFields.shape.optOutKeywords.default([...DEFAULT_OPT_OUT_KEYWORDS]),
  reminderLeadMinutes: SettingsFields.shape.reminderLeadMinutes.default([60, 15]),
  remindOnlyWhenWaiting: SettingsFields.shape.remindOnlyWhenWaiting.default(true),
  businessHours: SettingsFields.shape.businessHours.default(DEFAULT_BUSINESS_HOURS),
  // On (issue 14): without it reminders were planned for 01:02 and 02:02 at night.
  quietHoursEnabled: SettingsFields.shape.quietHoursEnabled.default(true),
  labels: SettingsFields.shape.labels.default(DEFAULT_LABELS.map((label) => ({ ...label }))),
  notifyNewMessages: SettingsFields.shape.notifyNewMessages.default(true),
  openAtLogin: SettingsFields.shape.openAtLogin.default(true),
  enterSends: SettingsFields.shape.enterSends.default(true),
  defaultCountry: SettingsFields.shape.defaultCountry.default(null),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({
  closingLeadMinutes: 60,
  timeZone: null,
  locale: null,
  theme: 'system',
});

type ExactPartial<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodExactOptional<S[K]> };

function exactPartial<S extends z.ZodRawShape>(object: z.ZodObject<S>): z.ZodObject<ExactPartial<S>> {
  const shape = Object.fromEntries(
    Object.entries(object.shape).map(([key, field]) => [key, z.exactOptional(field)]),
  );
  return z.object(shape) as z.ZodObject<ExactPartial<S>>;
}
