import { z } from 'zod';
import { Attachment, AttachmentChunk, AttachmentStart, MediaSendRequest } from './attachments';
import { Id, LocationLink, MAX_MESSAGE_LENGTH, Message, Timestamp } from './model';
import { call } from './call';

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

/** One conversation: its history in pages, what the owner sends in it, and files added in the composer. */
export const conversationCalls = {
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
} as const;
