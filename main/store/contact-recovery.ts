import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Contact, MAX_NAME_LENGTH, type DataProblem } from '../contract/model';
import { unconsentedContact } from '../domain/new-contact';
import type { ContactBook } from './contact-book';
import { ownerTime } from './corrupt-folder';
import type { ReadOutcome } from './durable-json-file';
import { logFileStem } from './log-file-name';
import { readHeader, type LogHeader } from './message-log';
import { isMissing, type StoreFs } from './store-fs';

export interface ContactRecoveryOptions {
  /** What reading contacts.json did. */
  readonly outcome: ReadOutcome;
  /** What reading contacts.json reported; replaced by a fuller account when contacts come back. */
  readonly problems: readonly DataProblem[];
  /** contacts.json itself. */
  readonly file: string;
  readonly book: ContactBook;
  readonly messagesDir: string;
  readonly fs: StoreFs;
  readonly now: () => number;
}

/** A history whose contact is not in the book. */
interface Orphan {
  /** `messages/<stem>.jsonl`, as the owner finds it in the folder. */
  readonly where: string;
  /** Undefined when neither the header nor the file name tells it (a hashed name without a header). */
  readonly id: string | undefined;
  readonly header: LogHeader | null;
}

const PLACEHOLDER_NAME = 'Recovered contact';
const HEADER_READS_AT_ONCE = 16;
/** Contacts or files named in the banner before "and N more": it is a notice, not a report. */
const LISTED = 5;

/**
 * After contacts.json came back from its backup, or not at all, some histories belong to no contact: the
 * contacts added (or all of them) since the backup. Each is given its contact back, with the number and name
 * from the damaged file when a whole record of it survived there, else from the history's header; consent is
 * never assumed. Then the owner is told exactly what was restored, what came back, and what may be missing.
 * Only runs after a damaged or missing contacts.json, so an ordinary start never lists the messages folder.
 */
export async function recoverContacts(options: ContactRecoveryOptions): Promise<DataProblem[]> {
  const { outcome, book } = options;
  if (outcome.kind !== 'restored' && outcome.kind !== 'emptied' && outcome.kind !== 'missing') {
    return [...options.problems];
  }
  const orphans = await findOrphans(options);
  if (outcome.kind === 'missing' && orphans.length === 0) return [...options.problems]; // a new workspace

  const movedTo = outcome.kind === 'missing' ? '' : outcome.movedTo;
  const salvaged = movedTo === '' ? new Map<string, Contact>() : await salvageFile(options.fs, movedTo);
  const phones = new Set(book.all().map((c) => c.phone));
  const rebuilt: Contact[] = [];
  const unmatched: string[] = [];
  for (const orphan of orphans) {
    const contact = rebuild(orphan, salvaged, options.now());
    if (contact === null || phones.has(contact.phone)) {
      unmatched.push(orphan.where);
    } else {
      rebuilt.push(contact);
      phones.add(contact.phone);
    }
  }

  const kept = book.all().length;
  let notSaved: string | null = null;
  try {
    await book.addAll(rebuilt);
  } catch (err) {
    notSaved = err instanceof Error ? err.message : String(err);
  }

  const sentences: string[] = [];
  if (outcome.kind === 'restored') {
    const at = ownerTime(outcome.backupSavedAt);
    sentences.push(`CareWindow restored the backup from ${at} (${count(kept, 'contact')}).`);
    if (rebuilt.length > 0) {
      sentences.push(
        rebuilt.length === 1
          ? `1 contact added after it was brought back from its message history: ${listed(rebuilt)}.`
          : `${rebuilt.length} contacts added after it were brought back from their message histories: ${listed(rebuilt)}.`,
      );
    }
    sentences.push(unmatchedWords(unmatched));
    sentences.push(
      `Changes to contacts made after ${at} (names, numbers, notes, opt-ins) may be missing: check the ` +
        'contacts you changed since then.',
    );
  } else {
    sentences.push(
      rebuilt.length > 0
        ? 'There was no good backup of it, so CareWindow rebuilt the list from your conversations.'
        : 'There was no good backup of it, so CareWindow started with an empty contact list.',
    );
    if (rebuilt.length > 0) {
      sentences.push(
        rebuilt.length === 1
          ? `1 contact was brought back from its message history: ${listed(rebuilt)}.`
          : `${rebuilt.length} contacts were brought back from their message histories: ${listed(rebuilt)}.`,
      );
    }
    sentences.push(unmatchedWords(unmatched));
    sentences.push(
      'No conversation was deleted. Contacts that never exchanged a message could not be brought back: ' +
        'add them again.',
    );
  }
  if (rebuilt.length > 0) {
    sentences.push(
      notSaved === null
        ? 'A contact brought back this way has no opt-in recorded: record the customer’s opt-in again ' +
            'before sending templates, and check the name.'
        : `But CareWindow could not save them (${notSaved}); their conversations stay in the messages ` +
            'folder.',
    );
  }

  const message =
    options.problems[0]?.message ??
    'Your contact list (contacts.json) was missing, and there was no backup of it.';
  return [{ file: options.file, movedTo, message, recovery: sentences.filter((s) => s !== '').join(' ') }];
}

/** Histories in messages/ whose contact the book does not have, each with its header (first bytes only). */
async function findOrphans(options: ContactRecoveryOptions): Promise<Orphan[]> {
  const known = new Set(options.book.all().map((c) => logFileStem(c.id)));
  let names: string[];
  try {
    names = await options.fs.readdir(options.messagesDir);
  } catch (err) {
    if (isMissing(err)) return [];
    throw err;
  }
  const stems = names
    .filter((n) => n.endsWith('.jsonl'))
    .map((n) => n.slice(0, -'.jsonl'.length))
    .filter((stem) => !known.has(stem))
    .sort();
  const orphans: (Orphan | null)[] = new Array<Orphan | null>(stems.length).fill(null);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < stems.length; i = next++) {
      const stem = stems[i];
      if (stem !== undefined) orphans[i] = await orphanOf(options, stem);
    }
  };
  await Promise.all(Array.from({ length: Math.min(HEADER_READS_AT_ONCE, stems.length) }, worker));
  return orphans.filter((o): o is Orphan => o !== null);
}

async function orphanOf(options: ContactRecoveryOptions, stem: string): Promise<Orphan | null> {
  const file = path.join(options.messagesDir, `${stem}.jsonl`);
  let handle: FileHandle | undefined;
  try {
    handle = await options.fs.open(file, 'r');
    const { size } = await handle.stat();
    if (size === 0) return null; // never held a message: nothing to bring back
    const header = await readHeader(handle, size);
    // The header names the contact; a plain file name is the id itself (hashed names are not reversible).
    const fromHeader = header && logFileStem(header.contactId) === stem ? header.contactId : undefined;
    const fromName = logFileStem(stem) === stem ? stem : undefined;
    return { where: path.join('messages', `${stem}.jsonl`), id: fromHeader ?? fromName, header };
  } catch {
    // Unreadable now: it stays where it is, and is reported when that conversation is opened.
    return { where: path.join('messages', `${stem}.jsonl`), id: undefined, header: null };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** A contact for an orphan history, or null when no valid phone number for it is known. */
function rebuild(orphan: Orphan, salvaged: ReadonlyMap<string, Contact>, now: number): Contact | null {
  if (orphan.id === undefined) return null;
  const record = salvaged.get(orphan.id);
  // The damaged file's record is the latest the owner saved; the header is from when the history began.
  const nameCandidates = [record?.name, orphan.header?.name];
  const name = nameCandidates.find((n) => Contact.shape.name.safeParse(n).success) ?? PLACEHOLDER_NAME;
  const phone = [record?.phone, orphan.header?.phone].find((p) => Contact.shape.phone.safeParse(p).success);
  if (phone === undefined) return null;
  const contact = Contact.safeParse(
    unconsentedContact(orphan.id, name.slice(0, MAX_NAME_LENGTH), phone, now),
  );
  return contact.success ? contact.data : null;
}

async function salvageFile(fs: StoreFs, file: string): Promise<Map<string, Contact>> {
  try {
    return salvageContacts(await fs.readFile(file, 'utf8'));
  } catch {
    return new Map();
  }
}

/**
 * Every whole, valid contact record in a damaged contacts.json, by id: the objects one level inside the
 * top-level array, found by matching braces outside strings, so a file cut short (or with one bad record)
 * still gives up every record before the damage.
 */
export function salvageContacts(text: string): Map<string, Contact> {
  const found = new Map<string, Contact>();
  let depth = 0;
  let inString = false;
  let escaped = false;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
    } else if (ch === '{' || ch === '[') {
      if (ch === '{' && depth === 2) start = i;
      depth++;
    } else if (ch === '}' || ch === ']') {
      depth--;
      if (ch === '}' && depth === 2 && start !== -1) {
        const record = Contact.safeParse(parseOrUndefined(text.slice(start, i + 1)));
        if (record.success) found.set(record.data.id, record.data);
        start = -1;
      }
    }
  }
  return found;
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function count(n: number, noun: string): string {
  return n === 1 ? `1 ${noun}` : `${n} ${noun}s`;
}

function listed(contacts: readonly Contact[]): string {
  const shown = contacts.slice(0, LISTED).map((c) => `${c.phone} (${c.name})`);
  const more = contacts.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

function unmatchedWords(files: readonly string[]): string {
  if (files.length === 0) return '';
  const shown = files.slice(0, LISTED).join(', ');
  const more = files.length > LISTED ? ` and ${files.length - LISTED} more` : '';
  return files.length === 1
    ? `1 conversation could not be given back to a contact, because no phone number for it was found: ${shown}. It is kept as it is, but not shown.`
    : `${files.length} conversations could not be given back to a contact, because no phone number for them was found: ${shown}${more}. They are kept as they are, but not shown.`;
}
