import { createHash } from 'node:crypto';
import type { ChatImportContact } from '../contract/chat-import';
import { MAX_MESSAGE_LENGTH, type Contact, type Message, type MessageMedia } from '../contract/model';
import type { ChatExportMessage, ChatExportProblem } from '../domain/chat-export/parse';
import { plainName } from '../domain/chat-export/header';
import { formatPhone, normalizePhone } from '../domain/phone';
import type { WorkspaceStore } from '../store/workspace-store';

/**
 * The decisions of a chat import that need the workspace: who is the shop, which contact the customer
 * is, and the messages as they would be stored, each with an id that is the same every time the same
 * export is read (so importing twice adds nothing twice).
 */

/** Phones print numbers with odd dashes (U+2010–U+2015, U+2212) and spaces; the number reader wants plain ones. */
const ODD_DASHES = /[\u2010-\u2015\u2212\u00a0\u202f]/gu;

/** The customer's number when the file names them by number ("+31 6‑1234‑5678"), else null. */
export function phoneOf(author: string, region: string | null): string | null {
  const text = plainName(author).replace(ODD_DASHES, (c) => (c === '\u00a0' || c === '\u202f' ? ' ' : '-'));
  if (!/^\+?[\d\s\-().]{6,}$/.test(text)) return null;
  const result = normalizePhone(text, region);
  return result.ok ? result.e164 : null;
}

/** The saved contact this author is: by number, else by the one contact with exactly this name. */
export function matchContact(store: WorkspaceStore, author: string, region: string | null): Contact | null {
  const phone = phoneOf(author, region);
  if (phone !== null) return store.contactByPhone(phone) ?? null;
  const name = plainName(author).toLocaleLowerCase();
  const named = store.contacts().filter((c) => c.name.trim().toLocaleLowerCase() === name);
  return named.length === 1 ? (named[0] ?? null) : null;
}

/**
 * Which participant is the shop when the owner has not said: the other one of a customer the app knows,
 * else the one who is not a bare number (the owner's phone shows the owner by name, and a customer
 * not in the phone's address book by number). Null when nothing tells them apart.
 */
export function guessShop(
  store: WorkspaceStore,
  participants: readonly string[],
  region: string | null,
  contactId: string | undefined,
): string | null {
  if (participants.length !== 2) return null;
  const [a, b] = participants as [string, string];
  const known = (p: string): boolean => {
    const match = matchContact(store, p, region);
    return match !== null && (contactId === undefined || match.id === contactId);
  };
  if (known(a) !== known(b)) return known(a) ? b : a;
  const number = (p: string): boolean => phoneOf(p, region) !== null;
  if (number(a) !== number(b)) return number(a) ? b : a;
  return null;
}

/** The contact the import goes to, as the preview states it. */
export function contactFor(
  store: WorkspaceStore,
  customer: string,
  options: { region: string | null; contactId?: string; phone?: string },
): ChatImportContact | { kind: 'invalid-phone'; reason: string } {
  const chosen = options.contactId === undefined ? undefined : store.contact(options.contactId);
  const matched = chosen ?? matchContact(store, customer, options.region);
  if (matched) return { kind: 'matched', contactId: matched.id, name: matched.name, phone: matched.phone };
  const name = plainName(customer).slice(0, 120) || 'Imported chat';
  const printed = phoneOf(customer, options.region);
  // A customer the phone knew only by number is named by the number, written the usual way.
  if (printed !== null) return { kind: 'new', name: formatPhone(printed), phone: printed };
  if (options.phone === undefined || options.phone.trim() === '') return { kind: 'needs-phone', name };
  const typed = normalizePhone(options.phone, options.region);
  if (!typed.ok) return { kind: 'invalid-phone', reason: typed.reason };
  const owner = store.contactByPhone(typed.e164);
  if (owner) return { kind: 'matched', contactId: owner.id, name: owner.name, phone: owner.phone };
  return { kind: 'new', name, phone: typed.e164 };
}

export interface PlannedMessages {
  messages: Message[];
  /** Files the messages name, by name, that the .zip holds. */
  mediaNames: Set<string>;
  notices: number;
  problems: ChatExportProblem[];
}

/**
 * A stable id: the same export gives the same ids, so importing it twice adds nothing twice. It hashes
 * (contact, time, author, text, how many identical messages came before), after the message's position
 * among those printed at the same minute: a history orders messages of one instant by id, and an export
 * shows at most minutes, so that prefix keeps them in the order the chat had.
 */
function importedId(key: string, repeat: number, position: number): string {
  const hash = createHash('sha256')
    .update(`${key}\u0000${String(repeat)}`)
    .digest('hex')
    .slice(0, 40);
  return `imp-${String(position).padStart(5, '0')}-${hash}`;
}

/** The parsed messages as they would be stored. */
export function plannedMessages(
  parsed: readonly ChatExportMessage[],
  context: {
    contactId: string;
    shop: string;
    importId: string;
    mediaPath: (fileName: string) => string;
    media: ReadonlyMap<string, Uint8Array>;
  },
): PlannedMessages {
  const messages: Message[] = [];
  const mediaNames = new Set<string>();
  const problems: ChatExportProblem[] = [];
  const repeats = new Map<string, number>();
  const sameTime = new Map<number, number>();
  let notices = 0;
  for (const item of parsed) {
    if (item.system || item.author === null) {
      notices++;
      continue;
    }
    let text = item.text;
    if (text.length > MAX_MESSAGE_LENGTH) {
      problems.push({
        line: item.line,
        reason: `This message is longer than ${String(MAX_MESSAGE_LENGTH)} characters; only its start is imported.`,
      });
      text = text.slice(0, MAX_MESSAGE_LENGTH);
    }
    const key = `${context.contactId}\u0000${String(item.at)}\u0000${item.author}\u0000${item.text}`;
    const repeat = repeats.get(key) ?? 0;
    repeats.set(key, repeat + 1);
    const position = sameTime.get(item.at) ?? 0;
    sameTime.set(item.at, position + 1);
    const fileName = item.media?.fileName ?? null;
    const inZip = fileName !== null && context.media.has(fileName);
    if (inZip) mediaNames.add(fileName);
    const media: MessageMedia | null = item.media
      ? { kind: item.media.kind, fileName, file: inZip ? context.mediaPath(fileName) : null }
      : null;
    const inbound = item.author !== context.shop;
    messages.push({
      id: importedId(key, repeat, position),
      contactId: context.contactId,
      direction: inbound ? 'inbound' : 'outbound',
      kind: 'text',
      text,
      at: item.at,
      status: inbound ? 'received' : 'sent',
      providerId: null,
      followUp: false,
      template: null,
      error: null,
      consent: null,
      imported: { importId: context.importId },
      ...(media ? { media } : {}),
    });
  }
  return { messages, mediaNames, notices, problems };
}
