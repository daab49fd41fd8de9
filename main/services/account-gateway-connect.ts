import type { AccountStatus, ConnectionTest } from '../contract/account';
import type { CmCredentials } from '../contract/account-cm';
import { AppError } from '../contract/errors';
import type { GatewaySettings } from '../store/account-file';
import {
  gatewayRefusal,
  newGatewaySettings,
  targetOfCredentials,
  targetOfSettings,
  testGateway,
} from './account-gateway';
import type { GatewayApi } from './account-ports';
import { WEBHOOK_HOST, type AccountDeps, type AccountState } from './account-state';

/**
 * Connecting the number through a messaging gateway (the second provider, e.g. CM.com), as
 * account-cloud.ts does for the Cloud API. The gateway signs nothing, so the webhook verify token becomes
 * the secret path its webhooks must be posted to (kept across reconnects, so the addresses pasted into
 * the gateway's portal stay valid). The steps that need no state are in account-gateway.ts.
 */

/** Asks the gateway whether it accepts the token; saves nothing. */
export function testGatewayConnection(
  deps: AccountDeps,
  credentials: CmCredentials,
): Promise<ConnectionTest> {
  const api = gatewayApi(deps);
  return testGateway(api, targetOfCredentials(api, deps.gatewayBaseUrl, credentials), deps.log);
}

/** Runs in the account's queue. */
export async function connectGateway(
  state: AccountState,
  credentials: CmCredentials,
): Promise<AccountStatus> {
  const { deps, file } = state;
  state.requireStorage();
  const api = gatewayApi(deps);
  const target = targetOfCredentials(api, deps.gatewayBaseUrl, credentials);
  const check = await testGateway(api, target, deps.log);
  if (!check.ok) throw gatewayRefusal(check);
  const pathToken = state.keptOrNewToken();
  await state.stopLink(false);
  // No app secret: one left from a Cloud API connection is deleted.
  await state.replaceSecrets({ accessToken: target.token, webhookVerifyToken: pathToken }, 'provider');
  const port = file.get()?.webhookPort ?? file.gateway()?.webhookPort ?? state.defaultPort();
  const settings = newGatewaySettings(api, target, { host: WEBHOOK_HOST, port }, deps.clock.now());
  const provider = api.provider(() => target);
  return state.connected({ provider, settings, appSecret: '', byPath: true }, pathToken, {
    provider: api.kind,
  });
}

/** At start-up: reads the stored token and starts the link, or says why the owner must connect again. */
export async function resumeGateway(state: AccountState, settings: GatewaySettings): Promise<void> {
  const { secrets, log, gateway } = state.deps;
  let token: string | null = null;
  try {
    token = await secrets.get('real', 'accessToken');
    state.verifyToken = await secrets.get('real', 'webhookVerifyToken');
  } catch (error) {
    log.error('Could not read the stored provider credentials', { error: String(error) });
  }
  if (token === null || state.verifyToken === null || !gateway) {
    state.problems.push(
      'CareWindow could not read the stored credentials of your WhatsApp number. Connect it again.',
    );
    return;
  }
  const target = targetOfSettings(gateway, settings, token);
  await state.startLink({ provider: gateway.provider(() => target), settings, appSecret: '', byPath: true });
}

function gatewayApi(deps: AccountDeps): GatewayApi {
  if (deps.gateway) return deps.gateway;
  throw new AppError({
    code: 'invalid-input',
    message: 'This version of CareWindow cannot connect through that provider.',
  });
}
