import type {
  InboundListener,
  InboundMessage,
  Logger,
  MediaFetch,
  MediaSource,
  Message,
  MessagingProvider,
  OutboundRequest,
  SendOutcome,
  StatusListener,
  StatusUpdate,
} from '../../services/ports';
import type {
  TemplateStatusListener,
  TemplateSubmitOutcome,
  TemplateSubmitter,
} from '../../services/template-ports';
import { Listeners } from '../listeners';
import type { CmSettings } from './cm-settings';
import { fetchMedia } from './media-fetch';
import { sendMessage } from './send-message';
import { testConnection, type CmConnectionCheck } from './test-connection';
import { parseWebhook } from './webhook-events';

/** What CM.com needs beyond the gateway settings: the template namespace of the account. */
export interface CmAccount extends CmSettings {
  templateNamespace: string;
}

/**
 * CM.com's Business Messaging API behind the MessagingProvider port, beside the Cloud API's: sends go to the
 * gateway with the product token; incoming messages and status reports come in through `deliver(body)`,
 * called by the webhook processing step for each stored payload. What CM.com cannot do is refused in plain
 * words rather than pretended: media by upload (it takes public URLs only), reactions, listing templates
 * and submitting them for approval (both are done in CM.com's Channels app).
 */
export class CmComProvider implements MessagingProvider, MediaSource, TemplateSubmitter {
  readonly name = 'cm-com';
  readonly isAccount = true;
  private readonly inboundListeners = new Listeners<InboundMessage, Message | null>();
  private readonly statusListeners = new Listeners<StatusUpdate, unknown>();
  private readonly closing = new AbortController();

  constructor(
    private readonly account: () => CmAccount,
    private readonly log: Logger,
  ) {}

  send(request: OutboundRequest): Promise<SendOutcome> {
    const account = this.account();
    return sendMessage(account, request, account.templateNamespace, this.closing.signal);
  }

  testConnection(): Promise<CmConnectionCheck> {
    return testConnection(this.account(), this.closing.signal);
  }

  fetchMedia(uri: string, accept: Parameters<MediaSource['fetchMedia']>[1]): Promise<MediaFetch> {
    return fetchMedia(this.account(), uri, accept, this.closing.signal);
  }

  /** The Business Messaging API has no call that lists an account's templates. */
  fetchTemplates(): Promise<{ ok: false; reason: string }> {
    return Promise.resolve({
      ok: false,
      reason:
        'CM.com does not let CareWindow read your templates. Add each approved template in CareWindow by hand, with the same name and language as in CM.com’s Channels app.',
    });
  }

  submitTemplate(): Promise<TemplateSubmitOutcome> {
    return Promise.resolve({
      ok: false,
      kind: 'not-supported',
      reason:
        'Through CM.com, templates are created and approved in CM.com’s own Channels app, not from CareWindow.',
      action:
        'Create the template in CM.com’s Channels app; once it is approved, add it in CareWindow with the same name and language.',
    });
  }

  /** CM.com reports no template status changes to the webhook. */
  onTemplateStatus(_listener: TemplateStatusListener): () => void {
    return () => undefined;
  }

  onInbound(listener: InboundListener): () => void {
    return this.inboundListeners.add(listener);
  }

  onStatus(listener: StatusListener): () => void {
    return this.statusListeners.add(listener);
  }

  /** One stored payload's events to the listeners; a payload not understood is logged (never its content). */
  async deliver(body: string): Promise<void> {
    const parsed = parseWebhook(body);
    if (!parsed.ok) {
      this.log.warn('CM.com webhook not understood; kept in the inbox journal', { reason: parsed.reason });
      return;
    }
    if (parsed.skipped > 0) this.log.info('CM.com webhook parts left out', { skipped: parsed.skipped });
    for (const event of parsed.events) {
      if (event.type === 'inbound') await this.inboundListeners.notify(event.message);
      else await this.statusListeners.notify(event.update);
    }
  }

  close(): void {
    this.closing.abort();
  }
}
