import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { ContactDraft } from '../../main/contract/model';
import { silentNotifier } from '../../main/services/notifier';
import type {
  InboundMessage,
  MessagingProvider,
  OutboundRequest,
  SendFailureKind,
  SendOutcome,
  StatusUpdate,
} from '../../main/services/ports';
import { WorkspaceSession, type OpenSessionDeps } from '../../main/services/workspace-session';
import { FakeClock } from '../support/fake-clock';
import { RecordingPublisher, sequentialIds, silentLog } from '../support/recorders';
import { useTempDirs } from '../support/temp-dir';
import { T0 } from './harness';

export const HOUR = 3_600_000;

/** A failed outcome as the Cloud API provider classifies it. */
export function failed(kind: SendFailureKind, reason = `failed: ${kind}`): SendOutcome {
  const retryable = kind === 'network' || kind === 'rate-limited' || kind === 'server';
  return {
    ok: false,
    reason,
    retryable,
    failure: { kind, code: null, title: '', parameter: null, action: `action for ${kind}` },
  };
}

/**
 * A provider that answers sends from a script (then succeeds), records every request with what was on
 * disk at that moment, and plays the platform's webhooks (inbound messages and statuses).
 */
export class ScriptedProvider implements MessagingProvider {
  readonly name = 'scripted';
  readonly isAccount = true;
  readonly requests: OutboundRequest[] = [];
  /** Runs at each send, before it is answered: to look at the disk while the provider "is asked". */
  onSend: ((request: OutboundRequest) => Promise<void>) | null = null;
  private readonly inbound = new Set<(m: InboundMessage) => Promise<unknown>>();
  private readonly statuses = new Set<(u: StatusUpdate) => Promise<unknown>>();
  private counter = 0;

  constructor(
    private readonly script: SendOutcome[] = [],
    private readonly prefix = 'wamid.out',
  ) {}

  async send(request: OutboundRequest): Promise<SendOutcome> {
    this.requests.push(request);
    await this.onSend?.(request);
    return this.script.shift() ?? { ok: true, providerId: `${this.prefix}.${String(++this.counter)}` };
  }

  async deliver(message: InboundMessage): Promise<void> {
    await Promise.all([...this.inbound].map((l) => l(message)));
  }

  async report(update: StatusUpdate): Promise<void> {
    await Promise.all([...this.statuses].map((l) => l(update)));
  }

  onInbound(listener: (m: InboundMessage) => Promise<unknown>): () => void {
    this.inbound.add(listener);
    return () => this.inbound.delete(listener);
  }

  onStatus(listener: (u: StatusUpdate) => Promise<unknown>): () => void {
    this.statuses.add(listener);
    return () => this.statuses.delete(listener);
  }
}

/**
 * The owner's real workspace on `dataRoot`, with this provider, a fake clock and no jitter; `more` adds
 * or replaces ports (a template source, a file picker, a recording notifier).
 */
export async function openSession(
  dataRoot: string,
  provider: MessagingProvider,
  clock = new FakeClock(T0),
  more: Partial<OpenSessionDeps> = {},
) {
  const publisher = new RecordingPublisher();
  const deps: OpenSessionDeps = {
    dataRoot,
    clock,
    scheduler: clock,
    publisher,
    provider,
    log: silentLog,
    ids: sequentialIds,
    systemLocale: 'nl-NL',
    systemTimeZone: 'Europe/Amsterdam',
    notifier: silentNotifier('Tests show no desktop notifications.'),
    random: () => 0,
    ...more,
  };
  const session = await WorkspaceSession.open('real', deps);
  return { session, clock, publisher };
}

/**
 * Opens sessions on temp folders (or on `dir`, to open one again) and closes whatever is still open after
 * each test. `stop` closes one mid-test, as quitting the app would, so it is not closed twice.
 */
export function useSessions() {
  const tempDir = useTempDirs();
  const open: WorkspaceSession[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  async function start(provider: MessagingProvider, dir?: string, clock?: FakeClock) {
    const dataRoot = dir ?? (await tempDir());
    const s = await openSession(dataRoot, provider, clock);
    open.push(s.session);
    return { ...s, dataRoot };
  }

  async function stop(session: WorkspaceSession): Promise<void> {
    open.splice(open.indexOf(session), 1);
    await session.close();
  }

  return { start, stop, tempDir };
}

export const customer = (patch: Partial<ContactDraft> = {}): ContactDraft => ({
  name: 'Sanne de Vries',
  phone: '+31612345678',
  notes: '',
  fields: { order: 'A-17' },
  optIn: { status: 'opted-in', at: null, source: 'in-store', proof: 'Signed the form.' },
  ...patch,
});

/** A customer who wrote `ago` ms ago (default 1 h: the window is open). */
export async function customerWhoWrote(
  s: { session: WorkspaceSession; clock: FakeClock },
  provider: ScriptedProvider,
  options: { ago?: number; wamid?: string; patch?: Partial<ContactDraft> } = {},
) {
  const row = await s.session.contacts.create(customer(options.patch));
  await provider.deliver({
    from: row.contact.phone,
    profileName: null,
    text: 'Is my order ready?',
    at: s.clock.now() - (options.ago ?? HOUR),
    providerId: options.wamid ?? `wamid.in.${row.contact.id}`,
  });
  return row.contact.id;
}

export async function outboxFile(dataRoot: string) {
  const text = await readFile(path.join(dataRoot, 'workspaces', 'real', 'outbox.json'), 'utf8');
  return JSON.parse(text) as { entries: { messageId: string; state: string; attempts: number }[] };
}

export async function historyOf(session: WorkspaceSession, contactId: string) {
  return (await session.conversation.history(contactId, { limit: 500 })).messages;
}
