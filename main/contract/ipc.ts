import { z } from 'zod';
import type { Envelope } from './errors';
import {
  ContactDraft,
  ContactRow,
  FollowUpOverview,
  FollowUpPreview,
  FollowUpResult,
  Id,
  MAX_MESSAGE_LENGTH,
  Message,
  NotificationCentre,
  Reminder,
  Settings,
  SettingsPatch,
  Template,
  TemplateDraft,
  Timestamp,
  WorkspaceInfo,
} from './model';

/**
 * The one IPC contract. Every call the renderer can make and every event the main process can push is
 * declared here, with zod schemas that the main process checks before a handler runs. The preload, the
 * preview bridge and the handler registry are all derived from these tables, so a channel cannot exist
 * on one side only. Channel names are `area:method`.
 */

const call = <A extends z.ZodTuple, R extends z.ZodType>(args: A, result: R) => ({ args, result });

const HistoryPage = z.object({ messages: z.array(Message), hasMore: z.boolean() });
export type HistoryPage = z.infer<typeof HistoryPage>;

const HistoryQuery = z.object({
  /** Only messages strictly older than this; omitted for the newest page. */
  before: Timestamp.optional(),
  /**
   * With `before`: only messages strictly before the position (`before`, `beforeId`) in the history's
   * order (time, then id), so messages sharing a millisecond at a page boundary are neither lost nor
   * repeated. Pass the oldest message shown (its `at` and `id`). Ignored without `before`.
   */
  beforeId: Id.optional(),
  limit: z.number().int().min(1).max(500).default(200),
});

export const calls = {
  contacts: {
    list: call(z.tuple([]), z.array(ContactRow)),
    get: call(z.tuple([Id]), ContactRow),
    create: call(z.tuple([ContactDraft]), ContactRow),
    /** The third argument is the contact's updatedAt when the form was opened: a stale edit is refused. */
    update: call(z.tuple([Id, ContactDraft, Timestamp.optional()]), ContactRow),
    /** Mute or unmute reminders for one contact. */
    setMuted: call(z.tuple([Id, z.boolean()]), ContactRow),
    /** The owner confirms a customer's START: templates may be sent again. */
    confirmOptIn: call(z.tuple([Id]), ContactRow),
  },
  conversation: {
    history: call(z.tuple([Id, HistoryQuery]), HistoryPage),
    sendText: call(
      z.tuple([
        Id,
        z
          .string()
          .trim()
          .min(1, 'Type a message first.')
          .max(MAX_MESSAGE_LENGTH, `WhatsApp messages are limited to ${MAX_MESSAGE_LENGTH} characters.`),
      ]),
      Message,
    ),
    /** A template inside an open window (not the follow-up). */
    sendTemplate: call(z.tuple([Id, Id]), Message),
  },
  templates: {
    list: call(z.tuple([]), z.array(Template)),
    /** Creates (no id) or replaces a template; refused with the exact position or field when invalid. */
    save: call(z.tuple([TemplateDraft, Id.optional()]), Template),
    remove: call(z.tuple([Id]), z.null()),
  },
  followUps: {
    /** What one click would send to this contact (default template unless one is named), and whether it may. */
    preview: call(z.tuple([Id, Id.optional()]), FollowUpPreview),
    send: call(z.tuple([Id, Id]), Message),
    /** Every closed window: the ones that can get a follow-up, and the ones that cannot with why. */
    overview: call(z.tuple([]), FollowUpOverview),
    sendAll: call(
      z.tuple([z.array(z.object({ contactId: Id, templateId: Id })).max(10_000)]),
      z.array(FollowUpResult),
    ),
  },
  reminders: {
    /** Reminders planned for the next 24 hours, in the order they fire. */
    upcoming: call(z.tuple([]), z.array(Reminder)),
    snooze: call(z.tuple([z.string().max(200), z.enum(['10-minutes', 'next-lead'])]), z.null()),
  },
  notifications: {
    centre: call(z.tuple([]), NotificationCentre),
    markRead: call(z.tuple([z.array(z.string().max(200)).max(1000)]), NotificationCentre),
  },
  settings: {
    get: call(z.tuple([]), Settings),
    update: call(z.tuple([SettingsPatch]), Settings),
  },
  workspace: {
    info: call(z.tuple([]), WorkspaceInfo),
    startReal: call(z.tuple([]), WorkspaceInfo),
    openDemo: call(z.tuple([]), WorkspaceInfo),
    dismissProblems: call(z.tuple([]), WorkspaceInfo),
  },
  demo: {
    simulateInbound: call(z.tuple([Id, z.string().max(MAX_MESSAGE_LENGTH).optional()]), Message),
  },
  clock: {
    now: call(z.tuple([]), Timestamp),
  },
} as const;

export const events = {
  /** Rows that were added or changed (a message, an edit, a window changing state on its own). */
  'contacts:changed': z.object({ rows: z.array(ContactRow) }),
  /** A message was added to a conversation or its delivery status changed. */
  'conversation:message': z.object({ message: Message }),
  /** The workspace was switched or reloaded: the renderer starts over from `contacts.list`. */
  'workspace:changed': WorkspaceInfo,
  'settings:changed': Settings,
  'templates:changed': z.object({ templates: z.array(Template) }),
  'notifications:changed': NotificationCentre,
  /** A notification was clicked: show one conversation, or the list filtered to these contacts. */
  'app:navigate': z.object({ contactIds: z.array(Id) }),
  /** The main process's clock jumped (tests and the preview host move it; so can the OS). */
  'clock:changed': z.object({ now: Timestamp }),
} as const;

type Calls = typeof calls;
export type Area = keyof Calls;
export type MethodOf<A extends Area> = keyof Calls[A] & string;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;

type CallDef = { args: z.ZodTuple; result: z.ZodType };
type ArgsOf<D> = D extends CallDef ? z.input<D['args']> : never;
type ParsedArgsOf<D> = D extends CallDef ? z.output<D['args']> : never;
type ResultOf<D> = D extends CallDef ? z.output<D['result']> : never;

type Subscribe = {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/**
 * What the preload exposes as `window.careWindow`. Calls resolve to an envelope, because an Error thrown
 * across Electron's context bridge arrives as bare text; the renderer unwraps it (`CareWindowApi`).
 */
export type BridgeApi = {
  [A in Area]: {
    [M in MethodOf<A>]: (...args: ArgsOf<Calls[A][M]>) => Promise<Envelope<ResultOf<Calls[A][M]>>>;
  };
} & Subscribe;

/** What the renderer's code uses: failed calls reject with an AppError. */
export type CareWindowApi = {
  [A in Area]: { [M in MethodOf<A>]: (...args: ArgsOf<Calls[A][M]>) => Promise<ResultOf<Calls[A][M]>> };
} & Subscribe;

/** What the main process implements: receives validated arguments. */
export type Handlers = {
  [A in Area]: {
    [M in MethodOf<A>]: (
      ...args: ParsedArgsOf<Calls[A][M]>
    ) => Promise<ResultOf<Calls[A][M]>> | ResultOf<Calls[A][M]>;
  };
};

export const channelName = (area: string, method: string): string => `${area}:${method}`;

/** Every call channel, as [area, method, channel name]. */
export const callChannels: ReadonlyArray<readonly [Area, string, string]> = Object.entries(calls).flatMap(
  ([area, methods]) =>
    Object.keys(methods).map((method) => [area as Area, method, channelName(area, method)] as const),
);

export const eventNames = Object.keys(events) as EventName[];

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}
