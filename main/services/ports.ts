import type { EventName, EventPayload } from '../contract/ipc';
import type { SendFailureKind as MessageFailureKind } from '../contract/message';
import type {
  MediaKind,
  MediaProblem,
  Message,
  MessageChoice,
  MessageLocation,
  SharedContact,
  UnsupportedContent,
} from '../contract/model';
import type { InboundEvent } from '../domain/inbound-event';
import type { OutgoingMediaKind } from '../contract/attachments';
import type { TemplateMediaFormat } from '../contract/template-parts';
import type { TemplateButtonParameter } from '../domain/templates/send-parts';

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

/**
 * What the provider reports when a customer writes, calls, presses a reply button or reacts. The event's
 * shape (`kind`, `text`, a button's `payload`) and which kinds open or restart the window are in
 * domain/inbound-event.ts, with how a WhatsApp Cloud API webhook maps onto them. Never a status update.
 */
export interface InboundMessage extends InboundEvent {
  /** E.164 number of the customer. */
  from: string;
  /** The customer's profile name, when the provider knows it. */
  profileName: string | null;
  /** When the customer did it (for a call: when it started). */
  at: number;
  /** The provider's message id (WhatsApp's wamid): duplicates are dropped on it. */
  providerId: string;
  /**
   * The message as the provider sent it, for types shown only as a short line today (photo, voice
   * message, location…): its type and its JSON, so a later version can render it fully. Absent for
   * providers that have nothing more than the text (the simulator).
   */
  original?: { type: string; json: string };
  /** What the message carries besides its text (media, location, a quote…); see InboundContent. */
  content?: InboundContent;
}

/**
 * The parts of an inbound message beyond its line of text, as the provider read them. Provider ids only:
 * the service resolves them to CareWindow's own message ids (contract/message-content.ts).
 */
export interface InboundContent {
  media?: {
    kind: MediaKind;
    /** The provider's id to fetch it by (never a URL). */
    providerMediaId: string;
    mimeType: string | null;
    sha256: string | null;
    fileName: string | null;
  };
  location?: MessageLocation;
  contacts?: SharedContact[];
  choice?: MessageChoice;
  /** A reaction: the provider id of the message reacted to (the emoji is the event's text). */
  reactionTo?: string;
  /** The provider id of the message this one quotes. */
  replyTo?: string;
  forwarded?: boolean;
  unsupported?: UnsupportedContent;
}

/**
 * Fetches an inbound media file from the provider. `accept` is asked before any byte is read (type and
 * size as the provider reports them); the bytes are then streamed to the caller, who counts them again.
 */
export interface MediaSource {
  fetchMedia(
    mediaId: string,
    accept: (meta: { mimeType: string; size: number | null }) => MediaProblem | null,
    signal?: AbortSignal,
  ): Promise<MediaFetch>;
}

export type MediaFetch =
  | {
      ok: true;
      mimeType: string;
      size: number | null;
      sha256: string | null;
      body: AsyncIterable<Uint8Array>;
    }
  | { ok: false; problem: MediaProblem; size: number | null; detail: string };

/**
 * Stores what a customer wrote. Resolves with the message as stored, or null when it was a redelivery of
 * one already stored, so whoever handed it in (the demo's simulated customer) needs no second lookup.
 * A provider only has to await it.
 */
export type InboundListener = (message: InboundMessage) => Promise<Message | null>;

export interface StatusUpdate {
  providerId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  at: number;
  error: string | null;
  /** What the platform says it billed for the message (Cloud API status webhooks); absent when unknown. */
  pricing?: StatusPricing | null;
  /** The request's `reference` echoed back (Cloud API `biz_opaque_callback_data`), when the provider has it. */
  reference?: string | null;
}

/** Records a delivery status, resolving once it is stored; a provider only has to await it. */
export type StatusListener = (update: StatusUpdate) => Promise<unknown>;

/** A status webhook's `pricing` object: recorded so the Costs view counts what was actually billed. */
export interface StatusPricing {
  billable: boolean | null;
  /** e.g. 'PMP' (per-message pricing). */
  pricingModel: string | null;
  /** marketing, utility, authentication, service, … */
  category: string | null;
  /** e.g. 'regular', 'free_customer_service', 'free_entry_point'. */
  type: string | null;
}

/**
 * `reference` is CareWindow's own id of the message. A provider that can (the Cloud API, as
 * `biz_opaque_callback_data`) sends it along and reports it back in status updates, so a send whose answer
 * was lost (a timeout) can still be matched to its message.
 */
export type OutboundRequest =
  /** `replyTo`: the provider id of the message quoted (Cloud API `context.message_id`). */
  (
    | { kind: 'text'; to: string; text: string; replyTo?: string }
    /** An emoji (`text`) on one of the customer's messages ('' takes it away); never a quote. */
    | { kind: 'reaction'; to: string; targetProviderId: string; text: string }
    | {
        kind: 'media';
        to: string;
        /** `file` is workspace-relative (media/<folder>/<name>); the outbox reads it, the provider never does. */
        media: { kind: OutgoingMediaKind; file: string; mimeType: string; fileName: string };
        /** The caption ('' for none). */
        text: string;
        replyTo?: string;
      }
    | {
        kind: 'template';
        to: string;
        template: { name: string; language: string };
        text: string;
        /** Named as in the template: the Cloud API takes positional ones in order, named ones by name. */
        parameters: { name: string; value: string }[];
        /**
         * A photo, video or document header: the file (workspace-relative: the template's stored sample in
         * template-samples/, or one the owner chose in media/) the outbox reads before each attempt and the
         * provider uploads and sends by id.
         */
        header?: { kind: TemplateMediaFormat; file: string; mimeType: string; fileName: string };
        /** Quick-reply payloads and URL suffixes, by the button's index in the template. */
        buttons?: TemplateButtonParameter[];
      }
  ) & { reference?: string };

/** A media send's file, as bytes: providers never read the workspace themselves. */
export interface MediaUpload {
  bytes: Uint8Array;
}

/**
 * Why a send failed, in words the outbox and the screens act on; provider codes stay in the adapters.
 * 'network' means the request never left (safe to send again); 'timeout-after-send' means it may have
 * reached the platform and the outcome is unknown: a template in that state is never sent again by itself.
 * One list, the contract's, less 'undelivered': only a status webhook reports that, never a send.
 */
export type SendFailureKind = Exclude<MessageFailureKind, 'undelivered'>;

export interface SendFailure {
  kind: SendFailureKind;
  /** The provider's error code, for support and logs (null when there was no answer). */
  code: number | null;
  /** The provider's own short title of the error ('' when there was none). */
  title: string;
  /** For 'invalid-parameter': the placeholder the provider named, when it named one. */
  parameter: string | null;
  /** What the owner can do about it, in plain words. */
  action: string;
}

export type SendOutcome =
  | { ok: true; providerId: string }
  | {
      ok: false;
      reason: string;
      /** true when trying again later may work (network, rate limit). */ retryable: boolean;
      /** The classified failure, from providers that can tell (the Cloud API); absent from the simulator. */
      failure?: SendFailure;
    };

/**
 * Where messages come from and go to: the offline simulator today, the WhatsApp Cloud API later.
 * Sending returns an outcome rather than throwing, so a refusal is data the owner sees, not a crash.
 */
export interface MessagingProvider {
  readonly name: string;
  /** Whether a real account is behind this provider (false for the simulator). */
  readonly isAccount: boolean;
  /** `upload`: the bytes of a media request's file, read by the outbox from the workspace. */
  send(request: OutboundRequest, upload?: MediaUpload): Promise<SendOutcome>;
  /** Listeners resolve once the message is safely stored; a provider acknowledges only after that. */
  onInbound(listener: InboundListener): () => void;
  onStatus(listener: StatusListener): () => void;
}

export type { Message };
