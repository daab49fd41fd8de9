import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: string };

/**
 * Turns whatever the owner typed ("06 1234 5678", "+31 6-12345678", "0031…") into E.164. A number
 * without a country code is read in the owner's own country (from the locale's region).
 */
export function normalizePhone(input: string, defaultCountry: string | null): PhoneResult {
  const trimmed = input.trim().replace(/^00/, '+');
  if (trimmed === '') return { ok: false, reason: 'Enter the customer’s WhatsApp number.' };
  if (/[a-z]/i.test(trimmed.replace(/^tel:/i, ''))) {
    return { ok: false, reason: 'A phone number holds only digits, spaces, dashes and a leading +.' };
  }
  const country = isCountryCode(defaultCountry) ? defaultCountry : undefined;
  const parsed = parsePhoneNumberFromString(trimmed, country);
  if (!parsed || !parsed.isValid()) {
    return {
      ok: false,
      reason: trimmed.startsWith('+')
        ? 'This is not a valid phone number. Check the digits after the country code.'
        : 'This is not a valid phone number. Add the country code, for example +31 6 1234 5678.',
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

function isCountryCode(value: string | null): value is CountryCode {
  return value !== null && /^[A-Z]{2}$/.test(value);
}
