import type { EventName, EventPayload } from '../contract/ipc';
import type { Message } from '../contract/model';

/** The current time. Services never call Date.now(): tests and the preview host move this clock. */
export interface Clock {
  now(): number;
}

export interface Cancellable {
  cancel(): void;
}

/** Runs a callback when the Clock reaches a moment (node-schedule in the app, a fake clock in tests). */
export interface Scheduler {
  at(when: number, run: () => void): Cancellable;
}

/** Pushes live updates to the renderer, through the IPC contract's events. */
export interface Publisher {
  publish<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/** What the provider reports when a customer writes. */
export interface InboundMessage {
  /** E.164 number of the customer. */
  from: string;
  /** The customer's profile name, when the provider knows it. */
  profileName: string | null;
  text: string;
  at: number;
  /** The provider's message id (WhatsApp's wamid): duplicates are dropped on it. */
  providerId: string;
}

export interface StatusUpdate {
  providerId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  at: number;
  error: string | null;
}

export type OutboundRequest =
  | { kind: 'text'; to: string; text: string }
  | {
      kind: 'template';
      to: string;
      template: { name: string; language: string };
      text: string;
      /** Named as in the template: the Cloud API takes positional ones in order, named ones by name. */
      parameters: { name: string; value: string }[];
    };

export type SendOutcome =
  | { ok: true; providerId: string }
  | {
      ok: false;
      reason: string;
      /** true when trying again later may work (network, rate limit). */ retryable: boolean;
    };

/**
 * Where messages come from and go to: the offline simulator today, the WhatsApp Cloud API later.
 * Sending returns an outcome rather than throwing, so a refusal is data the owner sees, not a crash.
 */
export interface MessagingProvider {
  readonly name: string;
  /** Whether a real account is behind this provider (false for the simulator). */
  readonly isAccount: boolean;
  send(request: OutboundRequest): Promise<SendOutcome>;
  /** Listeners resolve once the message is safely stored; a provider acknowledges only after that. */
  onInbound(listener: (message: InboundMessage) => Promise<unknown>): () => void;
  onStatus(listener: (update: StatusUpdate) => Promise<unknown>): () => void;
}

export type { Message };
