// Longer than 300 lines because it holds both ways of connecting (the Cloud API and a messaging
// gateway such as CM.com) over one link, one secret store and one status; the gateway's own steps are in
// account-gateway.ts.
import { randomBytes } from 'node:crypto';
import type { AccountCredentials, AccountStatus, ConnectionTest } from '../contract/account';
import type { CmCredentials } from '../contract/account-cm';
import { AppError } from '../contract/errors';
import {
  openAccountFile,
  type AccountFileStore,
  type AccountSettings,
  type GatewaySettings,
} from '../store/account-file';
import { SerialQueue } from '../store/serial-queue';
import { AccountLink } from './account-link';
import { refusal } from './account-refusal';
import type {
  AccountProvider,
  CloudApi,
  GatewayApi,
  GraphTarget,
  SecretName,
  SecretStore,
  StartReceiver,
} from './account-ports';
import {
  gatewayRefusal,
  newGatewaySettings,
  targetOfCredentials,
  targetOfSettings,
  testGateway,
} from './account-gateway';
import type { Clock, Logger, MediaSource, MessagingProvider, Publisher } from './ports';
import type { TemplateSource } from './template-sync';
import type { TemplateSubmitter } from './template-ports';

/** The port most tunnel guides use in their examples; any free port works. */
export const DEFAULT_WEBHOOK_PORT = 8787;
/** The receiver listens on this computer only; the owner's tunnel is what exposes it. */
const WEBHOOK_HOST = '127.0.0.1';
const SECRET_NAMES: SecretName[] = ['accessToken', 'appSecret', 'webhookVerifyToken'];

export interface AccountDeps {
  /** The owner's real workspace folder (account.json and the inbox journal live there). */
  dir: string;
  secrets: SecretStore;
  cloudApi: CloudApi;
  startReceiver: StartReceiver;
  clock: Clock;
  log: Logger;
  publisher: Publisher;
  /** The real workspace's session must pick up the new provider: reopens it when it is open. */
  providerChanged: () => Promise<void>;
  /** Why the real workspace's sends wait for a reconnect (its outbox stopped), or null. */
  sendingOnHold?: () => string | null;
  /** Defaults for a new connection; the tests point the Graph API at a fake server and use port 0. */
  graphBaseUrl?: string;
  webhookPort?: number;
  /** The second provider (a messaging gateway); without one, only the Cloud API can be connected. */
  gateway?: GatewayApi;
  gatewayBaseUrl?: string;
}

/**
 * The owner's WhatsApp Business number: test, connect, disconnect, and what the wizard shows. Secrets
 * go to the SecretStore and nowhere else: not into account.json, not into the status (the renderer never
 * sees the access token or the app secret), not into the log.
 */
export class AccountService {
  private link: AccountLink | null = null;
  private verifyToken: string | null = null;
  private problems: string[] = [];
  private readonly queue = new SerialQueue();
  private publishQueued = false;

  private constructor(
    private readonly deps: AccountDeps,
    private readonly file: AccountFileStore,
  ) {}

  /** Opens account.json and, when a number is connected and its secrets can be read, starts the link. */
  static async open(deps: AccountDeps): Promise<AccountService> {
    const file = await openAccountFile(deps.dir, { now: () => deps.clock.now(), log: deps.log });
    const service = new AccountService(deps, file);
    service.problems = file.problems.map((p) => `${p.message} ${p.recovery}`);
    const settings = file.get();
    const gateway = file.gateway();
    if (settings) await service.resume(settings);
    else if (gateway) await service.resumeGateway(gateway);
    return service;
  }

  /** The provider for the real workspace: the account's when connected, else null (no account). */
  provider(): MessagingProvider | null {
    return this.link?.sessionProvider ?? null;
  }

  /** Where the real workspace's inbound media come from: the connected account, or null. */
  mediaSource(): MediaSource | null {
    return this.link?.mediaSource ?? null;
  }

  /** Where the real workspace submits templates for approval: the connected account, or null. */
  templateSubmitter(): TemplateSubmitter | null {
    return this.link?.templateSubmitter ?? null;
  }

  /** Where the real workspace's template sync fetches from: the account's templates, or null. */
  templateSource(): TemplateSource | null {
    return this.link?.templateSource ?? null;
  }

  status(): AccountStatus {
    const settings = this.file.get();
    const gateway = this.file.gateway();
    const link = this.link;
    const receiver = link?.receiver ?? null;
    return {
      connected: link !== null,
      provider: gateway?.provider ?? 'cloud-api',
      storage: this.deps.secrets.storage(),
      displayPhoneNumber: link ? (settings?.displayPhoneNumber ?? gateway?.sender ?? null) : null,
      verifiedName: link ? (settings?.verifiedName ?? null) : null,
      phoneNumberId: settings?.phoneNumberId ?? null,
      wabaId: settings?.wabaId ?? null,
      webhook: {
        localUrl: receiver?.url ?? null,
        port: receiver?.port ?? settings?.webhookPort ?? gateway?.webhookPort ?? this.defaultPort(),
        verifyToken: link && !gateway ? this.verifyToken : null,
        path: link && gateway && this.verifyToken ? `/webhook/${this.verifyToken}` : null,
      },
      lastWebhookAt: link?.journal.lastReceivedAt ?? null,
      problems: [...this.problems, ...(link?.receiverProblem ? [link.receiverProblem] : [])],
      sendingOnHold: link ? (this.deps.sendingOnHold?.() ?? null) : null,
    };
  }

  /** Asks the Graph API about the number and the account; saves nothing. */
  async test(credentials: AccountCredentials): Promise<ConnectionTest> {
    let check;
    try {
      check = await this.deps.cloudApi.test(this.target(credentials));
    } catch (error) {
      this.deps.log.warn('Connection test failed', {
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
   * settings stay valid when the owner only replaces an expired token.
   */
  connect(credentials: AccountCredentials): Promise<AccountStatus> {
    return this.queue.run(async () => {
      const storage = this.deps.secrets.storage();
      if (storage.kind === 'unavailable') throw new AppError({ code: 'storage', message: storage.reason });
      const check = await this.test(credentials);
      if (!check.ok) throw refusal(check);

      const verifyToken = this.verifyToken ?? randomBytes(24).toString('base64url');
      // The session is reopened once, after the new link is up (or once more below if storing failed).
      await this.stopLink(false);
      try {
        await this.storeSecrets({ ...credentials, webhookVerifyToken: verifyToken });
      } catch (error) {
        await this.wipeSecrets().catch(() => undefined);
        await this.file.save(null).catch(() => undefined);
        this.verifyToken = null;
        await this.deps.providerChanged();
        this.deps.log.error('Could not store the WhatsApp credentials', { error: String(error) });
        throw new AppError({
          code: 'storage',
          message:
            'CareWindow could not keep the credentials safely on this computer, so nothing was saved. Try again.',
        });
      }
      const settings: AccountSettings = {
        phoneNumberId: credentials.phoneNumberId,
        wabaId: credentials.wabaId,
        graphBaseUrl: this.deps.graphBaseUrl ?? this.deps.cloudApi.defaults.baseUrl,
        graphVersion: this.deps.cloudApi.defaults.version,
        webhookHost: WEBHOOK_HOST,
        webhookPort: this.file.get()?.webhookPort ?? this.defaultPort(),
        displayPhoneNumber: check.displayPhoneNumber,
        verifiedName: check.verifiedName,
        connectedAt: this.deps.clock.now(),
      };
      await this.file.save(settings);
      this.problems = [];
      this.verifyToken = verifyToken;
      await this.startLink(settings, credentials.accessToken, credentials.appSecret);
      await this.deps.providerChanged();
      this.deps.log.info('WhatsApp number connected');
      return this.changed();
    });
  }

  /** Asks the gateway whether it accepts the token; saves nothing. */
  testGateway(credentials: CmCredentials): Promise<ConnectionTest> {
    const api = this.gatewayApi();
    return testGateway(api, targetOfCredentials(api, this.deps.gatewayBaseUrl, credentials), this.deps.log);
  }

  /**
   * Connects through the gateway, as `connect` does for the Cloud API. The gateway signs nothing, so the
   * webhook verify token becomes the secret path its webhooks must be posted to (kept across reconnects,
   * so the addresses pasted into the gateway's portal stay valid).
   */
  connectGateway(credentials: CmCredentials): Promise<AccountStatus> {
    return this.queue.run(async () => {
      const storage = this.deps.secrets.storage();
      if (storage.kind === 'unavailable') throw new AppError({ code: 'storage', message: storage.reason });
      const api = this.gatewayApi();
      const target = targetOfCredentials(api, this.deps.gatewayBaseUrl, credentials);
      const check = await testGateway(api, target, this.deps.log);
      if (!check.ok) throw gatewayRefusal(check);
      const pathToken = this.verifyToken ?? randomBytes(24).toString('base64url');
      await this.stopLink(false);
      try {
        await this.deps.secrets.delete('real', 'appSecret');
        await this.storeSecrets({ accessToken: target.token, webhookVerifyToken: pathToken });
      } catch (error) {
        await this.wipeSecrets().catch(() => undefined);
        await this.file.save(null).catch(() => undefined);
        this.verifyToken = null;
        await this.deps.providerChanged();
        this.deps.log.error('Could not store the provider credentials', { error: String(error) });
        throw new AppError({
          code: 'storage',
          message: 'CareWindow could not keep the credentials safely on this computer, so nothing was saved. Try again.',
        });
      }
      const port = this.file.get()?.webhookPort ?? this.file.gateway()?.webhookPort ?? this.defaultPort();
      const settings = newGatewaySettings(api, target, { host: WEBHOOK_HOST, port }, this.deps.clock.now());
      await this.file.save(settings);
      this.problems = [];
      this.verifyToken = pathToken;
      await this.startLink(settings, target.token, '', api.provider(() => target));
      await this.deps.providerChanged();
      this.deps.log.info('WhatsApp number connected', { provider: api.kind });
      return this.changed();
    });
  }

  /** Stops the receiver, wipes every stored secret and forgets the number; the history stays. */
  disconnect(): Promise<AccountStatus> {
    return this.queue.run(async () => {
      await this.stopLink();
      await this.wipeSecrets();
      await this.file.save(null);
      this.verifyToken = null;
      this.problems = [];
      this.deps.log.info('WhatsApp number disconnected');
      return this.changed();
    });
  }

  async close(): Promise<void> {
    await this.queue.idle();
    await this.link?.stop();
    this.link = null;
    await this.file.close();
  }

  private async resume(settings: AccountSettings): Promise<void> {
    const { secrets } = this.deps;
    let accessToken: string | null = null;
    let appSecret: string | null = null;
    try {
      accessToken = await secrets.get('real', 'accessToken');
      appSecret = await secrets.get('real', 'appSecret');
      this.verifyToken = await secrets.get('real', 'webhookVerifyToken');
    } catch (error) {
      this.deps.log.error('Could not read the stored WhatsApp credentials', { error: String(error) });
    }
    if (accessToken === null || appSecret === null || this.verifyToken === null) {
      this.problems.push(
        secrets.storage().kind === 'session-only'
          ? `${settings.verifiedName || 'Your number'} was connected in an earlier session; this preview keeps credentials only for one session. Connect again.`
          : 'CareWindow could not read the stored credentials of your WhatsApp number. Connect it again.',
      );
      return;
    }
    await this.startLink(settings, accessToken, appSecret);
  }

  private async resumeGateway(settings: GatewaySettings): Promise<void> {
    const { secrets } = this.deps;
    let token: string | null = null;
    try {
      token = await secrets.get('real', 'accessToken');
      this.verifyToken = await secrets.get('real', 'webhookVerifyToken');
    } catch (error) {
      this.deps.log.error('Could not read the stored provider credentials', { error: String(error) });
    }
    if (token === null || this.verifyToken === null || !this.deps.gateway) {
      this.problems.push('CareWindow could not read the stored credentials of your WhatsApp number. Connect it again.');
      return;
    }
    const api = this.deps.gateway;
    const target = targetOfSettings(api, settings, token);
    await this.startLink(settings, token, '', api.provider(() => target));
  }

  private gatewayApi(): GatewayApi {
    if (this.deps.gateway) return this.deps.gateway;
    throw new AppError({ code: 'invalid-input', message: 'This version of CareWindow cannot connect through that provider.' });
  }

  private async startLink(
    settings: AccountSettings | GatewaySettings,
    accessToken: string,
    appSecret: string,
    gatewayProvider?: AccountProvider,
  ): Promise<void> {
    let provider = gatewayProvider;
    if (!provider && 'phoneNumberId' in settings) {
      const target: GraphTarget = {
        baseUrl: settings.graphBaseUrl,
        version: settings.graphVersion,
        timeoutMs: this.deps.cloudApi.defaults.timeoutMs,
        accessToken,
        phoneNumberId: settings.phoneNumberId,
        wabaId: settings.wabaId,
      };
      provider = this.deps.cloudApi.provider(() => target);
    }
    if (!provider) return;
    const { dir, startReceiver, clock, log } = this.deps;
    this.link = await AccountLink.start({
      dir,
      provider,
      startReceiver,
      receiver: {
        host: settings.webhookHost,
        port: settings.webhookPort,
        appSecret,
        verifyToken: this.verifyToken ?? '',
        // A gateway signs nothing: its webhooks are accepted only at the secret path.
        ...(gatewayProvider ? { pathToken: this.verifyToken ?? '' } : {}),
      },
      clock,
      log,
      onWebhook: () => this.publishSoon(),
    });
  }

  private async stopLink(reopen = true): Promise<void> {
    const link = this.link;
    if (!link) return;
    this.link = null;
    await link.stop();
    if (reopen) await this.deps.providerChanged();
  }

  private async storeSecrets(values: Partial<Record<SecretName, string>>): Promise<void> {
    for (const name of SECRET_NAMES) {
      const value = values[name];
      if (value !== undefined) await this.deps.secrets.set('real', name, value);
    }
  }

  private async wipeSecrets(): Promise<void> {
    for (const name of SECRET_NAMES) await this.deps.secrets.delete('real', name);
  }

  private target(credentials: AccountCredentials): GraphTarget {
    const { defaults } = this.deps.cloudApi;
    return {
      baseUrl: this.deps.graphBaseUrl ?? defaults.baseUrl,
      version: defaults.version,
      timeoutMs: defaults.timeoutMs,
      accessToken: credentials.accessToken,
      phoneNumberId: credentials.phoneNumberId,
      wabaId: credentials.wabaId,
    };
  }

  private defaultPort(): number {
    return this.deps.webhookPort ?? DEFAULT_WEBHOOK_PORT;
  }

  private changed(): AccountStatus {
    const status = this.status();
    this.deps.publisher.publish('account:changed', status);
    return status;
  }

  /** A burst of webhooks makes one push, not one each. */
  private publishSoon(): void {
    if (this.publishQueued) return;
    this.publishQueued = true;
    queueMicrotask(() => {
      this.publishQueued = false;
      this.changed();
    });
  }
}
