import { afterEach } from 'vitest';
import { startCareWindow } from '../../main/compose';
import { AppError } from '../../main/contract/errors';
import type { ContactDraft, TemplateDraft } from '../../main/contract/model';
import type {
  InboundMessage,
  MessagingProvider,
  OutboundRequest,
  SendOutcome,
  StatusUpdate,
} from '../../main/services/ports';
import { FakeClock } from '../support/fake-clock';
import { RecordingPublisher, sequentialIds, silentLog } from '../support/recorders';
import { useTempDirs } from '../support/temp-dir';
import { startApp, T0, type Harness } from './harness';

export const HOUR = 3_600_000;

/** Starts apps on real temp folders and closes them after each test. */
export function useApps() {
  const tempDir = useTempDirs();
  const running: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((h) => h.close()));
  });
  return {
    tempDir,
    async start(dir?: string): Promise<Harness> {
      const harness = await startApp(dir ?? (await tempDir()));
      running.push(harness.app);
      return harness;
    },
    /** The owner's (empty) real workspace. */
    async real(dir?: string): Promise<Harness> {
      const harness = await this.start(dir);
      await harness.app.handlers.workspace.startReal();
      return harness;
    },
    /** An app whose provider is `provider` (no simulator), on `dir`. */
    async withProvider(dir: string, provider: MessagingProvider, clock = new FakeClock(T0)) {
      const publisher = new RecordingPublisher();
      const app = await startCareWindow({
        dataRoot: dir,
        clock,
        scheduler: clock,
        publisher,
        log: silentLog,
        systemLocale: 'nl-NL',
        ids: sequentialIds,
        provider,
      });
      running.push(app);
      return { app, clock, publisher, dataRoot: dir, forget: () => running.splice(running.indexOf(app), 1) };
    },
    forget(app: { close(): Promise<void> }) {
      running.splice(running.indexOf(app), 1);
    },
  };
}

export const contactDraft = (patch: Partial<ContactDraft> = {}): ContactDraft => ({
  name: 'Maria Jansen',
  phone: '+31612345678',
  notes: '',
  fields: { ticket_ID: 'T-1042' },
  optIn: { status: 'opted-in', at: null, source: 'in-store', proof: 'Signed the form.' },
  ...patch,
});

/** Maria as the owner types her in: a local number (the app adds +31), no fields, no proof. */
export const localNumberDraft = (patch: Partial<ContactDraft> = {}): ContactDraft => ({
  name: 'Maria Jansen',
  phone: '06 1234 5678',
  notes: '',
  fields: {},
  optIn: { status: 'opted-in', at: null, source: 'in-store', proof: '' },
  ...patch,
});

import { ISSUE_BODY, templateDraft } from '../support/templates';

export { ISSUE_BODY, templateDraft };

/**
 * In a real workspace: a customer who wrote `ago` ms ago (25 h: the window is closed), and the issue's
 * ticket_update template. Returns their ids.
 */
export async function closedWindowCustomer(
  h: { app: Harness['app']; clock: { now(): number } },
  deliver: (m: Omit<InboundMessage, 'providerId'>) => Promise<unknown>,
  options: { contact?: Partial<ContactDraft>; ago?: number; template?: Partial<TemplateDraft> } = {},
) {
  const row = await h.app.handlers.contacts.create(contactDraft(options.contact));
  await deliver({
    from: row.contact.phone,
    profileName: null,
    text: 'Any news about my repair?',
    at: h.clock.now() - (options.ago ?? 25 * HOUR),
  });
  const template = await h.app.handlers.templates.save(templateDraft(options.template));
  return { contactId: row.contact.id, templateId: template.id };
}

/** The simulator's deliver, for closedWindowCustomer. */
export const viaSimulator = (h: Harness) => (m: Omit<InboundMessage, 'providerId'>) => {
  if (!h.app.simulator) throw new Error('no simulator');
  return h.app.simulator.deliver(m);
};

/** Handlers may answer synchronously or with a promise; either way the refusal is an AppError. */
export async function rejection(call: unknown): Promise<AppError> {
  try {
    await (typeof call === 'function' ? (call as () => unknown)() : call);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}

/**
 * A provider that holds every send until told how it ends: what a slow network, or the app stopping
 * before WhatsApp answered, looks like.
 */
export class GatedProvider implements MessagingProvider {
  readonly name = 'gated';
  readonly isAccount = true;
  readonly requests: OutboundRequest[] = [];
  private readonly waiting: ((outcome: SendOutcome) => void)[] = [];
  private readonly watchers: { count: number; reached: () => void }[] = [];
  private readonly inbound = new Set<(m: InboundMessage) => Promise<unknown>>();
  private counter = 0;
  /** Provider ids are unique across providers too, as wamids are: a restart must not reuse one. */
  private static instances = 0;
  private readonly instance = ++GatedProvider.instances;

  send(request: OutboundRequest): Promise<SendOutcome> {
    this.requests.push(request);
    for (const w of this.watchers.filter((w) => w.count <= this.requests.length)) {
      this.watchers.splice(this.watchers.indexOf(w), 1);
      w.reached();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /**
   * Settles once the app has handed the provider `count` sends in all: for a send that continues after the
   * call that started it returned (no polling, no real-time wait). Given that call, fails as soon as it
   * settles without having reached the provider, instead of waiting for the test's timeout.
   */
  requested(count: number, call?: PromiseLike<unknown>): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    const reached = new Promise<void>((resolve) => this.watchers.push({ count, reached: resolve }));
    if (!call) return reached;
    const ended = Promise.resolve(call).then(
      () => 'it returned',
      (error: unknown) => `it failed: ${String(error)}`,
    );
    return Promise.race([
      reached,
      ended.then((how) => {
        if (this.requests.length >= count) return;
        throw new Error(`the call ended before the provider was called ${String(count)} times (${how})`);
      }),
    ]);
  }

  /** Answers the oldest send still waiting. */
  answer(outcome: SendOutcome): void {
    const next = this.waiting.shift();
    if (!next) throw new Error('no send is waiting');
    next(outcome);
  }

  async deliver(m: Omit<InboundMessage, 'providerId'>): Promise<void> {
    const message = { ...m, providerId: `gated.${String(this.instance)}.${String(++this.counter)}` };
    await Promise.all([...this.inbound].map((l) => l(message)));
  }

  onInbound(listener: (m: InboundMessage) => Promise<unknown>): () => void {
    this.inbound.add(listener);
    return () => this.inbound.delete(listener);
  }

  onStatus(_listener: (u: StatusUpdate) => Promise<unknown>): () => void {
    return () => undefined;
  }
}
