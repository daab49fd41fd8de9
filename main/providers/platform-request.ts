/**
 * A request to a platform that got no usable answer, told apart by whether sending again is safe:
 * `not-sent` means it certainly never reached the platform (refused, no such host, no route, a
 * certificate refused); `no-answer` means it may have arrived and been acted on (a timeout, a dropped
 * connection, an unreadable answer): the outcome is unknown.
 */
export type RequestFailure = { kind: 'not-sent'; detail: string } | { kind: 'no-answer'; detail: string };

/**
 * Errors a connection attempt fails with before any byte of the request was written. Anything else (a
 * reset, a closed socket, a timeout) may come after the platform read the request.
 */
const BEFORE_SENDING = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * One request and the text of its answer, whatever its status; never throws. No redirect is followed: it
 * could carry a token elsewhere.
 */
export async function fetchAnswer(
  url: URL | string,
  init: Omit<RequestInit, 'redirect'>,
): Promise<{ kind: 'answered'; response: Response; text: string } | RequestFailure> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: 'error' });
  } catch (err) {
    return failedBeforeAnswer(err);
  }
  try {
    return { kind: 'answered', response, text: await response.text() };
  } catch (err) {
    return { kind: 'no-answer', detail: `the answer broke off (${errorText(err)})` };
  }
}

/** What a `fetch` that threw before an answer came means for sending again. */
function failedBeforeAnswer(err: unknown): RequestFailure {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return { kind: 'no-answer', detail: 'no answer in time' };
  }
  const code = causeCode(err);
  if (code !== undefined && BEFORE_SENDING.has(code)) return { kind: 'not-sent', detail: code };
  return { kind: 'no-answer', detail: code ?? errorText(err) };
}

/** undici reports the socket's error as `cause` of a TypeError('fetch failed'). */
function causeCode(err: unknown): string | undefined {
  const cause = err instanceof Error ? err.cause : undefined;
  if (typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string') {
    return cause.code;
  }
  return undefined;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : 'unknown error';
}

/** An answer's JSON; undefined when it is not JSON (a proxy's HTML page, a cut-off body). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
