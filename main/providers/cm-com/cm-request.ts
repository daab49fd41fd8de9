import { DEFAULT_CM_TIMEOUT_MS, MESSAGE_PATH, type CmSettings } from './cm-settings';

/**
 * One POST to the gateway's message endpoint. Never throws: every outcome is a value. `not-sent` means the
 * request certainly never reached CM.com (refused, no such host): sending again is safe. `no-answer` means
 * it may have arrived and been acted on (a timeout, a dropped connection, an unreadable answer).
 * The gateway answers JSON with a top-level `errorCode` and one entry per message, also for refusals
 * (HTTP 400): https://developers.cm.com/messaging/docs/responses-errors-json
 */
export type GatewayResponse =
  | { kind: 'answer'; status: number; body: unknown }
  | { kind: 'not-sent'; detail: string }
  | { kind: 'no-answer'; detail: string };

/** Socket errors that come before any byte of the request was written. */
const BEFORE_SENDING = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export async function postToGateway(
  settings: CmSettings,
  body: unknown,
  signal?: AbortSignal,
): Promise<GatewayResponse> {
  const timeout = AbortSignal.timeout(settings.timeoutMs || DEFAULT_CM_TIMEOUT_MS);
  const url = `${settings.baseUrl.replace(/\/+$/, '')}${MESSAGE_PATH}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        'x-cm-producttoken': settings.productToken,
      },
      body: JSON.stringify(body),
      signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
      redirect: 'error',
    });
  } catch (err) {
    if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
      return { kind: 'no-answer', detail: 'no answer in time' };
    }
    const code = causeCode(err);
    if (code !== undefined && BEFORE_SENDING.has(code)) return { kind: 'not-sent', detail: code };
    return { kind: 'no-answer', detail: code ?? (err instanceof Error ? err.message : 'unknown error') };
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    return { kind: 'no-answer', detail: 'the answer broke off' };
  }
  return { kind: 'answer', status: response.status, body: parseJson(text) };
}

/** undici reports the socket's error as `cause` of a TypeError('fetch failed'). */
function causeCode(err: unknown): string | undefined {
  const cause = err instanceof Error ? err.cause : undefined;
  if (typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string') {
    return cause.code;
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
