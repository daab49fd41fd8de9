import type { ConnectionProblem, SecretStorage } from '../contract/account';
import type { ProviderKind } from '../contract/account-cm';
import type { WorkspaceKind } from '../contract/model';
import type { InboxEntry } from '../store/inbox-journal';
import type { MediaSource, MessagingProvider } from './ports';
import type { TemplateSource } from './template-sync';
import type { PayloadSink } from './webhook-processing';

/**
 * The ports a WhatsApp account needs beyond the session's: somewhere to keep secrets, the Cloud API
 * client, and the local webhook receiver. Each host passes its own (Electron: safeStorage and a Node
 * HTTP server; the preview host: secrets in memory), so the AccountService runs the same everywhere.
 */

/**
 * The names match the logger's redaction pattern (token|secret|…), so a secret passed to a logger by
 * mistake under its own name is still written as [redacted].
 */
export type SecretName = 'accessToken' | 'appSecret' | 'webhookVerifyToken';

/** Named secrets per workspace. `set` refuses (throws) when storage is unavailable, never writes plain text. */
export interface SecretStore {
  storage(): SecretStorage;
  get(workspace: WorkspaceKind, name: SecretName): Promise<string | null>;
  set(workspace: WorkspaceKind, name: SecretName, value: string): Promise<void>;
  delete(workspace: WorkspaceKind, name: SecretName): Promise<void>;
}

/** Where the Graph API is and the account's ids and token (providers/cloud-api/graph-settings.ts). */
export interface GraphTarget {
  baseUrl: string;
  version: string;
  accessToken: string;
  phoneNumberId: string;
  wabaId: string;
  timeoutMs: number;
}

export type ConnectionCheck =
  | { ok: true; displayPhoneNumber: string; verifiedName: string }
  | { ok: false; problem: ConnectionProblem; reason: string };

/**
 * A provider fed by the webhook processing step, closed when the account is disconnected; the account's
 * message templates come from it too (template sync).
 */
export interface AccountProvider extends MessagingProvider, PayloadSink, TemplateSource, MediaSource {
  close(): void;
}

/** The WhatsApp Cloud API client, as the composition root builds it from providers/cloud-api. */
export interface CloudApi {
  readonly defaults: { baseUrl: string; version: string; timeoutMs: number };
  test(target: GraphTarget): Promise<ConnectionCheck>;
  provider(target: () => GraphTarget): AccountProvider;
}

/**
 * A provider reached through a messaging gateway with one token (the composition root builds it from
 * providers/cm-com). What the gateway's ids, codes and payloads look like stays in that adapter.
 */
export interface GatewayTarget {
  baseUrl: string;
  token: string;
  /** The business's number in E.164, the sender of every message. */
  sender: string;
  templateNamespace: string;
  timeoutMs: number;
}

export interface GatewayApi {
  /** The contract's name of the provider, for the status. */
  readonly kind: ProviderKind;
  readonly defaults: { baseUrl: string; timeoutMs: number };
  test(target: GatewayTarget): Promise<ConnectionCheck>;
  provider(target: () => GatewayTarget): AccountProvider;
}

export interface WebhookReceiverOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Read per request, so a reconnect with a new secret takes effect at once. */
  appSecret: () => string;
  verifyToken: () => string;
  /**
   * For a provider that signs nothing: POSTs are accepted only at `/webhook/<this token>` (compared in
   * constant time), without a signature; absent for the Cloud API, whose signature decides.
   */
  pathToken?: () => string;
  /** Where a verified payload is written, durably, before the receiver answers 200. */
  journal: { append(body: string, receivedAt: number): Promise<InboxEntry> };
  /** After each stored payload (and its 200): start processing. */
  onPayload: () => void;
}

export interface RunningReceiver {
  /** e.g. http://127.0.0.1:8787 */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Starts the local webhook receiver (platform/node); rejects when the port cannot be used. */
export type StartReceiver = (options: WebhookReceiverOptions) => Promise<RunningReceiver>;
