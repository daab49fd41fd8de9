import type { AppErrorShape, Envelope } from '../../main/contract/errors';
import type { BridgeApi, EventName, EventPayload } from '../../main/contract/ipc';
import {
  DEFAULT_SETTINGS,
  type CareWindow,
  type ContactRow,
  type FollowUpStatus,
  type Message,
  type OptIn,
  type Settings,
  type WindowState,
  type WorkspaceInfo,
} from '../../main/contract/model';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Wednesday 26 November 2025, 14:00 in Amsterdam (13:00 UTC): "now" in every renderer test. */
export const T0 = Date.UTC(2025, 10, 26, 13, 0, 0);

export interface RowSpec {
  id?: string;
  name: string;
  phone?: string;
  state?: WindowState;
  /** For open/closing/closed/awaiting-reply. */
  expiresAt?: number;
  followUp?: FollowUpStatus;
  followUpSentAt?: number | null;
  lastText?: string;
  lastDirection?: 'inbound' | 'outbound';
  optIn?: Partial<OptIn>;
  fields?: Record<string, string>;
  notes?: string;
}

let sequence = 0;

/** A contact row in any window state, filled in with plausible defaults. */
export function makeRow(spec: RowSpec): ContactRow {
  const id = spec.id ?? `c${++sequence}`;
  const state = spec.state ?? 'none';
  const expiresAt = state === 'none' ? null : (spec.expiresAt ?? T0 + 3 * HOUR);
  const window: CareWindow = {
    state,
    openedAt: expiresAt === null ? null : expiresAt - DAY,
    expiresAt,
    nextChangeAt: state === 'open' || state === 'closing' ? expiresAt : null,
    followUp:
      spec.followUp ??
      (state === 'closed' || state === 'none' ? 'ready' : state === 'awaiting-reply' ? 'sent' : 'not-needed'),
    followUpSentAt: spec.followUpSentAt ?? (state === 'awaiting-reply' ? T0 - HOUR : null),
  };
  const lastAt = expiresAt === null ? null : expiresAt - DAY;
  return {
    contact: {
      id,
      name: spec.name,
      phone: spec.phone ?? `+3161234${String(1000 + sequence).slice(-4)}`,
      notes: spec.notes ?? '',
      fields: spec.fields ?? {},
      optIn: { status: 'opted-in', at: T0 - 30 * DAY, source: 'in-store', proof: '', ...spec.optIn },
      optInHistory: [],
      optInRequestedAt: null,
      muted: false,
      createdAt: T0 - 60 * DAY,
      updatedAt: T0 - 60 * DAY,
    },
    activity: {
      lastInboundAt: lastAt,
      lastOutboundAt: null,
      lastFollowUpAt: null,
      lastMessage:
        lastAt === null
          ? null
          : { text: spec.lastText ?? 'Hello!', at: lastAt, direction: spec.lastDirection ?? 'inbound' },
      messageCount: lastAt === null ? 0 : 1,
    },
    window,
  };
}

export function makeMessage(spec: Partial<Message> & { contactId: string; at: number }): Message {
  return {
    id: spec.id ?? `m${++sequence}`,
    direction: 'inbound',
    kind: 'text',
    text: 'Hello',
    status: 'received',
    providerId: null,
    followUp: false,
    template: null,
    error: null,
    consent: null,
    ...spec,
  };
}

export interface Call {
  method: string;
  args: unknown[];
}

type Listener = (payload: unknown) => void;

/** What the renderer may send as a contact draft (before the main process applies defaults). */
type DraftInput = Parameters<BridgeApi['contacts']['create']>[0];

/**
 * An in-memory stand-in for `window.careWindow`: answers every call of the contract from its own
 * rows and messages, records the calls, can be told to fail a call with an AppError envelope, and lets
 * a test push events as the main process would.
 */
export class FakeBridge {
  rows = new Map<string, ContactRow>();
  messages = new Map<string, Message[]>();
  settings: Settings = { ...DEFAULT_SETTINGS, timeZone: 'Europe/Amsterdam', locale: 'en-GB' };
  workspace: WorkspaceInfo = {
    kind: 'real',
    dataDir: '/home/owner/.config/CareWindow/workspace',
    accountConfigured: true,
    problems: [],
  };
  /** Main's clock. */
  now = T0;
  readonly calls: Call[] = [];
  private readonly failures = new Map<string, AppErrorShape[]>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private ids = 0;

  constructor(rows: ContactRow[] = []) {
    for (const row of rows) this.rows.set(row.contact.id, row);
  }

  /** The arguments of every call to `method` ("contacts.create"), oldest first. */
  callsTo(method: string): unknown[][] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }

  /** Makes the next `times` calls to `method` answer `{ ok: false, error }`. */
  fail(method: string, error: AppErrorShape, times = 1): void {
    this.failures.set(method, [
      ...(this.failures.get(method) ?? []),
      ...Array<AppErrorShape>(times).fill(error),
    ]);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  /** Moves main's clock and tells the renderer, as the preview host does. */
  moveClock(to: number): void {
    this.now = to;
    this.emit('clock:changed', { now: to });
  }

  addMessages(...messages: Message[]): void {
    for (const message of messages) {
      const list = this.messages.get(message.contactId) ?? [];
      list.push(message);
      list.sort((a, b) => a.at - b.at);
      this.messages.set(message.contactId, list);
    }
  }

  listenerCount(event: EventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  private handle<A extends unknown[], R>(method: string, fn: (...args: A) => R) {
    return (...args: A): Promise<Envelope<R>> => {
      this.calls.push({ method, args });
      const queued = this.failures.get(method);
      const error = queued?.shift();
      if (error) return Promise.resolve({ ok: false, error });
      try {
        return Promise.resolve({ ok: true, value: fn(...args) });
      } catch (caught) {
        return Promise.resolve({
          ok: false,
          error: { code: 'internal', message: caught instanceof Error ? caught.message : String(caught) },
        });
      }
    };
  }

  private rowOf(id: string): ContactRow {
    const row = this.rows.get(id);
    if (!row) throw new Error(`No contact ${id}`);
    return row;
  }

  private contactFrom(draft: DraftInput) {
    return {
      name: draft.name.trim(),
      phone: draft.phone.replace(/[^\d+]/g, ''),
      notes: draft.notes ?? '',
      fields: draft.fields ?? {},
      optIn: {
        status: draft.optIn.status,
        at: draft.optIn.at,
        source: draft.optIn.source,
        proof: draft.optIn.proof ?? '',
      },
    };
  }

  readonly bridge: BridgeApi = {
    contacts: {
      list: this.handle('contacts.list', () => [...this.rows.values()]),
      get: this.handle('contacts.get', (id: string) => this.rowOf(id)),
      create: this.handle('contacts.create', (draft: DraftInput) => {
        const base = makeRow({ id: `new${++this.ids}`, name: draft.name });
        const row: ContactRow = { ...base, contact: { ...base.contact, ...this.contactFrom(draft) } };
        this.rows.set(row.contact.id, row);
        return row;
      }),
      update: this.handle('contacts.update', (id: string, draft: DraftInput) => {
        const old = this.rowOf(id);
        const row: ContactRow = { ...old, contact: { ...old.contact, ...this.contactFrom(draft) } };
        this.rows.set(id, row);
        return row;
      }),
    },
    conversation: {
      history: this.handle(
        'conversation.history',
        (id: string, query: { before?: number | undefined; limit?: number | undefined }) => {
          const all = (this.messages.get(id) ?? []).filter(
            (m) => query.before === undefined || m.at < query.before,
          );
          const limit = query.limit ?? 200;
          return { messages: all.slice(-limit), hasMore: all.length > limit };
        },
      ),
      sendText: this.handle('conversation.sendText', (id: string, text: string) => {
        const message = makeMessage({
          id: `sent${++this.ids}`,
          contactId: id,
          at: this.now,
          direction: 'outbound',
          text,
          status: 'sent',
        });
        this.addMessages(message);
        return message;
      }),
    },
    settings: {
      get: this.handle('settings.get', () => this.settings),
      update: this.handle('settings.update', (patch: Partial<Settings>) => {
        this.settings = { ...this.settings, ...patch };
        return this.settings;
      }),
    },
    workspace: {
      info: this.handle('workspace.info', () => this.workspace),
      startReal: this.handle('workspace.startReal', () => {
        this.workspace = { ...this.workspace, kind: 'real', accountConfigured: false };
        this.rows.clear();
        return this.workspace;
      }),
      openDemo: this.handle('workspace.openDemo', () => {
        this.workspace = { ...this.workspace, kind: 'demo' };
        return this.workspace;
      }),
      dismissProblems: this.handle('workspace.dismissProblems', () => {
        this.workspace = { ...this.workspace, problems: [] };
        return this.workspace;
      }),
    },
    demo: {
      simulateInbound: this.handle('demo.simulateInbound', (id: string, text?: string) => {
        const message = makeMessage({
          id: `sim${++this.ids}`,
          contactId: id,
          at: this.now,
          text: text ?? 'Is the blue one back in stock?',
        });
        this.addMessages(message);
        return message;
      }),
    },
    clock: {
      now: this.handle('clock.now', () => this.now),
    },
    on: (event, listener) => {
      const set = this.listeners.get(event) ?? new Set<Listener>();
      const wrapped = listener as Listener;
      set.add(wrapped);
      this.listeners.set(event, set);
      return () => set.delete(wrapped);
    },
  };
}
