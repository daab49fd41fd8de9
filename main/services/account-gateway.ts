import type { ConnectionTest } from '../contract/account';
import type { CmCredentials } from '../contract/account-cm';
import { AppError } from '../contract/errors';
import type { GatewaySettings } from '../store/account-file';
import type { ConnectionCheck, GatewayApi, GatewayTarget } from './account-ports';
import type { Logger } from './ports';

/**
 * The parts of connecting a number through a messaging gateway (the second provider) that do not need the
 * AccountService's state: the target built from the form or from account.json, the test, and the refusal
 * with the field to fix. The gateway's own words (its token, codes, payloads) stay in its adapter.
 */

export function gatewayTarget(
  api: GatewayApi,
  from: { baseUrl: string; sender: string; templateNamespace: string },
  token: string,
): GatewayTarget {
  return { ...from, token, timeoutMs: api.defaults.timeoutMs };
}

export function targetOfCredentials(
  api: GatewayApi,
  baseUrl: string | undefined,
  credentials: CmCredentials,
): GatewayTarget {
  return gatewayTarget(
    api,
    {
      baseUrl: baseUrl ?? api.defaults.baseUrl,
      // As the contract's schema normalises it, for callers that bypass the router (the tests).
      sender: credentials.senderNumber.replace(/[\s()-]/g, ''),
      templateNamespace: credentials.templateNamespace,
    },
    credentials.productToken,
  );
}

export function targetOfSettings(api: GatewayApi, settings: GatewaySettings, token: string): GatewayTarget {
  return gatewayTarget(
    api,
    {
      baseUrl: settings.gatewayBaseUrl,
      sender: settings.sender,
      templateNamespace: settings.templateNamespace,
    },
    token,
  );
}

/** Asks the gateway whether it accepts the token; never throws. */
export async function testGateway(
  api: GatewayApi,
  target: GatewayTarget,
  log: Logger,
): Promise<ConnectionTest> {
  let check: ConnectionCheck;
  try {
    check = await api.test(target);
  } catch (error) {
    log.warn('Connection test failed', { error: error instanceof Error ? error.name : 'unknown' });
    return {
      ok: false,
      problem: 'network',
      reason: 'CareWindow could not reach the provider. Check the internet connection and try again.',
    };
  }
  return check.ok
    ? { ok: true, displayPhoneNumber: check.displayPhoneNumber, verifiedName: check.verifiedName }
    : { ok: false, problem: check.problem, reason: check.reason };
}

/** A refused test as the form shows it: the token field when the token was the problem. */
export function gatewayRefusal(check: Extract<ConnectionTest, { ok: false }>): AppError {
  const tokenProblem = check.problem === 'invalid-token' || check.problem === 'expired-token';
  return new AppError({
    code: 'invalid-input',
    message: check.reason,
    ...(tokenProblem ? { fields: { productToken: check.reason } } : {}),
  });
}

export function newGatewaySettings(
  api: GatewayApi,
  target: GatewayTarget,
  webhook: { host: string; port: number },
  now: number,
): GatewaySettings {
  return {
    provider: api.kind,
    gatewayBaseUrl: target.baseUrl,
    sender: target.sender,
    templateNamespace: target.templateNamespace,
    webhookHost: webhook.host,
    webhookPort: webhook.port,
    connectedAt: now,
  };
}
