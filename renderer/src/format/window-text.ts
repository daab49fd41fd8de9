import type { CareWindow, FollowUpRefusal, WindowState } from '../../../main/contract/model';
import { calendarDaysBetween, formatClock } from '../../../main/domain/zoned-time';
import { compactMoment, dayAndTime } from './dates';
import { formatAgo, formatRemaining } from './durations';

/** One word, one mark per state (UI.md "Window states"): colour is never the only signal. */
export const STATE_WORD: Record<WindowState, string> = {
  open: 'Open',
  closing: 'Closing',
  closed: 'Closed',
  'awaiting-reply': 'Followed up, awaiting customer',
  none: 'No window',
};

export const STATE_MARK: Record<WindowState, string> = {
  open: '●',
  closing: '●',
  closed: '○',
  'awaiting-reply': '◐',
  none: '–',
};

/**
 * The countdown text of a window: "3 h 12 min left", "closes in 8 min", "closed 2 h ago · follow-up
 * ready", "closed · no opt-in", "template sent 10:02", "never wrote". The main process decides the state;
 * this only formats `expiresAt - now`.
 */
export function countdownText(window: CareWindow, now: number, locale: string, timeZone: string): string {
  switch (window.state) {
    case 'open':
      return window.expiresAt === null ? 'open' : `${formatRemaining(window.expiresAt - now)} left`;
    case 'closing':
      return window.expiresAt === null ? 'closing' : `closes in ${formatRemaining(window.expiresAt - now)}`;
    case 'closed': {
      switch (window.followUp) {
        case 'no-opt-in':
          return 'closed · no opt-in';
        case 'opted-out':
          return 'closed · opted out';
        case 'ready':
          return `${closedAgo(window, now)} · follow-up ready`;
        case 'blocked':
          return `${closedAgo(window, now)} · ${blockedWord(window)}`;
        case 'sent':
        case 'not-needed':
          return closedAgo(window, now);
      }
      break;
    }
    case 'awaiting-reply':
      return window.followUpSentAt === null
        ? 'template sent'
        : `template sent ${compactMoment(window.followUpSentAt, now, locale, timeZone)}`;
    case 'none':
      return 'never wrote';
  }
  return '';
}

/**
 * Why a follow-up the opt-in allows cannot go, in the list's words: the Follow-ups view's group titles
 * (format/follow-up-text.ts REFUSAL_GROUPS), lower case.
 */
const BLOCKED_WORD: Record<FollowUpRefusal, string> = {
  'window-open': 'window still open',
  'no-opt-in': 'no opt-in',
  'opted-out': 'opted out',
  'already-sent': 'already followed up',
  'no-template': 'no approved template',
  'template-not-approved': 'no approved template',
  'missing-field': 'missing field',
  'marketing-not-delivered': 'marketing not delivered',
  'opted-out-of-marketing': 'stopped promotions',
};

export function blockedWord(window: CareWindow): string {
  return window.followUpRefusal ? BLOCKED_WORD[window.followUpRefusal] : 'follow-up blocked';
}

function closedAgo(window: CareWindow, now: number): string {
  return window.expiresAt === null ? 'closed' : `closed ${formatAgo(now - window.expiresAt)}`;
}

/**
 * The conversation header's line about the exact end of the window: "Window closes today at 16:05",
 * "Window closed yesterday at 09:12", "Window closes Thu 26 Nov at 10:00", with the zone named
 * ("(Europe/Amsterdam)") when it is not the computer's. Null when the customer never wrote.
 */
export function windowEndLine(
  window: CareWindow,
  now: number,
  locale: string,
  timeZone: string,
  namedZone: string | null,
): string | null {
  if (window.expiresAt === null) return null;
  const verb = window.expiresAt > now ? 'closes' : 'closed';
  const zone = namedZone === null ? '' : ` (${namedZone})`;
  return `Window ${verb} ${dayAndTime(window.expiresAt, now, locale, timeZone)}${zone}`;
}

export const NO_OPT_IN_TEXT =
  'No opt-in recorded — WhatsApp allows templates only to customers who opted in.';
export const OPTED_OUT_TEXT = 'Opted out — this customer asked not to receive templates.';

/**
 * The main sentence of the calm panel that replaces the composer when free-form messages are not
 * allowed: what happened and what is possible. Null while the window is open or closing.
 */
export function closedPanelLead(
  window: CareWindow,
  now: number,
  locale: string,
  timeZone: string,
): string | null {
  switch (window.state) {
    case 'open':
    case 'closing':
      return null;
    case 'closed': {
      const ago = window.expiresAt === null ? '' : ` ${formatAgo(now - window.expiresAt)}`;
      return templateBlocker(window) === null
        ? `The 24-hour window closed${ago}. You can send one approved template to continue.`
        : `The 24-hour window closed${ago}.`;
    }
    case 'awaiting-reply': {
      const when =
        window.followUpSentAt === null ? '' : ` ${sentMoment(window.followUpSentAt, now, locale, timeZone)}`;
      return `Follow-up sent${when}. You can write again when the customer replies.`;
    }
    case 'none':
      return 'This customer has not written yet. Only an approved template can start the conversation.';
  }
}

/** Why no template may be sent to this customer at all, or null when the opt-in allows it. */
export function templateBlocker(window: CareWindow): 'no-opt-in' | 'opted-out' | null {
  if (window.state !== 'closed' && window.state !== 'none') return null;
  if (window.followUp === 'no-opt-in') return 'no-opt-in';
  if (window.followUp === 'opted-out') return 'opted-out';
  return null;
}

/** "at 10:02" today, "yesterday at 10:02", "on Tue 24 Nov at 10:02". */
export function sentMoment(at: number, now: number, locale: string, timeZone: string): string {
  const days = calendarDaysBetween(now, at, timeZone);
  if (days === 0) return `at ${formatClock(at, timeZone, locale)}`;
  if (days === -1) return dayAndTime(at, now, locale, timeZone);
  return `on ${dayAndTime(at, now, locale, timeZone)}`;
}
