import type { AppNotification } from '../../contract/model';
import { formatClock } from '../zoned-time';
import { digestWords, groupWords, reminderWords } from './text';
import { onePerContact, type DueReminder } from './triage';

/** A notification before it gets its id and moment (the notification centre gives those). */
export interface NoticeDraft {
  kind: AppNotification['kind'];
  title: string;
  body: string;
  contactIds: string[];
  reminderIds: string[];
}

/** What a notification says about a customer; null when the contact is gone. */
export interface CustomerFacts {
  name: string | null;
  /** The customer's last message, when the last message in the conversation is theirs. */
  lastCustomerText: string | null;
}

const UNKNOWN_NAME = 'A customer';

/**
 * The one notification for reminders shown together: about one customer it quotes their last words,
 * about several it names them soonest closing first. Null when nothing is live.
 */
export function liveNotice(
  live: readonly DueReminder[],
  args: { now: number; zone: string; locale: string; facts: (contactId: string) => CustomerFacts },
): NoticeDraft | null {
  const firstOf = onePerContact(live);
  const contactIds = firstOf.map((d) => d.contactId);
  const reminderIds = live.map((d) => d.reminder.id);
  const [only] = firstOf;
  if (!only) return null;
  if (firstOf.length === 1) {
    const facts = args.facts(only.contactId);
    const expiresAt = only.reminder.expiresAt;
    const words = reminderWords({
      name: facts.name ?? UNKNOWN_NAME,
      expiresAt,
      now: args.now,
      lastCustomerText: facts.lastCustomerText,
      closesAt: formatClock(expiresAt, args.zone, args.locale),
      shifted: live.some((d) => d.reminder.shifted && d.at === d.reminder.dueAt),
    });
    return { kind: 'reminder', ...words, contactIds, reminderIds };
  }
  const words = groupWords({
    windows: firstOf.map((d) => ({
      name: args.facts(d.contactId).name ?? UNKNOWN_NAME,
      expiresAt: d.reminder.expiresAt,
    })),
    now: args.now,
  });
  return { kind: 'group', ...words, contactIds, reminderIds };
}

/** A window the digest mentions, as it stands now. */
export interface DigestWindow {
  contactId: string;
  name: string;
  /** Null: the customer never wrote (the contact was emptied meanwhile); left out. */
  expiresAt: number | null;
  followUpReady: boolean;
}

/**
 * "While you were away": the windows that closed (and how many can get a follow-up) and the ones still
 * open whose reminders were missed. Null when none of them is left to mention.
 */
export function digestNotice(
  windows: readonly DigestWindow[],
  reminderIds: string[],
  now: number,
): NoticeDraft | null {
  let closed = 0;
  let followUps = 0;
  let stillOpen = 0;
  const listed: DigestWindow[] = [];
  for (const w of windows) {
    if (w.expiresAt === null) continue;
    if (w.expiresAt <= now) {
      closed++;
      if (w.followUpReady) followUps++;
    } else stillOpen++;
    listed.push(w);
  }
  if (listed.length === 0) return null;
  const words = digestWords({ closed, followUps, stillOpen, names: listed.map((w) => w.name) });
  return { kind: 'digest', ...words, contactIds: listed.map((w) => w.contactId), reminderIds };
}
