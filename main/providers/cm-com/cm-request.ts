import { fetchAnswer, parseJson, type RequestFailure } from '../platform-request';
import { DEFAULT_CM_TIMEOUT_MS, MESSAGE_PATH, type CmSettings } from './cm-settings';

/**
 * One POST to the gateway's message endpoint. Never throws: every outcome is a value, an answer or a
 * RequestFailure (whether sending again is safe). The gateway answers JSON with a top-level `errorCode`
 * and one entry per message, also for refusals (HTTP 400):
 * https://developers.cm.com/messaging/docs/responses-errors-json
 */
export type GatewayResponse = { kind: 'answer'; status: number; body: unknown } | RequestFailure;

export async function postToGateway(
  settings: CmSettings,
  body: unknown,
  signal?: AbortSignal,
): Promise<GatewayResponse> {
  const timeout = AbortSignal.timeout(settings.timeoutMs || DEFAULT_CM_TIMEOUT_MS);
  const url = `${settings.baseUrl.replace(/\/+$/, '')}${MESSAGE_PATH}`;
  const answer = await fetchAnswer(url, {
    method: 'POST',
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      'x-cm-producttoken': settings.productToken,
    },
    body: JSON.stringify(body),
    signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
  });
  if (answer.kind !== 'answered') return answer;
  return { kind: 'answer', status: answer.response.status, body: parseJson(answer.text) };
}
