import { z } from 'zod';
import type { ConnectionProblem } from '../../contract/account';
import { postToGateway } from './cm-request';
import type { CmSettings } from './cm-settings';

/**
 * "Test connection" for CM.com. The Business Messaging API has no read-only call to ask who a product token
 * belongs to, so the cheapest authenticated call is a send with no messages in it: the gateway checks the
 * token for the whole request first (errorCode 101 "Authentication of the request failed", 103 "The
 * product token is incorrect": https://developers.cm.com/messaging/docs/responses-errors-json) and then
 * refuses the empty message list (202/203). Nothing is sent and nothing is billed. Any answer other than an
 * authentication refusal means the token was accepted. It cannot tell whether WhatsApp is enabled for
 * the sender number: the first send says that.
 */

export type CmConnectionCheck =
  | { ok: true; displayPhoneNumber: string; verifiedName: string }
  | { ok: false; problem: ConnectionProblem; reason: string };

const Answer = z.object({ errorCode: z.number().int().optional().catch(undefined) });

const AUTH_REFUSED = new Set([101, 103]);

export async function testConnection(settings: CmSettings, signal?: AbortSignal): Promise<CmConnectionCheck> {
  const response = await postToGateway(settings, { messages: { msg: [] } }, signal);
  if (response.kind !== 'answer') {
    return {
      ok: false,
      problem: 'network',
      reason: 'CareWindow could not reach CM.com. Check the internet connection and try again.',
    };
  }
  const code = Answer.safeParse(response.body).data?.errorCode ?? null;
  if ((code !== null && AUTH_REFUSED.has(code)) || response.status === 401 || response.status === 403) {
    return {
      ok: false,
      problem: 'invalid-token',
      reason:
        'CM.com does not accept this product token. Copy it again from CM.com’s Channels app (Gateway section); it includes the hyphens.',
    };
  }
  if (response.status >= 500) {
    return { ok: false, problem: 'server', reason: 'CM.com had a temporary problem. Try again in a minute.' };
  }
  return { ok: true, displayPhoneNumber: settings.sender, verifiedName: '' };
}
