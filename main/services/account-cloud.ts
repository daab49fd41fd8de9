import type { AccountCredentials, AccountStatus, ConnectionTest } from '../contract/account';
import type { AccountSettings } from '../store/account-file';
import type { GraphTarget } from './account-ports';
import { refusal } from './account-refusal';
import { WEBHOOK_HOST, type AccountDeps, type AccountState, type LinkPlan } from './account-state';

/**
 * Connecting the number straight to the WhatsApp Cloud API (Meta's Graph API): the test, the connect, and
 * the resume at start-up. Its webhooks are signed with the app secret.
 */

/** Asks the Graph API about the number and the account; saves nothing and never throws. */
export async function testCloudApi(
  deps: AccountDeps,
  credentials: AccountCredentials,
): Promise<ConnectionTest> {
  let check;
  try {
    check = await deps.cloudApi.test(targetOfCredentials(deps, credentials));
  } catch (error) {
    deps.log.warn('Connection test failed', {
      error: error instanceof Error ? error.name : 'unknown',
    });
    return {
      ok: false,
      problem: 'network',
      reason: 'CareWindow could not reach WhatsApp. Check the internet connection and try again.',
    };
  }
  return check.ok
    ? { ok: true, displayPhoneNumber: check.displayPhoneNumber, verifiedName: check.verifiedName }
    : { ok: false, problem: check.problem, reason: check.reason };
}

/**
 * Tests first; only a connection WhatsApp accepts is saved. Then the secrets are stored (refused where
 * they cannot be encrypted), the settings written, the receiver started, and the real workspace
 * switched to the account. The verify token of an earlier connection is kept, so the Meta app's webhook
 * settings stay valid when the owner only replaces an expired token. Runs in the account's queue.
 */
export async function connectCloudApi(
  state: AccountState,
  credentials: AccountCredentials,
): Promise<AccountStatus> {
  const { deps } = state;
  state.requireStorage();
  const check = await testCloudApi(deps, credentials);
  if (!check.ok) throw refusal(check);

  const verifyToken = state.keptOrNewToken();
  // The session is reopened once, after the new link is up (or by replaceSecrets if storing failed).
  await state.stopLink(false);
  await state.replaceSecrets({ ...credentials, webhookVerifyToken: verifyToken }, 'WhatsApp');
  const settings: AccountSettings = {
    phoneNumberId: credentials.phoneNumberId,
    wabaId: credentials.wabaId,
    graphBaseUrl: deps.graphBaseUrl ?? deps.cloudApi.defaults.baseUrl,
    graphVersion: deps.cloudApi.defaults.version,
    webhookHost: WEBHOOK_HOST,
    webhookPort: state.file.get()?.webhookPort ?? state.defaultPort(),
    displayPhoneNumber: check.displayPhoneNumber,
    verifiedName: check.verifiedName,
    connectedAt: deps.clock.now(),
  };
  return state.connected(plan(deps, settings, credentials.accessToken, credentials.appSecret), verifyToken);
}

/** At start-up: reads the stored secrets and starts the link, or says why the owner must connect again. */
export async function resumeCloudApi(state: AccountState, settings: AccountSettings): Promise<void> {
  const { secrets, log } = state.deps;
  let accessToken: string | null = null;
  let appSecret: string | null = null;
  try {
    accessToken = await secrets.get('real', 'accessToken');
    appSecret = await secrets.get('real', 'appSecret');
    state.verifyToken = await secrets.get('real', 'webhookVerifyToken');
  } catch (error) {
    log.error('Could not read the stored WhatsApp credentials', { error: String(error) });
  }
  if (accessToken === null || appSecret === null || state.verifyToken === null) {
    state.problems.push(
      secrets.storage().kind === 'session-only'
        ? `${settings.verifiedName || 'Your number'} was connected in an earlier session; this preview keeps credentials only for one session. Connect again.`
        : 'CareWindow could not read the stored credentials of your WhatsApp number. Connect it again.',
    );
    return;
  }
  await state.startLink(plan(state.deps, settings, accessToken, appSecret));
}

function plan(
  deps: AccountDeps,
  settings: AccountSettings,
  accessToken: string,
  appSecret: string,
): LinkPlan {
  const target: GraphTarget = {
    baseUrl: settings.graphBaseUrl,
    version: settings.graphVersion,
    timeoutMs: deps.cloudApi.defaults.timeoutMs,
    accessToken,
    phoneNumberId: settings.phoneNumberId,
    wabaId: settings.wabaId,
  };
  return { provider: deps.cloudApi.provider(() => target), settings, appSecret, byPath: false };
}

function targetOfCredentials(deps: AccountDeps, credentials: AccountCredentials): GraphTarget {
  const { defaults } = deps.cloudApi;
  return {
    baseUrl: deps.graphBaseUrl ?? defaults.baseUrl,
    version: defaults.version,
    timeoutMs: defaults.timeoutMs,
    accessToken: credentials.accessToken,
    phoneNumberId: credentials.phoneNumberId,
    wabaId: credentials.wabaId,
  };
}
