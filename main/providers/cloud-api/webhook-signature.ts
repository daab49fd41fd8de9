import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Meta signs every webhook POST with `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the payload, keyed
 * with the app secret>` (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/create-webhook-endpoint,
 * "Validating payloads"). The HMAC is over the raw bytes as received: parsing and re-serialising the JSON
 * changes them (escaped emoji, spacing) and the signature no longer matches.
 */

export const SIGNATURE_HEADER = 'x-hub-signature-256';
const PREFIX = 'sha256=';

export function signPayload(rawBody: Buffer | string, appSecret: string): string {
  return PREFIX + createHmac('sha256', appSecret).update(rawBody).digest('hex');
}

/** Constant-time check of the header against the raw body; false for a missing or malformed header. */
export function isValidSignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  if (header === undefined || appSecret === '' || !header.startsWith(PREFIX)) return false;
  const expected = Buffer.from(signPayload(rawBody, appSecret), 'utf8');
  const given = Buffer.from(header.trim().toLowerCase(), 'utf8');
  // timingSafeEqual throws on different lengths; the length of a hex SHA-256 digest is no secret.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
