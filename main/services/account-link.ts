import { InboxJournal } from '../store/inbox-journal';
import type { AccountProvider, RunningReceiver, StartReceiver } from './account-ports';
import type { Clock, InboundListener, Logger, MediaSource, MessagingProvider, StatusListener } from './ports';
import type { TemplateSource } from './template-sync';
import { canSubmitTemplates, type TemplateSubmitter } from './template-ports';
import { WebhookProcessing } from './webhook-processing';

export interface LinkDeps {
  /** The real workspace's folder: the inbox journal lives beside its history. */
  dir: string;
  provider: AccountProvider;
  startReceiver: StartReceiver;
  /** `pathToken`: accept unsigned webhooks at that secret path only (a provider that signs nothing). */
  receiver: { host: string; port: number; appSecret: string; verifyToken: string; pathToken?: string };
  clock: Clock;
  log: Logger;
  /** A webhook was stored ("last webhook received at" moved). */
  onWebhook: () => void;
}

/**
 * A connected account at work: the Cloud API provider, the inbox journal, the processing step and the
 * local webhook receiver. Payloads are processed only while the owner's real workspace listens to the
 * provider (its session is open): handed to a provider nobody listens to, their messages would be marked
 * processed and lost. Until then they wait in the journal, and the session's arrival processes them,
 * which also covers entries a crash or the last run left unprocessed.
 */
export class AccountLink {
  private inbound = 0;
  private status = 0;
  private readonly processing: WebhookProcessing;

  private constructor(
    private readonly deps: LinkDeps,
    readonly journal: InboxJournal,
    private running: RunningReceiver | null,
    /** Why the receiver is not listening, in the owner's words; null while it is. */
    readonly receiverProblem: string | null,
  ) {
    this.processing = new WebhookProcessing(
      journal,
      {
        deliver: (body) =>
          this.listening
            ? deps.provider.deliver(body)
            : Promise.reject(new Error('the workspace is closed; the payload waits in the journal')),
      },
      deps.log,
    );
  }

  static async start(deps: LinkDeps): Promise<AccountLink> {
    const journal = await InboxJournal.open(deps.dir);
    let link: AccountLink | null = null;
    const { host, port, appSecret, verifyToken, pathToken } = deps.receiver;
    try {
      const running = await deps.startReceiver({
        host,
        port,
        appSecret: () => appSecret,
        verifyToken: () => verifyToken,
        ...(pathToken === undefined ? {} : { pathToken: () => pathToken }),
        journal,
        onPayload: () => {
          link?.kick();
          deps.onWebhook();
        },
      });
      link = new AccountLink(deps, journal, running, null);
    } catch (error) {
      deps.log.error('The webhook receiver could not start', { port, error: String(error) });
      link = new AccountLink(deps, journal, null, receiverProblem(port, error));
    }
    return link;
  }

  get receiver(): RunningReceiver | null {
    return this.running;
  }

  /** The provider the real workspace's session uses; its subscriptions decide when payloads are processed. */
  get sessionProvider(): MessagingProvider {
    // Built on first use (once), after the constructor, so it can name the account's own provider.
    this.session ??= {
      name: this.deps.provider.name,
      isAccount: true,
      send: (request) => this.deps.provider.send(request),
      onInbound: (listener: InboundListener) => this.track('inbound', this.deps.provider.onInbound(listener)),
      onStatus: (listener: StatusListener) => this.track('status', this.deps.provider.onStatus(listener)),
    };
    return this.session;
  }

  private session: MessagingProvider | null = null;

  /** Where the real workspace's inbound media files are fetched from (with the account's token). */
  get mediaSource(): MediaSource {
    return this.deps.provider;
  }

  /** Submitting templates for approval, and their status webhooks (template-submission.ts). */
  get templateSubmitter(): TemplateSubmitter | null {
    // A provider that cannot submit templates has no such methods: "not supported" (template-ports.ts).
    return canSubmitTemplates(this.deps.provider) ? this.deps.provider : null;
  }

  /** The account's message templates, for the real workspace's template sync. */
  get templateSource(): TemplateSource {
    return this.deps.provider;
  }

  /** Stops the receiver and abandons requests in flight; the journal keeps what was not processed. */
  async stop(): Promise<void> {
    const running = this.running;
    this.running = null;
    await running?.stop();
    this.deps.provider.close();
    await this.journal.idle();
  }

  private get listening(): boolean {
    return this.inbound > 0 && this.status > 0;
  }

  private track(kind: 'inbound' | 'status', off: () => void): () => void {
    this[kind]++;
    // Both listeners are added in one go when a session opens: process once both are there.
    if (this.listening) queueMicrotask(() => this.kick());
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this[kind]--;
      off();
    };
  }

  private kick(): void {
    if (this.listening) this.processing.kick();
  }
}

function receiverProblem(port: number, error: unknown): string {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  if (code === 'EADDRINUSE') {
    return `Another program already uses port ${port}, so webhooks cannot arrive. Close that program, then restart CareWindow.`;
  }
  return `The webhook receiver could not start on port ${port}, so messages cannot arrive. Restart CareWindow; if it happens again, disconnect and connect again.`;
}
