import type {
  InboundListener,
  InboundMessage,
  Logger,
  MediaFetch,
  MediaSource,
  MediaUpload,
  Message,
  MessagingProvider,
  OutboundRequest,
  SendOutcome,
  StatusListener,
  StatusUpdate,
} from '../../services/ports';
import { Listeners } from '../listeners';
import type { GraphSettings } from './graph-settings';
import { fetchMedia } from './media-download';
import { sendMessage } from './send-message';
import { sendMediaMessage, sendTemplateMessage } from './media-upload';
import { fetchTemplates, type TemplateFetch } from './template-sync';
import type {
  TemplateStatusListener,
  TemplateStatusUpdate,
  TemplateSubmitOutcome,
  TemplateSubmitRequest,
  TemplateSubmitter,
} from '../../services/template-ports';
import { createTemplate } from './template-create';
import { testConnection, type ConnectionCheck } from './test-connection';
import { parseWebhook, type DeliveryStatus } from './webhook-events';

/**
 * The WhatsApp Cloud API behind the MessagingProvider port. Sends go straight to the Graph API; what
 * arrives comes in through `deliver(body)`, called by the webhook processing step (services/
 * webhook-processing.ts) for each journal entry, never by the HTTP receiver itself, so a hosted relay can
 * feed the same path later. `deliver` resolves once every listener has stored its event and rejects if one
 * could not, so the entry stays unprocessed and is handed in again.
 */
export class CloudApiProvider implements MessagingProvider, MediaSource, TemplateSubmitter {
  readonly name = 'whatsapp-cloud-api';
  readonly isAccount = true;
  private readonly inboundListeners = new Listeners<InboundMessage, Message | null>();
  private readonly statusListeners = new Listeners<StatusUpdate, unknown>();
  private readonly templateListeners = new Listeners<TemplateStatusUpdate, unknown>();
  private readonly closing = new AbortController();

  constructor(
    private readonly settings: () => GraphSettings,
    private readonly log: Logger,
  ) {}

  send(request: OutboundRequest, upload?: MediaUpload): Promise<SendOutcome> {
    // A media message uploads its file first (media-upload.ts).
    if (request.kind === 'media')
      return sendMediaMessage(this.settings(), request, upload, this.closing.signal);
    // So does a template with a photo, video or document header.
    if (request.kind === 'template')
      return sendTemplateMessage(this.settings(), request, upload, this.closing.signal);
    return sendMessage(this.settings(), request, this.closing.signal);
  }

  testConnection(): Promise<ConnectionCheck> {
    return testConnection(this.settings(), this.closing.signal);
  }

  fetchTemplates(): Promise<TemplateFetch> {
    return fetchTemplates(this.settings(), this.closing.signal);
  }

  /** Submits a template for approval (template-create.ts). */
  submitTemplate(request: TemplateSubmitRequest): Promise<TemplateSubmitOutcome> {
    return createTemplate(this.settings(), request, this.closing.signal);
  }

  onTemplateStatus(listener: TemplateStatusListener): () => void {
    return this.templateListeners.add(listener);
  }

  /** An inbound media file (media-download.ts); requests in flight end when the provider closes. */
  fetchMedia(mediaId: string, accept: Parameters<MediaSource['fetchMedia']>[1]): Promise<MediaFetch> {
    return fetchMedia(this.settings(), mediaId, accept, this.closing.signal);
  }

  onInbound(listener: InboundListener): () => void {
    return this.inboundListeners.add(listener);
  }

  onStatus(listener: StatusListener): () => void {
    return this.statusListeners.add(listener);
  }

  /**
   * Hands one verified payload's events to the listeners, in the payload's order. A payload that is not a
   * WhatsApp webhook is logged (never its content) and counts as done: it stays in the journal.
   */
  async deliver(body: string): Promise<void> {
    const parsed = parseWebhook(body);
    if (!parsed.ok) {
      this.log.warn('webhook payload not understood; kept in the inbox journal', { reason: parsed.reason });
      return;
    }
    if (parsed.skipped > 0) {
      this.log.warn('webhook parts in an unknown shape; kept in the inbox journal', {
        skipped: parsed.skipped,
      });
    }
    for (const event of parsed.events) {
      switch (event.type) {
        case 'inbound':
          await this.inboundListeners.notify(event.message);
          break;
        case 'status':
          await this.statusListeners.notify(toUpdate(event.status));
          break;
        case 'notice':
          this.log.info('WhatsApp notice about a customer', { at: event.at });
          break;
        case 'error':
          this.log.warn('WhatsApp reported an account problem', { code: event.code, title: event.title });
          break;
        case 'template-status':
          await this.templateListeners.notify(event.update);
          break;
      }
    }
  }

  /** Abandons requests in flight (the app is quitting); their sends count as unconfirmed. */
  close(): void {
    this.closing.abort();
  }
}

/**
 * The port's part of a status (pricing for the Costs view, the reference to settle a send whose answer was
 * lost); code and title stay here.
 */
function toUpdate(status: DeliveryStatus): StatusUpdate {
  const { providerId, status: state, at, error, pricing, reference } = status;
  return { providerId, status: state, at, error, pricing: pricing ?? null, reference: reference ?? null };
}
