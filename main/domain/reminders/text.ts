import { minutesUntil } from '../zoned-time';

/** The words of reminder notifications, in one place. Pure: every instant is passed in. */

const QUOTE_LENGTH = 100;

/** "15 min", "60 min", "1 h 5 min", "2 h"; never says there is more time than there is (callers round up). */
export function durationText(minutes: number): string {
  if (minutes <= 60) return `${Math.max(1, minutes)} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > QUOTE_LENGTH ? `${oneLine.slice(0, QUOTE_LENGTH - 1)}…` : oneLine;
}

/** "Maria Jansen, Piet Bakker and 2 more". */
export function namesText(names: readonly string[], shown = 2): string {
  if (names.length <= shown + 1) {
    if (names.length <= 1) return names.join('');
    return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
  }
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}

export interface ReminderWords {
  title: string;
  body: string;
}

/**
 * One contact: "Maria Jansen — window closes in 15 min" with the customer's last words as the body
 * ('Is the blue one back in stock?'), or the closing time when the last message was the owner's.
 */
export function reminderWords(args: {
  name: string;
  expiresAt: number;
  now: number;
  /** The customer's last message, when the last message in the conversation is theirs. */
  lastCustomerText: string | null;
  /** The closing time as the owner reads it ("02:10"). */
  closesAt: string;
  /** Moved earlier out of quiet hours: say so, or "closes in 4 h" reads like a mistake. */
  shifted: boolean;
}): ReminderWords {
  const left = durationText(minutesUntil(args.now, args.expiresAt));
  const parts: string[] = [];
  if (args.shifted) parts.push(`Closes at ${args.closesAt}, during your quiet hours.`);
  if (args.lastCustomerText !== null && args.lastCustomerText.trim() !== '') {
    parts.push(`'${quote(args.lastCustomerText)}'`);
  } else if (!args.shifted) parts.push(`Closes at ${args.closesAt}.`);
  return { title: `${args.name} — window closes in ${left}`, body: parts.join(' · ') };
}

/**
 * Several windows at once: "3 windows close in the next 18 min", naming them soonest first with the time
 * each has left ("Anna (15 min), Bram (16 min) and Cor (18 min)"), so the most urgent is not hidden.
 */
export function groupWords(args: {
  windows: readonly { name: string; expiresAt: number }[];
  now: number;
}): ReminderWords {
  const sorted = [...args.windows].sort((a, b) => a.expiresAt - b.expiresAt);
  const latest = sorted[sorted.length - 1]?.expiresAt ?? args.now;
  const left = durationText(minutesUntil(args.now, latest));
  const named = sorted.map((w) => `${w.name} (${durationText(minutesUntil(args.now, w.expiresAt))})`);
  return { title: `${sorted.length} windows close in the next ${left}`, body: namesText(named) };
}

/**
 * After the app was closed or the computer slept: "While you were away: 4 windows closed, 2 can get a
 * follow-up", and how many missed reminders belong to windows that are still open.
 */
export function digestWords(args: {
  closed: number;
  followUps: number;
  stillOpen: number;
  names: readonly string[];
}): ReminderWords {
  const parts: string[] = [];
  if (args.closed > 0) {
    const windows = `${args.closed} ${args.closed === 1 ? 'window' : 'windows'} closed`;
    parts.push(args.followUps > 0 ? `${windows}, ${args.followUps} can get a follow-up` : windows);
  }
  if (args.stillOpen > 0) {
    parts.push(
      `${args.stillOpen} ${args.stillOpen === 1 ? 'window is' : 'windows are'} still open and closing soon`,
    );
  }
  return { title: `While you were away: ${parts.join('; ')}`, body: namesText(args.names) };
}

/** The tray/dock badge's description: "2 windows close within 60 min". */
export function badgeWords(count: number, leadMinutes: number): string {
  if (count === 0) return 'No windows closing soon';
  return `${count} ${count === 1 ? 'window closes' : 'windows close'} within ${durationText(leadMinutes)}`;
}
