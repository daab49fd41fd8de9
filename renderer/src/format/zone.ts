import type { Settings } from '../../../main/contract/model';
import { isValidTimeZone, systemTimeZone } from '../../../main/domain/zoned-time';

/** The computer's own locale, as the browser engine reports it. */
export function computerLocale(): string {
  return new Intl.DateTimeFormat().resolvedOptions().locale;
}

/** Whether this engine can format in the locale; an unknown one falls back to the computer's. */
export function isValidLocale(locale: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

/** What the screens format with: the owner's choice, or the computer's when unset (or not understood). */
export interface FormatPrefs {
  locale: string;
  timeZone: string;
  /** Set when the owner's zone differs from the computer's, so exact times can name it. */
  namedZone: string | null;
}

export function formatPrefsOf(settings: Pick<Settings, 'locale' | 'timeZone'>): FormatPrefs {
  const computerZone = systemTimeZone();
  const locale =
    settings.locale !== null && isValidLocale(settings.locale) ? settings.locale : computerLocale();
  const timeZone =
    settings.timeZone !== null && isValidTimeZone(settings.timeZone) ? settings.timeZone : computerZone;
  return { locale, timeZone, namedZone: timeZone === computerZone ? null : timeZone };
}
