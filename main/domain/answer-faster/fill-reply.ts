import type { Contact } from '../../contract/model';
import { BUILTIN_FIELDS, fillTemplate, type FillResult } from '../templates/fill';
import { distinctKeys, parseBody } from '../templates/placeholders';

/**
 * Fills a quick reply or an automatic reply for one contact with the templates' own placeholder rules
 * (fill.ts): `{first_name}`, `{{ticket_id}}`… each read from the contact's field of the same name (any
 * case), as a template placeholder the owner did not map is. There is no saved mapping to consult: the
 * text is the owner's, not WhatsApp's, so {{1}} has nothing to be filled from and stays missing.
 */
export function fillReply(text: string, contact: Pick<Contact, 'name' | 'phone' | 'fields'>): FillResult {
  const parsed = parseBody(text);
  if (!parsed.ok) return fillTemplate(text, {}, contact);
  const known = [...BUILTIN_FIELDS, ...Object.keys(contact.fields)];
  const mapping = Object.fromEntries(
    distinctKeys(parsed.placeholders).map((key) => {
      const field = known.find((f) => f.toLowerCase() === key.toLowerCase()) ?? key;
      return [key, { kind: 'field' as const, field }];
    }),
  );
  return fillTemplate(text, mapping, contact);
}

/** What the message box gets: the filled text, or the text with the empty placeholders left to type over. */
export function replyForBox(
  text: string,
  contact: Pick<Contact, 'name' | 'phone' | 'fields'>,
): {
  text: string;
  missing: string[];
} {
  const filled = fillReply(text, contact);
  if (filled.ok) return { text: filled.text, missing: [] };
  return { text: filled.partial, missing: filled.missing.map((m) => m.placeholder) };
}

/** Whether `query` starts a word of `text` (both lower case): "re" finds "ready", not the "re" in "are". */
function startsAWord(text: string, query: string): boolean {
  for (let at = text.indexOf(query); at !== -1; at = text.indexOf(query, at + 1)) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(text.charAt(at - 1))) return true;
  }
  return false;
}

/**
 * Quick replies whose shortcut contains, or a word of whose text starts with, what was typed after `/`:
 * shortcuts that start with it first.
 */
export function matchQuickReplies<R extends { shortcut: string; text: string }>(
  replies: readonly R[],
  typed: string,
): R[] {
  const query = typed.trim().toLowerCase();
  if (query === '') return [...replies].sort((a, b) => a.shortcut.localeCompare(b.shortcut));
  const starts = replies.filter((r) => r.shortcut.toLowerCase().startsWith(query));
  const contains = replies.filter(
    (r) =>
      !starts.includes(r) &&
      (r.shortcut.toLowerCase().includes(query) || startsAWord(r.text.toLowerCase(), query)),
  );
  return [
    ...starts.sort((a, b) => a.shortcut.localeCompare(b.shortcut)),
    ...contains.sort((a, b) => a.shortcut.localeCompare(b.shortcut)),
  ];
}
