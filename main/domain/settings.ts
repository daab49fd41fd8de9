import type { BusinessDay, Settings } from '../contract/model';
import { optOutKeywordsProblem } from './consent-keywords';
import { isPhoneCountry } from './phone';
import { labelListProblem } from './labels';
import { MAX_LEAD_MINUTES } from './reminders/plan';
import { hasBusinessTime } from './reminders/quiet-hours';
import { isValidTimeZone } from './zoned-time';

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; errors: Record<string, string> };

/**
 * Checks what the zod schema cannot: that the time zone and locale are ones this computer knows, that
 * reminder lead times make sense, and that business hours leave the owner a moment to be reminded in.
 * Messages are keyed by field (`reminderLeadMinutes`, `businessHours`, `businessHours.<weekday>`).
 * Lead times come back largest first.
 */
export function validateSettings(settings: Settings): SettingsResult {
  const errors: Record<string, string> = {};
  const leadError = leadTimesError(settings.reminderLeadMinutes);
  if (leadError) errors.reminderLeadMinutes = leadError;
  Object.assign(errors, businessHoursErrors(settings.businessHours, settings.quietHoursEnabled));
  if (settings.timeZone !== null && !isValidTimeZone(settings.timeZone)) {
    errors.timeZone = `“${settings.timeZone}” is not a time zone this computer knows. Pick one from the list.`;
  }
  if (settings.locale !== null && !isLocale(settings.locale)) {
    errors.locale = `“${settings.locale}” is not a language and region this computer knows. Pick one from the list.`;
  }
  if (settings.defaultCountry !== null && !isPhoneCountry(settings.defaultCountry)) {
    errors.defaultCountry = `“${settings.defaultCountry}” is not a country with phone numbers CareWindow knows. Pick one from the list.`;
  }
  const keywordsError = optOutKeywordsProblem(settings.optOutKeywords);
  if (keywordsError) errors.optOutKeywords = keywordsError;
  const labelsError = labelListProblem(settings.labels);
  if (labelsError) errors.labels = labelsError;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: { ...settings, reminderLeadMinutes: [...settings.reminderLeadMinutes].sort((a, b) => b - a) },
  };
}

/**
 * The saved settings with a change applied, keeping one model of the warnings before a window closes:
 * the closing warning (`closingLeadMinutes`, when a window turns "Closing" and counts in "N closing
 * soon") is the first, largest reminder lead. A change to the leads moves the closing warning with them;
 * a change to the closing warning alone replaces the first lead. With no leads (no reminders) the closing
 * warning stands alone.
 */
export function mergeSettings(saved: Settings, patch: Partial<Settings>): Settings {
  const merged = { ...saved, ...patch };
  const leads = [...new Set(merged.reminderLeadMinutes)].sort((a, b) => b - a);
  if (patch.reminderLeadMinutes !== undefined) {
    const [first] = leads;
    return first === undefined || !Number.isInteger(first) || first <= 0
      ? merged
      : { ...merged, closingLeadMinutes: Math.min(first, 23 * 60) };
  }
  if (patch.closingLeadMinutes !== undefined && leads.length > 0) {
    const rest = leads.slice(1).filter((lead) => lead < merged.closingLeadMinutes);
    return { ...merged, reminderLeadMinutes: [merged.closingLeadMinutes, ...rest] };
  }
  return merged;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function leadTimesError(leads: readonly number[]): string | null {
  for (const lead of leads) {
    if (!Number.isInteger(lead)) return `Reminder times are whole minutes; “${lead}” is not.`;
    if (lead <= 0) {
      return `A reminder ${lead === 0 ? 'at 0 minutes' : `${lead} minutes`} before the window closes would come too late. Use at least 1 minute.`;
    }
    if (lead > MAX_LEAD_MINUTES) {
      return `A reminder ${lead} minutes (${formatHours(lead)}) before closing would come before the 24-hour window even opens. Use at most ${MAX_LEAD_MINUTES} minutes (24 hours).`;
    }
  }
  const seen = new Set<number>();
  for (const lead of leads) {
    if (seen.has(lead)) return `The reminder ${lead} minutes before closing is listed twice. Remove one.`;
    seen.add(lead);
  }
  return null;
}

function formatHours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

function businessHoursErrors(
  hours: readonly (BusinessDay | null)[],
  quietHoursEnabled: boolean,
): Record<string, string> {
  const errors: Record<string, string> = {};
  hours.forEach((day, weekday) => {
    if (day && day.start === day.end) {
      errors[`businessHours.${weekday}`] =
        `${WEEKDAYS[weekday] ?? 'This day'} opens and closes at the same time (${day.start}). Set a closing time, or mark the day as closed.`;
    }
  });
  const [firstDay] = Object.values(errors);
  if (firstDay) errors.businessHours = firstDay;
  else if (quietHoursEnabled && !hasBusinessTime(hours)) {
    errors.businessHours =
      'With every day closed, quiet hours would cover the whole week and no reminder could ever be shown. Open at least one day, or turn quiet hours off.';
  }
  return errors;
}

function isLocale(locale: string): boolean {
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}
