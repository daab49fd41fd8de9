import {
  getCountries,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/max';

/** What people write before an extension: "#12", "ext. 12", "extension 12", "x12", ";ext=12". */
const EXTENSION = /(?:#|;\s*ext\s*=|\b(?:ext(?:ension)?\.?|x)\s*)\s*\d+\s*$/i;

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: string };

/**
 * Turns whatever the owner typed ("06 1234 5678", "+31 6-12345678", "0031…") into E.164. A number
 * without a country code is read in the owner's own country (from the locale's region).
 */
export function normalizePhone(input: string, defaultCountry: string | null): PhoneResult {
  const trimmed = input.trim().replace(/^00/, '+');
  if (trimmed === '') return { ok: false, reason: 'Enter the customer’s WhatsApp number.' };
  const number = trimmed.replace(/^tel:/i, '');
  // libphonenumber reads "#1", "ext. 1" or "x1" as an extension and drops it without a word; WhatsApp
  // has no extensions, so the owner is told rather than left with a number that is not what was typed.
  const extension = EXTENSION.exec(number);
  if (extension) {
    return {
      ok: false,
      reason: `WhatsApp numbers have no extension: remove “${extension[0].trim()}” and enter the mobile number alone.`,
    };
  }
  if (/[a-z]/i.test(number)) {
    return { ok: false, reason: 'A phone number holds only digits, spaces, dashes and a leading +.' };
  }
  const stray = /[^\d\s+\-./()]/u.exec(number);
  if (stray) {
    return {
      ok: false,
      reason: `“${stray[0]}” cannot be part of a phone number: use only digits, spaces, dashes and a leading +.`,
    };
  }
  const country = isCountryCode(defaultCountry) ? defaultCountry : undefined;
  const parsed = parsePhoneNumberFromString(trimmed, country);
  if (!parsed || !parsed.isValid()) {
    return {
      ok: false,
      reason: trimmed.startsWith('+')
        ? 'This is not a valid phone number. Check the digits after the country code.'
        : country
          ? `This is not a valid phone number in ${countryName(country)} (your default country in Settings). Add the country code, for example +31 6 1234 5678.`
          : 'This is not a valid phone number. Add the country code, for example +31 6 1234 5678, or choose your default country in Settings.',
    };
  }
  return { ok: true, e164: parsed.number };
}

/** "+31612345678" → "+31 6 12345678", for display. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** "nl-NL" → "NL"; null when the locale names no region. */
export function regionOfLocale(locale: string): string | null {
  const region = /^[a-z]{2,3}[-_]([A-Z]{2})\b/i.exec(locale)?.[1];
  return region ? region.toUpperCase() : null;
}

/** Whether libphonenumber knows the numbers of this ISO 3166 alpha-2 country ("NL": yes, "XX": no). */
export function isPhoneCountry(value: string): boolean {
  return /^[A-Z]{2}$/.test(value) && isSupportedCountry(value);
}

/** Every country whose numbers can be read, as ISO 3166 alpha-2 codes (for the Settings list). */
export function phoneCountries(): readonly string[] {
  return getCountries();
}

/**
 * The country of numbers typed without +country: the owner's setting; before it is set (an older
 * workspace, no region from the computer), the region of the language setting.
 */
export function numberCountry(
  settings: { defaultCountry: string | null; locale: string | null },
  systemLocale: string,
): string | null {
  return settings.defaultCountry ?? regionOfLocale(settings.locale ?? systemLocale);
}

/** "Netherlands" for "NL" in English; the code itself where the name is not known. */
export function countryName(code: string, locale = 'en'): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function isCountryCode(value: string | null): value is CountryCode {
  return value !== null && /^[A-Z]{2}$/.test(value) && isSupportedCountry(value);
}
