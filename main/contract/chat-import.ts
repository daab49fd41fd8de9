import { z } from 'zod';
import { MessageMedia } from './message';
import { Id, Timestamp } from './primitives';

/**
 * Importing a WhatsApp chat export (the `.txt`, or the `.zip` with media): a preview first, then apply
 * whole or not at all, then undo. Imported messages are history only (Message.imported).
 */

/** The biggest export accepted: 50 MB, enough for years of text and a few hundred photos. */
export const MAX_CHAT_EXPORT_BYTES = 50 * 1024 * 1024;
/** The same cap as base64 (4 characters per 3 bytes). */
const MAX_BASE64 = Math.ceil(MAX_CHAT_EXPORT_BYTES / 3) * 4;
const TOO_BIG = 'This file is bigger than 50 MB. Export the chat “Without media” and import that file.';

export const DateOrder = z.enum(['DMY', 'MDY', 'YMD']);
export type DateOrder = z.infer<typeof DateOrder>;

export const ChatExportRequest = z
  .object({
    fileName: z.string().max(300),
    /** The file's bytes (a .txt or a .zip), base64; or `text` for a .txt already read as text. */
    bytesBase64: z.string().max(MAX_BASE64, TOO_BIG).optional(),
    text: z.string().max(MAX_CHAT_EXPORT_BYTES, TOO_BIG).optional(),
    /** The zone the phone's times are read in; the owner's own zone when absent. */
    timeZone: z.string().min(1).max(64).optional(),
    /** The owner's answer when the file cannot tell 03/04 as 3 April from 4 March. */
    dateOrder: DateOrder.optional(),
    /** Which participant is the shop, as printed in the file. */
    shopParticipant: z.string().max(200).optional(),
    /** Import into this contact (from its conversation menu) instead of matching one. */
    contactId: Id.optional(),
    /** The customer's WhatsApp number, when the file names them only by a saved name. */
    phone: z.string().max(40).optional(),
  })
  .refine((r) => (r.bytesBase64 === undefined) !== (r.text === undefined), {
    message: 'Send the file either as bytes or as text.',
  });
export type ChatExportRequest = z.input<typeof ChatExportRequest>;

export const ChatImportContact = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('matched'), contactId: Id, name: z.string(), phone: z.string() }),
  z.object({ kind: z.literal('new'), name: z.string(), phone: z.string() }),
  /** The file names the customer only by a name the app does not know: the owner gives the number. */
  z.object({ kind: z.literal('needs-phone'), name: z.string() }),
]);
export type ChatImportContact = z.infer<typeof ChatImportContact>;

export const ChatImportProblem = z.object({ line: z.number().int(), reason: z.string() });
export type ChatImportProblem = z.infer<typeof ChatImportProblem>;

export const ChatImportPreview = z.object({
  previewId: Id,
  fileName: z.string(),
  /** Everyone who wrote, as printed in the file. */
  participants: z.array(z.string()),
  /** The participant taken to be the shop; null when the owner must choose. */
  shopParticipant: z.string().nullable(),
  contact: ChatImportContact.nullable(),
  timeZone: z.string(),
  dateOrder: z.object({
    order: DateOrder,
    /** The file alone could not tell: the owner picks one of `readings` (each with the first date read so). */
    ambiguous: z.boolean(),
    readings: z.array(z.object({ order: DateOrder, firstAt: Timestamp.nullable() })),
  }),
  counts: z.object({
    /** Messages this import would add. */
    newMessages: z.number().int(),
    /** Messages already in the conversation (imported before): skipped. */
    duplicates: z.number().int(),
    fromCustomer: z.number().int(),
    fromShop: z.number().int(),
    /** WhatsApp's own notices (encryption, number changed): not imported. */
    notices: z.number().int(),
    /** Photos and files in the .zip that would be copied. */
    mediaFiles: z.number().int(),
  }),
  firstAt: Timestamp.nullable(),
  lastAt: Timestamp.nullable(),
  /** At most 200, by line; `problemCount` says how many there were. */
  problems: z.array(ChatImportProblem),
  problemCount: z.number().int(),
  /** Why Apply cannot run yet, in the owner's words; null when it can. */
  blocked: z.string().nullable(),
  /** Sample messages (the first few) as they would be shown. */
  sample: z.array(
    z.object({
      at: Timestamp,
      direction: z.enum(['inbound', 'outbound']),
      text: z.string(),
      media: MessageMedia.nullable(),
    }),
  ),
});
export type ChatImportPreview = z.infer<typeof ChatImportPreview>;

export const ChatImportDone = z.object({
  importId: Id,
  contactId: Id,
  added: z.number().int(),
  duplicates: z.number().int(),
  createdContact: z.boolean(),
});
export type ChatImportDone = z.infer<typeof ChatImportDone>;

export const ChatImportUndone = z.object({
  importId: Id,
  removedMessages: z.number().int(),
  removedContact: z.boolean(),
});
export type ChatImportUndone = z.infer<typeof ChatImportUndone>;
