import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** "+31612345678" → "+31 6 12345678", for display only; the main process owns validation. */
export function formatPhone(e164: string): string {
  try {
    return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
  } catch {
    return e164;
  }
}

/** Just the digits, for searching: "+31 6 1234 5678" → "31612345678". */
export function phoneDigits(text: string): string {
  return text.replace(/\D/g, '');
}
