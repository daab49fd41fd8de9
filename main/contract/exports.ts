import { z } from 'zod';

/** A file the renderer offers as a download: its suggested name, type and text. */
export const ExportFile = z.object({
  fileName: z.string(),
  mimeType: z.enum(['text/csv', 'text/html', 'application/json']),
  text: z.string(),
});
export type ExportFile = z.infer<typeof ExportFile>;

export const ConversationFormat = z.enum(['html', 'json']);
export type ConversationFormat = z.infer<typeof ConversationFormat>;

/** What deleting a contact removes, said before the owner confirms. */
export const RemovalSummary = z.object({
  contactId: z.string(),
  name: z.string(),
  phone: z.string(),
  messages: z.number().int(),
  photos: z.number().int(),
  optInEvents: z.number().int(),
  templateSends: z.number().int(),
});
export type RemovalSummary = z.infer<typeof RemovalSummary>;
