import { z } from 'zod';
import type { Envelope } from './errors';
import { channelName } from './channels';
import { AccountCredentials, AccountStatus, ConnectionTest } from './account';
import { CmCredentials } from './account-cm';
import { BackupFolderInput, BackupId, BackupOverview, BackupPreview } from './backups';
import { CostTerms, MAX_RATE_CARD_CSV, RateCardImport } from './costs';
import { MonthCosts, YearMonth } from './month-costs';
import { SearchQuery, SearchResults } from './search';
import { SampleChunk, SampleStart, StagedSample, TemplateSubmissionDraft } from './template-submission';
import { Attachment, AttachmentChunk, AttachmentStart, MediaSendRequest } from './attachments';
import { ContactsCsvPreview, ContactsCsvRequest, ImportDone, ImportUndone } from './contacts-csv';
import { ChatExportRequest, ChatImportDone, ChatImportPreview, ChatImportUndone } from './chat-import';
import { ConversationFormat, ExportFile, RemovalSummary } from './exports';
import { ContactPage, ContactPageQuery, FirstScreen, FirstScreenQuery } from './contact-pages';
import {
  AutoRepliesView,
  AutoReplySettings,
  QuickReply,
  QuickReplyDraft,
  ScheduledFollowUp,
} from './answer-faster';
import {
  ContactDraft,
  ContactRow,
  LabelChange,
  FollowUpBatch,
  FollowUpOverview,
  FollowUpPreview,
  FollowUpResult,
  Id,
  LocationLink,
  MAX_MESSAGE_LENGTH,
  Message,
  NotificationCentre,
  Reminder,
  Settings,
  SettingsPatch,
  Template,
  TemplateDraft,
  TemplateSyncSummary,
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

const HistoryPage = z.object({
  messages: z.array(Message),
  /** Older messages exist. */
  hasMore: z.boolean(),
  /** Newer messages exist (a page opened `around` a message or paged `after` one). */
  hasNewer: z.boolean().optional(),
});
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
  /** Only messages strictly newer than (`after`, `afterId`): paging down after a jump. */
  after: Timestamp.optional(),
  afterId: Id.optional(),
  /** A page centred on a message (`id`) or a moment: search hits, quoted replies, "jump to a date". */
  around: z.object({ at: Timestamp, id: Id.optional() }).optional(),
  limit: z.number().int().min(1).max(500).default(200),
});

export const calls = {
  contacts: {
    list: call(z.tuple([]), z.array(ContactRow)),
    /** The first screen: the counts and the first rows in list order, a payload that does not grow. */
    firstScreen: call(z.tuple([FirstScreenQuery]), FirstScreen),
    /** The rest of the list in chunks, in id order, streamed after the first paint. */
    page: call(z.tuple([ContactPageQuery]), ContactPage),
    get: call(z.tuple([Id]), ContactRow),
    create: call(z.tuple([ContactDraft]), ContactRow),
    /** The third argument is the contact's updatedAt when the form was opened: a stale edit is refused. */
    update: call(z.tuple([Id, ContactDraft, Timestamp.optional()]), ContactRow),
    /** Mute or unmute reminders for one contact. */
    setMuted: call(z.tuple([Id, z.boolean()]), ContactRow),
    /** The owner confirms a customer's START: templates may be sent again. */
    confirmOptIn: call(z.tuple([Id]), ContactRow),
    /** What deleting a contact would remove, for the confirmation. */
    removalSummary: call(z.tuple([Id]), RemovalSummary),
    /** Deletes a contact with all its data (a customer's right to be forgotten); `contacts:removed` follows. */
    remove: call(z.tuple([Id]), z.null()),
    /** The owner opened the conversation: its unread count goes to 0 (durably). */
    markRead: call(z.tuple([Id]), ContactRow),
    /** Puts labels on and takes them off several contacts in one write; returns the rows that changed. */
    applyLabels: call(z.tuple([LabelChange]), z.array(ContactRow)),
  },
  imports: {
    /** Reads a contacts CSV and says what importing it would do; writes nothing. */
    previewContactsCsv: call(z.tuple([ContactsCsvRequest]), ContactsCsvPreview),
    /** Applies a preview whole, in one write, or refuses with nothing written. */
    applyContactsCsv: call(z.tuple([Id]), ImportDone),
    /** Puts back what the last import changed, while nothing it touched has changed since. */
    undoContactsCsv: call(z.tuple([Id]), ImportUndone),
    /** Reads a WhatsApp chat export (.txt or .zip, at most 50 MB) and says what importing it would do. */
    previewChatExport: call(z.tuple([ChatExportRequest]), ChatImportPreview),
    /** Applies a chat-export preview whole (contact, media, messages), or refuses with nothing written. */
    applyChatExport: call(z.tuple([Id]), ChatImportDone),
    /** Removes exactly what one chat-export import added (this session's imports). */
    undoChatExport: call(z.tuple([Id]), ChatImportUndone),
  },
  exports: {
    /** Every contact as CSV (UTF-8 with BOM, so Excel opens it). */
    contactsCsv: call(z.tuple([]), ExportFile),
    conversation: call(z.tuple([Id, ConversationFormat]), ExportFile),
    allConversations: call(z.tuple([ConversationFormat]), ExportFile),
    /** Everything kept about one contact, as JSON (a customer's right of access). */
    contactData: call(z.tuple([Id]), ExportFile),
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
        /** The message this one quotes (a reply), if any. */
        Id.nullable().optional(),
      ]),
      Message,
    ),
    /** (contact, what) A photo, video, audio or document added in the composer, with its caption. */
    sendMedia: call(z.tuple([Id, MediaSendRequest]), Message),
    /** (contact, message, emoji) Reacts to a customer's message ('' removes it); that message as shown. */
    react: call(z.tuple([Id, Id, z.string().max(50)]), Message),
    /** A template inside an open window (not the follow-up). */
    sendTemplate: call(z.tuple([Id, Id]), Message),
    /** An unconfirmed message (WhatsApp never answered): the owner says it did reach the customer. */
    markSent: call(z.tuple([Id, Id]), Message),
    /**
     * An unconfirmed message: the owner checked it did not arrive, and sends it once more. A photo, video,
     * audio or document that failed: its file goes out again as a new message, which is the answer.
     */
    sendAgain: call(z.tuple([Id, Id]), Message),
    /** (contact, message) A media download that failed: try it again now; the message as it is after. */
    retryMedia: call(z.tuple([Id, Id]), Message),
    /** (contact, message) Opens the message's stored media file with the computer's default app. */
    openMedia: call(z.tuple([Id, Id]), z.null()),
    /** (contact, message) Asks where to save a copy of the media file; false when the owner cancelled. */
    saveMediaAs: call(z.tuple([Id, Id]), z.object({ saved: z.boolean() })),
    /** (contact, message, where) Opens the message's location in the maps site the owner chose. */
    openLocation: call(z.tuple([Id, Id, LocationLink]), z.null()),
  },
  /** Files being added in the composer: picked in main's dialog, or dropped and sent over in pieces. */
  attachments: {
    /** (contact) Main's open-file dialog; null when the owner cancelled. */
    pick: call(z.tuple([Id]), Attachment.nullable()),
    /** (contact, file) A dropped file is about to come; refused at once when WhatsApp would not take it. */
    begin: call(z.tuple([Id, AttachmentStart]), Attachment),
    chunk: call(z.tuple([AttachmentChunk]), z.object({ received: z.number().int().nonnegative() })),
    /** All pieces have come: checked, kept, and previewable. */
    finish: call(z.tuple([Id]), Attachment),
    discard: call(z.tuple([Id]), z.null()),
  },
  templates: {
    list: call(z.tuple([]), z.array(Template)),
    /** Creates (no id) or replaces a template; refused with the exact position or field when invalid. */
    save: call(z.tuple([TemplateDraft, Id.optional()]), Template),
    remove: call(z.tuple([Id]), z.null()),
    /** Fetches the connected account's templates into the library; says what changed. */
    sync: call(z.tuple([]), TemplateSyncSummary),
    /** Checks a new template against WhatsApp's rules, submits it for approval, keeps it as pending. */
    submit: call(z.tuple([TemplateSubmissionDraft]), Template),
    /** Starts receiving a header sample file (photo, video, PDF); refused when it cannot be a header. */
    stageSample: call(z.tuple([SampleStart]), StagedSample),
    /** One piece of a header sample, in order. */
    sampleChunk: call(z.tuple([SampleChunk]), StagedSample),
  },
  followUps: {
    /** What one click would send to this contact (default template unless one is named), and whether it may. */
    preview: call(z.tuple([Id, Id.optional()]), FollowUpPreview),
    send: call(z.tuple([Id, Id]), Message),
    /** Every closed window: the ones that can get a follow-up, and the ones that cannot with why. */
    overview: call(z.tuple([]), FollowUpOverview),
    sendAll: call(z.tuple([FollowUpBatch]), z.array(FollowUpResult)),
  },
  /** Saved answers inserted with `/` in the message box. */
  quickReplies: {
    list: call(z.tuple([]), z.array(QuickReply)),
    /** Creates (no id) or replaces a quick reply; a shortcut used by another one is refused. */
    save: call(z.tuple([QuickReplyDraft, Id.optional()]), QuickReply),
    remove: call(z.tuple([Id]), z.null()),
  },
  /** The automatic greeting and away message, with what WhatsApp bills for them. */
  autoReplies: {
    get: call(z.tuple([]), AutoRepliesView),
    update: call(z.tuple([AutoReplySettings]), AutoRepliesView),
  },
  /** Follow-ups the owner asked to send at a later moment (a window that closed at night). */
  scheduledFollowUps: {
    list: call(z.tuple([]), z.array(ScheduledFollowUp)),
    /** contact, template, when: replaces the contact's earlier one; refused when it could not be sent then. */
    schedule: call(z.tuple([Id, Id, Timestamp]), ScheduledFollowUp),
    cancel: call(z.tuple([Id]), z.null()),
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
  costs: {
    /** The owner's rate card and package allowance. */
    terms: call(z.tuple([]), CostTerms),
    /** Reads the CSV text of a rate card (Meta's, or one in its spirit) and saves it. */
    importRateCard: call(
      z.tuple([
        z
          .string()
          .min(1, 'The file is empty.')
          .max(
            MAX_RATE_CARD_CSV,
            'This file is too big to be a rate card: choose the CSV rate card from Meta’s pricing page.',
          ),
      ]),
      RateCardImport,
    ),
    clearRateCard: call(z.tuple([]), CostTerms),
    /** Messages the provider's package includes per month; null: no package. */
    setAllowance: call(z.tuple([CostTerms.shape.allowancePerMonth]), CostTerms),
    /** One month's sends as WhatsApp bills them ("2026-10", in the owner's time zone): the Costs view. */
    month: call(z.tuple([YearMonth]), MonthCosts),
  },
  workspace: {
    info: call(z.tuple([]), WorkspaceInfo),
    startReal: call(z.tuple([]), WorkspaceInfo),
    openDemo: call(z.tuple([]), WorkspaceInfo),
    dismissProblems: call(z.tuple([]), WorkspaceInfo),
  },
  account: {
    /** The connection of the owner's own workspace: never a token or app secret. */
    status: call(z.tuple([]), AccountStatus),
    /** Checks the credentials against the Graph API without saving anything. */
    test: call(z.tuple([AccountCredentials]), ConnectionTest),
    /** Tests, then keeps the secrets encrypted and starts the webhook receiver; refused with the reason. */
    connect: call(z.tuple([AccountCredentials]), AccountStatus),
    /** The same two for CM.com (contract/account-cm.ts): its product token, sender number and namespace. */
    testCm: call(z.tuple([CmCredentials]), ConnectionTest),
    connectCm: call(z.tuple([CmCredentials]), AccountStatus),
    /** Stops the receiver and wipes the stored secrets. */
    disconnect: call(z.tuple([]), AccountStatus),
  },
  demo: {
    simulateInbound: call(z.tuple([Id, z.string().max(MAX_MESSAGE_LENGTH).optional()]), Message),
  },
  clock: {
    now: call(z.tuple([]), Timestamp),
  },
  search: {
    /** Full-text search across every conversation, or within one (`contactId`); best hits first. */
    messages: call(z.tuple([SearchQuery]), SearchResults),
  },
  backups: {
    /** The backup folder, when the last backup was made, and the backups in it (newest first). */
    list: call(z.tuple([]), BackupOverview),
    /** "Back up now"; refused with the reason (a full or missing drive), nothing half-made is left. */
    create: call(z.tuple([]), BackupOverview),
    /** What a backup holds (its manifest) and whether every file still matches it. */
    preview: call(z.tuple([BackupId]), BackupPreview),
    /** Replaces the workspace with the backup; the current data is moved aside, never deleted. */
    restore: call(z.tuple([BackupId]), WorkspaceInfo),
    /** A full path typed by the owner, checked writable before it is kept; null: the default folder. */
    setFolder: call(z.tuple([BackupFolderInput]), BackupOverview),
  },
} as const;

export const events = {
  /** Rows that were added or changed (a message, an edit, a window changing state on its own). */
  'contacts:changed': z.object({ rows: z.array(ContactRow) }),
  /** Contacts deleted (or an import undone): every copy of them (the list, a search index) forgets them. */
  'contacts:removed': z.object({ contactIds: z.array(Id) }),
  /** A message was added to a conversation or its delivery status changed. */
  'conversation:message': z.object({ message: Message }),
  /** The workspace was switched or reloaded: the renderer starts over from `contacts.list`. */
  'workspace:changed': WorkspaceInfo,
  /** The account was connected or disconnected, or a webhook arrived ("last webhook received at"). */
  'account:changed': AccountStatus,
  'settings:changed': Settings,
  /** The rate card or the package allowance changed. */
  'costs:changed': CostTerms,
  'templates:changed': z.object({ templates: z.array(Template) }),
  'notifications:changed': NotificationCentre,
  /** A notification was clicked: show one conversation, or the list filtered to these contacts. */
  'app:navigate': z.object({ contactIds: z.array(Id) }),
  /** The main process's clock jumped (tests and the preview host move it; so can the OS). */
  'clock:changed': z.object({ now: Timestamp }),
  /** A backup was made, removed by the retention rule or restored, or the backup folder changed. */
  'backups:changed': BackupOverview,
  'quickReplies:changed': z.object({ replies: z.array(QuickReply) }),
  /** A follow-up was scheduled, cancelled, sent or dropped. */
  'scheduledFollowUps:changed': z.object({ scheduled: z.array(ScheduledFollowUp) }),
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

/** Every call channel, as [area, method, channel name]. */
export const callChannels: ReadonlyArray<readonly [Area, string, string]> = Object.entries(calls).flatMap(
  ([area, methods]) =>
    Object.keys(methods).map((method) => [area as Area, method, channelName(area, method)] as const),
);

// The names alone live in channels.ts (the preload's bundle has no zod); re-exported for main's code.
export { channelName, eventNames, isEventName } from './channels';
