import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** Where a message goes, as WhatsApp prices it. */
export interface Recipient {
  /** ISO 3166 alpha-2 from the number (the area code tells +1 numbers apart: US, CA, PR…); null when unknown. */
  region: string | null;
  /** "31" for +31; null when the number cannot be read. */
  callingCode: string | null;
}

/** The country of a WhatsApp number (E.164), which decides its price and the US marketing pause. */
export function recipientOf(phone: string): Recipient {
  const parsed = parsePhoneNumberFromString(phone);
  return { region: parsed?.country ?? null, callingCode: parsed?.countryCallingCode ?? null };
}
