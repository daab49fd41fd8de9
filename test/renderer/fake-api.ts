import type { AppErrorShape, Envelope } from '../../main/contract/errors';
import type { BridgeApi, EventName, EventPayload } from '../../main/contract/ipc';
import {
  DEFAULT_SETTINGS,
  type AppNotification,
  type CareWindow,
  type ContactRow,
  type FollowUpPreview,
  type FollowUpStatus,
  type Message,
  type NotificationCentre,
  type OptIn,
  type Reminder,
  type Settings,
  type Template,
  type WindowState,
  type WorkspaceInfo,
} from '../../main/contract/model';
import { previewFor } from './fake-follow-ups';

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
  muted?: boolean;
  optInRequestedAt?: number | null;
  optInHistory?: ContactRow['contact']['optInHistory'];
  nextReminder?: ContactRow['nextReminder'];
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
      optInHistory: spec.optInHistory ?? [],
      optInRequestedAt: spec.optInRequestedAt ?? null,
      muted: spec.muted ?? false,
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
    nextReminder: spec.nextReminder ?? null,
  };
}

export function makeNotification(
  spec: Partial<AppNotification> & { id: string; contactIds: string[] },
): AppNotification {
  return {
    at: T0,
    kind: 'reminder',
    title: 'A window closes soon',
    body: 'Reply before it closes.',
    reminderIds: [],
    read: false,
    ...spec,
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
type TemplateDraftInput = Parameters<BridgeApi['templates']['save']>[0];

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
  templates: Template[] = [];
  reminders: Reminder[] = [];
  notificationCentre: NotificationCentre = {
    notifications: [],
    unread: 0,
    badge: 0,
    desktop: { supported: true, reason: null },
  };
  /** Overrides the built-in follow-up rules for one contact (see fake-follow-ups.ts). */
  previews = new Map<string, (templateId: string | undefined) => FollowUpPreview>();
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
      list.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      this.messages.set(message.contactId, list);
    }
  }

  listenerCount(event: EventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  /** Sets the notifications and recounts the unread ones. */
  setNotifications(notifications: AppNotification[], extra: Partial<NotificationCentre> = {}): void {
    this.notificationCentre = {
      ...this.notificationCentre,
      ...extra,
      notifications,
      unread: notifications.filter((n) => !n.read).length,
    };
  }

  private putRow(row: ContactRow): ContactRow {
    this.rows.set(row.contact.id, row);
    this.emit('contacts:changed', { rows: [row] });
    return row;
  }

  private preview(contactId: string, templateId?: string): FollowUpPreview {
    const custom = this.previews.get(contactId);
    if (custom) return custom(templateId);
    const id = templateId ?? this.settings.defaultTemplateId;
    const template = this.templates.find((t) => t.id === id) ?? null;
    return previewFor(this.rowOf(contactId), template);
  }

  private followUp(contactId: string, templateId: string): Message {
    const preview = this.preview(contactId, templateId);
    if (!preview.allowed) throw new Error(preview.refusal?.message ?? 'Not allowed.');
    const template = this.templates.find((t) => t.id === templateId);
    const message = makeMessage({
      id: `follow${++this.ids}`,
      contactId,
      at: this.now,
      direction: 'outbound',
      kind: 'template',
      text: preview.text ?? '',
      status: 'sent',
      followUp: true,
      template: template ? { name: template.name, language: template.language } : null,
    });
    this.addMessages(message);
    const row = this.rowOf(contactId);
    this.putRow({
      ...row,
      window: {
        ...row.window,
        state: 'awaiting-reply',
        followUp: 'sent',
        followUpSentAt: this.now,
        nextChangeAt: null,
      },
    });
    return message;
  }

  private saveTemplate(draft: TemplateDraftInput, id?: string): Template {
    const old = this.templates.find((t) => t.id === id);
    const template: Template = {
      id: id ?? `t${++this.ids}`,
      name: draft.name,
      language: draft.language,
      category: draft.category,
      status: draft.status,
      body: draft.body,
      header: draft.header ?? null,
      footer: draft.footer ?? null,
      buttons: draft.buttons ?? [],
      mapping: draft.mapping ?? {},
      createdAt: old?.createdAt ?? this.now,
      updatedAt: this.now,
    };
    this.templates = old
      ? this.templates.map((t) => (t.id === id ? template : t))
      : [...this.templates, template];
    return template;
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
      update: this.handle('contacts.update', (id: string, draft: DraftInput, _openedAt?: number) => {
        const old = this.rowOf(id);
        const row: ContactRow = { ...old, contact: { ...old.contact, ...this.contactFrom(draft) } };
        this.rows.set(id, row);
        return row;
      }),
      setMuted: this.handle('contacts.setMuted', (id: string, muted: boolean) => {
        const old = this.rowOf(id);
        return this.putRow({
          ...old,
          contact: { ...old.contact, muted },
          nextReminder: muted ? null : old.nextReminder,
        });
      }),
      confirmOptIn: this.handle('contacts.confirmOptIn', (id: string) => {
        const old = this.rowOf(id);
        const optIn = {
          status: 'opted-in' as const,
          at: this.now,
          source: 'whatsapp' as const,
          proof: 'Wrote START',
        };
        const event = {
          at: this.now,
          status: 'opted-in' as const,
          source: 'whatsapp' as const,
          by: 'owner' as const,
          note: '',
        };
        return this.putRow({
          ...old,
          contact: {
            ...old.contact,
            optIn,
            optInRequestedAt: null,
            optInHistory: [...old.contact.optInHistory, event],
          },
          window: old.window.followUp === 'opted-out' ? { ...old.window, followUp: 'ready' } : old.window,
        });
      }),
    },
    conversation: {
      history: this.handle(
        'conversation.history',
        (
          id: string,
          query: { before?: number | undefined; beforeId?: string | undefined; limit?: number | undefined },
        ) => {
          // As main pages: before the position (before, beforeId) in (at, id) order; by time alone without an id.
          const { before, beforeId } = query;
          const all = (this.messages.get(id) ?? []).filter(
            (m) =>
              before === undefined ||
              m.at < before ||
              (beforeId !== undefined && m.at === before && m.id < beforeId),
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
      sendTemplate: this.handle('conversation.sendTemplate', (id: string, templateId: string) => {
        const template = this.templates.find((t) => t.id === templateId);
        const message = makeMessage({
          id: `tpl${++this.ids}`,
          contactId: id,
          at: this.now,
          direction: 'outbound',
          kind: 'template',
          text: this.preview(id, templateId).text ?? '',
          status: 'sent',
          template: template ? { name: template.name, language: template.language } : null,
        });
        this.addMessages(message);
        return message;
      }),
    },
    templates: {
      list: this.handle('templates.list', () => this.templates),
      save: this.handle('templates.save', (draft: TemplateDraftInput, id?: string) =>
        this.saveTemplate(draft, id),
      ),
      remove: this.handle('templates.remove', (id: string) => {
        this.templates = this.templates.filter((t) => t.id !== id);
        return null;
      }),
    },
    followUps: {
      preview: this.handle('followUps.preview', (id: string, templateId?: string) =>
        this.preview(id, templateId),
      ),
      send: this.handle('followUps.send', (id: string, templateId: string) => this.followUp(id, templateId)),
      overview: this.handle('followUps.overview', () => {
        const closed = [...this.rows.values()].filter(
          (row) => row.window.state === 'closed' || row.window.state === 'awaiting-reply',
        );
        const all = closed.map((row) => ({ row, preview: this.preview(row.contact.id) }));
        return {
          eligible: all.filter((e) => e.preview.allowed),
          blocked: all.filter((e) => !e.preview.allowed),
        };
      }),
      sendAll: this.handle('followUps.sendAll', (items: Array<{ contactId: string; templateId: string }>) =>
        items.map(({ contactId, templateId }) => {
          const name = this.rowOf(contactId).contact.name;
          try {
            this.followUp(contactId, templateId);
            return { contactId, name, ok: true, message: 'Sent.' };
          } catch (error) {
            return {
              contactId,
              name,
              ok: false,
              message: error instanceof Error ? error.message : String(error),
            };
          }
        }),
      ),
    },
    reminders: {
      upcoming: this.handle('reminders.upcoming', () => this.reminders),
      snooze: this.handle('reminders.snooze', (_id: string, _how: '10-minutes' | 'next-lead') => null),
    },
    notifications: {
      centre: this.handle('notifications.centre', () => this.notificationCentre),
      markRead: this.handle('notifications.markRead', (ids: string[]) => {
        this.setNotifications(
          this.notificationCentre.notifications.map((n) => (ids.includes(n.id) ? { ...n, read: true } : n)),
        );
        return this.notificationCentre;
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
