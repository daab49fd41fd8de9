import type { ChatImportPreview } from '../contract/chat-import';
import type { DateOrder } from '../domain/chat-export/date-order';
import { parseChatExport, type ParsedChatExport } from '../domain/chat-export/parse';
import type { contactFor } from './chat-import-plan';

/** What a chat-import preview asks the owner before Apply can run. */

/** Why the owner must answer something before Apply, in their words; null when nothing is missing. */
export function blockedBecause(
  parsed: ParsedChatExport,
  shop: string | null,
  customer: string | null,
  target: ReturnType<typeof contactFor> | null,
  dateOrder: DateOrder | undefined,
): string | null {
  const { participants } = parsed;
  if (parsed.messages.length === 0) return 'There are no messages to import in this file.';
  if (participants.length > 2) {
    return `This looks like a group chat (${String(participants.length)} people wrote). Only a chat with one customer can be imported.`;
  }
  // With one participant there is no choice to make: they are the customer unless the owner says otherwise.
  if (participants.length === 2 && (shop === null || !participants.includes(shop))) {
    return 'Choose which of the two is you (the shop).';
  }
  if (customer === null || target === null)
    return 'Only the shop wrote in this chat: there is no customer to import it for.';
  if (target.kind === 'invalid-phone') return target.reason;
  if (target.kind === 'needs-phone')
    return `Enter ${target.name}’s WhatsApp number, so the chat can be saved with the right contact.`;
  if (parsed.dateOrder.ambiguous && dateOrder === undefined) {
    return 'Choose how the dates in this file are written: the file itself cannot tell.';
  }
  return null;
}

/** For an ambiguous file: each reading with the first date it gives, so the owner can tell which is right. */
export function readingsOf(
  parsed: ParsedChatExport,
  text: string,
  timeZone: string,
): ChatImportPreview['dateOrder']['readings'] {
  if (!parsed.dateOrder.ambiguous) return [];
  return parsed.dateOrder.readings.map((order) => ({
    order,
    firstAt:
      order === parsed.dateOrder.order
        ? (parsed.messages[0]?.at ?? null)
        : (parseChatExport(text, { timeZone, dateOrder: order }).messages[0]?.at ?? null),
  }));
}
