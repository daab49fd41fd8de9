import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** Where a message goes, as WhatsApp prices it. */
export interface Recipient {
  /** ISO 3166 alpha-2 from the number (the area code tells +1 numbers apart: US, CA, PR…); null when unknown. */
  region: string | null;
  /** "31" for +31; null when the number cannot be read. */
  callingCode: string | null;
}

/**
 * Numbers already read. The contact list asks for every contact's country each time it is built (is the
 * follow-up ready? which language?), and libphonenumber takes 20–70 µs a number: 10,000 contacts would
 * cost the list hundreds of milliseconds. The answer depends on the number alone, so it is kept; the
 * bound only keeps an unusual workload from growing it without end.
 */
const known = new Map<string, Recipient>();
const KNOWN_MAX = 100_000;

/** The country of a WhatsApp number (E.164), which decides its price and the US marketing pause. */
export function recipientOf(phone: string): Recipient {
  const seen = known.get(phone);
  if (seen) return { ...seen };
  const parsed = parsePhoneNumberFromString(phone);
  const recipient = { region: parsed?.country ?? null, callingCode: parsed?.countryCallingCode ?? null };
  if (known.size >= KNOWN_MAX) known.clear();
  known.set(phone, recipient);
  return { ...recipient };
}
