import type { ContactRow, Label } from '../../../main/contract/model';
import { labelsOf } from '../../../main/domain/labels';
import { formatClock } from '../../../main/domain/zoned-time';
import { dayPhrase } from './dates';
import { STATE_WORD } from './window-text';
import { unreadWords } from './unread';

/** The line under a contact's name: the last message, "You: …", or why it was not sent. */
export function snippetOf(last: ContactRow['activity']['lastMessage']): string {
  if (last === null) return 'No messages yet';
  if (last.direction === 'inbound') return last.text;
  return last.notSent !== undefined ? `⚠ Not sent: ${last.text}` : `You: ${last.text}`;
}

/** The word on the row's second line: "Waiting for you" when the customer wrote last, else the state. */
export function rowWord(row: Pick<ContactRow, 'waiting' | 'window'>): string {
  return row.waiting ? 'Waiting for you' : STATE_WORD[row.window.state];
}

/** A scheduled follow-up on its contact's row, shown and said the same: "Follow-up tomorrow 09:00". */
export function scheduledWords(at: number, now: number, locale: string, timeZone: string): string {
  return `Follow-up ${dayPhrase(at, now, locale, timeZone)} ${formatClock(at, timeZone, locale)}`;
}

/** The chips a row shows (at most `max`, the rest "+N"), as their visible text. */
export function chipTexts(
  contact: Pick<ContactRow['contact'], 'labels'>,
  known: readonly Label[],
  max: number,
) {
  const labels = labelsOf(contact, known);
  const shown = labels.slice(0, max).map((l) => l.name);
  return labels.length > max ? [...shown, `+${labels.length - max}`] : shown;
}

/**
 * A contact row's accessible name. It holds everything the row shows, line by line as the row's DOM
 * holds it (axe's label-content-name-mismatch: a voice-control user says what they see; a row half
 * scrolled out of view shows one line, which must still read as a run of the name), and then what only a
 * screen reader needs: "Maria Jansen, closes in 8 min, Closing, New order, Is the blue one back?, 2 unread
 * messages, reminders muted". A scheduled follow-up (`scheduledWords`) is shown before the chips.
 */
export function rowAccessibleName(
  row: ContactRow,
  countdown: string,
  known: readonly Label[],
  marked: boolean,
  maxChips: number,
  scheduled: string | null = null,
): string {
  const chips = chipTexts(row.contact, known, maxChips);
  const shown = [
    row.contact.name,
    countdown,
    rowWord(row),
    ...(scheduled === null ? [] : [scheduled]),
    ...chips,
    snippetOf(row.activity.lastMessage),
  ];
  const extra = [
    row.unread > 0 ? unreadWords(row.unread) : null,
    row.contact.muted ? 'reminders muted' : null,
    marked ? 'marked' : null,
  ].filter((part): part is string => part !== null);
  return [...shown, ...extra].join(', ');
}
