import { z } from 'zod';
import { graphRequest, type GraphError, type GraphResponse } from './graph-request';
import type { GraphSettings } from './graph-settings';

/**
 * "Test connection": asks the Graph API about the phone number and the WhatsApp Business Account with the
 * given token, and says exactly what is wrong. Fields from
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/phone-numbers
 * (display_phone_number, verified_name, quality_rating) and the WABA node's `name`.
 */

export type ConnectionProblem =
  | 'expired-token'
  | 'invalid-token'
  | 'missing-permission'
  | 'wrong-phone-number-id'
  | 'wrong-waba-id'
  | 'network'
  | 'server'
  | 'unknown';

export type ConnectionCheck =
  | {
      ok: true;
      displayPhoneNumber: string;
      verifiedName: string;
      /** GREEN, YELLOW, RED or UNKNOWN as the platform reports it; null when it gave none. */
      qualityRating: string | null;
      accountName: string;
    }
  | { ok: false; problem: ConnectionProblem; reason: string; code: number | null };

const PhoneNumber = z.object({
  display_phone_number: z.string(),
  verified_name: z.string().catch(''),
  quality_rating: z.string().optional().catch(undefined),
});
const Account = z.object({ name: z.string().catch('') });

const REASONS: Record<ConnectionProblem, string> = {
  'expired-token':
    'The access token has expired. Create a new one (a system user token does not expire) and paste it.',
  'invalid-token': 'WhatsApp does not accept this access token. Copy it again in full and paste it.',
  'missing-permission':
    'The access token is missing a permission. Give it whatsapp_business_messaging and whatsapp_business_management, then paste it again.',
  'wrong-phone-number-id':
    'WhatsApp does not know this phone number ID for this token. Copy the phone number ID (not the phone number) from WhatsApp Manager → API Setup.',
  'wrong-waba-id':
    'WhatsApp does not know this WhatsApp Business Account ID for this token. Copy the account ID from WhatsApp Manager → API Setup.',
  network: 'CareWindow could not reach WhatsApp. Check the internet connection and try again.',
  server: 'WhatsApp had a temporary problem. Try again in a few minutes.',
  unknown:
    'WhatsApp refused the connection for a reason CareWindow does not recognise. Check all four fields.',
};

export async function testConnection(
  settings: GraphSettings,
  signal?: AbortSignal,
): Promise<ConnectionCheck> {
  const withSignal = signal ? { signal } : {};
  const phone = await graphRequest(settings, {
    method: 'GET',
    path: `/${settings.phoneNumberId}`,
    query: { fields: 'display_phone_number,verified_name,quality_rating' },
    ...withSignal,
  });
  if (phone.kind !== 'ok') return problemOf(phone, 'wrong-phone-number-id');
  const phoneData = PhoneNumber.safeParse(phone.body);
  if (!phoneData.success) return problem('wrong-phone-number-id', null);

  const account = await graphRequest(settings, {
    method: 'GET',
    path: `/${settings.wabaId}`,
    query: { fields: 'name' },
    ...withSignal,
  });
  if (account.kind !== 'ok') return problemOf(account, 'wrong-waba-id');
  const accountData = Account.safeParse(account.body);
  if (!accountData.success) return problem('wrong-waba-id', null);

  return {
    ok: true,
    displayPhoneNumber: phoneData.data.display_phone_number,
    verifiedName: phoneData.data.verified_name,
    qualityRating: phoneData.data.quality_rating ?? null,
    accountName: accountData.data.name,
  };
}

function problemOf(
  response: Exclude<GraphResponse, { kind: 'ok' }>,
  wrongId: 'wrong-phone-number-id' | 'wrong-waba-id',
): ConnectionCheck {
  if (response.kind !== 'error') return problem('network', null);
  return problem(problemOfError(response.error, wrongId), response.error.code);
}

/**
 * Codes per https://developers.facebook.com/docs/graph-api/guides/error-handling: 190 a bad token
 * (subcode 463 expired), 10 and 200–299 permissions, 100 (unknown object) and 803 (unknown alias) an id.
 */
function problemOfError(error: GraphError, wrongId: ConnectionProblem): ConnectionProblem {
  const { code } = error;
  if (code === 190) return error.subcode === 463 ? 'expired-token' : 'invalid-token';
  if (code === 10 || code === 3 || (code !== null && code >= 200 && code <= 299)) return 'missing-permission';
  if (code === 100 || code === 803) return wrongId;
  if (error.status >= 500) return 'server';
  return 'unknown';
}

function problem(kind: ConnectionProblem, code: number | null): ConnectionCheck {
  return { ok: false, problem: kind, reason: REASONS[kind], code };
}
