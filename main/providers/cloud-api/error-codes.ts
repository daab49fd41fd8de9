import type { SendFailureKind } from '../../services/ports';

/**
 * Meta's error codes → what CareWindow does about them. Meta asks apps to act on `code` (and `details`),
 * not on titles, which "will eventually be deprecated":
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes
 * Every code here is from that page unless its line says otherwise.
 */
export const ERROR_KINDS: ReadonlyMap<number, SendFailureKind> = new Map<number, SendFailureKind>([
  // Authorization: 0 AuthException, 190 "Access token has expired" (and any other bad token).
  [0, 'auth'],
  [190, 'auth'],
  // Permissions: 3 capability, 10 permission denied, 200–299 API permission.
  [3, 'permission'],
  [10, 'permission'],
  // Graph API: 100 "Invalid parameter" on an id that does not exist; 803 "Some of the aliases you
  // requested do not exist" (https://developers.facebook.com/docs/graph-api/guides/error-handling).
  [100, 'not-found'],
  [803, 'not-found'],
  // 131047 "Re-engagement message": more than 24 hours since the customer last replied.
  [131047, 'window-closed'],
  // 131008 "Required parameter is missing", 131009 "Parameter value is not valid", the 132000 family
  // (132000 parameter count mismatch, 132005 translated text too long, 132007 format character policy,
  // 132012 parameter format mismatch, 132018 parameters issue).
  [131008, 'invalid-parameter'],
  [131009, 'invalid-parameter'],
  [132000, 'invalid-parameter'],
  [132005, 'invalid-parameter'],
  [132007, 'invalid-parameter'],
  [132012, 'invalid-parameter'],
  [132018, 'invalid-parameter'],
  // 131049 "This message was not delivered to maintain healthy ecosystem engagement": the per-user
  // marketing limit. Retrying soon fails again and counts against the business.
  [131049, 'marketing-limit'],
  // 131050 "Unable to deliver the marketing message… the user stopped marketing messages".
  [131050, 'marketing-stopped'],
  // Throughput: 4 app call limit, 80007 WABA rate limit, 130429 Cloud API throughput, 131056 pair rate
  // limit (too many messages to one customer in a short time). All pass with time.
  [4, 'rate-limited'],
  [80007, 'rate-limited'],
  [130429, 'rate-limited'],
  [131056, 'rate-limited'],
  // 1 and 2 API unknown/service, 131000 "Something went wrong", 131016 service unavailable.
  [1, 'server'],
  [2, 'server'],
  [131000, 'server'],
  [131016, 'server'],
]);

export function kindOfCode(code: number | null, httpStatus: number | null): SendFailureKind {
  if (code !== null) {
    const known = ERROR_KINDS.get(code);
    if (known) return known;
    // 200–299: "Permission is either not granted or has been removed".
    if (code >= 200 && code <= 299) return 'permission';
  }
  if (httpStatus === 429) return 'rate-limited';
  if (httpStatus !== null && httpStatus >= 500) return 'server';
  return 'unknown';
}

/** Whether the same request may succeed later without the owner changing anything. */
export function isRetryable(kind: SendFailureKind): boolean {
  return kind === 'rate-limited' || kind === 'server' || kind === 'network';
}
