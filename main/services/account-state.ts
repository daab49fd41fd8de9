import { randomBytes } from 'node:crypto';
import type { AccountStatus } from '../contract/account';
import { AppError } from '../contract/errors';
import type { AccountFileStore, AccountSettings, GatewaySettings } from '../store/account-file';
import { AccountLink } from './account-link';
import type {
  AccountProvider,
  CloudApi,
  GatewayApi,
  SecretName,
  SecretStore,
  StartReceiver,
} from './account-ports';
import type { Clock, Logger, Publisher } from './ports';

/** The port most tunnel guides use in their examples; any free port works. */
export const DEFAULT_WEBHOOK_PORT = 8787;
/** The receiver listens on this computer only; the owner's tunnel is what exposes it. */
export const WEBHOOK_HOST = '127.0.0.1';
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

/** What a connection brings to the shared link: its provider and how its webhooks are checked. */
export interface LinkPlan {
  provider: AccountProvider;
  settings: AccountSettings | GatewaySettings;
  appSecret: string;
  /** A gateway signs nothing: its webhooks are accepted only at the secret path (the verify token). */
  byPath: boolean;
}

/**
 * What both ways of connecting share (account-cloud.ts, account-gateway-connect.ts): the one running link,
 * the verify token, the secrets, the owner's problems and the status pushed to the renderer. Secrets go to
 * the SecretStore and nowhere else: not into account.json, not into the status, not into the log.
 */
export class AccountState {
  link: AccountLink | null = null;
  verifyToken: string | null = null;
  problems: string[] = [];
  private publishQueued = false;

  constructor(
    readonly deps: AccountDeps,
    readonly file: AccountFileStore,
  ) {}

  /** Refuses to connect where secrets cannot be encrypted. */
  requireStorage(): void {
    const storage = this.deps.secrets.storage();
    if (storage.kind === 'unavailable') throw new AppError({ code: 'storage', message: storage.reason });
  }

  /** The verify token of an earlier connection is kept, so the webhook settings pasted elsewhere stay valid. */
  keptOrNewToken(): string {
    return this.verifyToken ?? randomBytes(24).toString('base64url');
  }

  /**
   * Stores the new connection's secrets; a name it does not use is deleted. When that fails, nothing of
   * any connection remains (secrets, account.json, token), the session drops the old provider, and the
   * owner is told nothing was saved.
   */
  async replaceSecrets(values: Partial<Record<SecretName, string>>, what: string): Promise<void> {
    try {
      for (const name of SECRET_NAMES) {
        const value = values[name];
        if (value === undefined) await this.deps.secrets.delete('real', name);
        else await this.deps.secrets.set('real', name, value);
      }
    } catch (error) {
      await this.wipeSecrets().catch(() => undefined);
      await this.file.save(null).catch(() => undefined);
      this.verifyToken = null;
      await this.deps.providerChanged();
      this.deps.log.error(`Could not store the ${what} credentials`, { error: String(error) });
      throw new AppError({
        code: 'storage',
        message:
          'CareWindow could not keep the credentials safely on this computer, so nothing was saved. Try again.',
      });
    }
  }

  async wipeSecrets(): Promise<void> {
    for (const name of SECRET_NAMES) await this.deps.secrets.delete('real', name);
  }

  /** Saves the new connection, starts its link, and has the real workspace pick up the provider. */
  async connected(
    plan: LinkPlan,
    verifyToken: string,
    logFields?: Record<string, string>,
  ): Promise<AccountStatus> {
    await this.file.save(plan.settings);
    this.problems = [];
    this.verifyToken = verifyToken;
    await this.startLink(plan);
    await this.deps.providerChanged();
    this.deps.log.info('WhatsApp number connected', logFields);
    return this.changed();
  }

  async startLink({ provider, settings, appSecret, byPath }: LinkPlan): Promise<void> {
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
        ...(byPath ? { pathToken: this.verifyToken ?? '' } : {}),
      },
      clock,
      log,
      onWebhook: () => this.publishSoon(),
    });
  }

  /** `reopen: false` when a new link follows, so the session is reopened once, after it is up. */
  async stopLink(reopen = true): Promise<void> {
    const link = this.link;
    if (!link) return;
    this.link = null;
    await link.stop();
    if (reopen) await this.deps.providerChanged();
  }

  defaultPort(): number {
    return this.deps.webhookPort ?? DEFAULT_WEBHOOK_PORT;
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

  /** Pushes the status to the renderer and returns it. */
  changed(): AccountStatus {
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
