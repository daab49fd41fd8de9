import type { Settings } from '../contract/model';

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; errors: Record<string, string> };

/** Checks what the zod schema cannot: that the time zone and locale are ones this computer knows. */
export function validateSettings(settings: Settings): SettingsResult {
  const errors: Record<string, string> = {};
  if (settings.timeZone !== null && !isTimeZone(settings.timeZone)) {
    errors.timeZone = `“${settings.timeZone}” is not a time zone this computer knows. Pick one from the list.`;
  }
  if (settings.locale !== null && !isLocale(settings.locale)) {
    errors.locale = `“${settings.locale}” is not a language and region this computer knows. Pick one from the list.`;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, settings };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isLocale(locale: string): boolean {
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}
