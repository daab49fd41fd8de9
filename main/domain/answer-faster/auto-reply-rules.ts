import type { AutomaticReply, AutoReplySettings, BusinessDay } from '../../contract/model';
import { DAY, HOUR, MINUTE } from '../durations';
import { ruleAt, PRICING_RULES, type PricingRule } from '../pricing/rules';
import { BusinessCalendar } from '../reminders/quiet-hours';

/**
 * An automatic reply is an answer: one that would reach the customer more than this long after they
 * wrote (the app was closed, the webhook came late) is not sent at all.
 */
export const AUTO_REPLY_LATEST = 30 * MINUTE;

export interface AutoReplyFacts {
  settings: AutoReplySettings;
  businessHours: readonly (BusinessDay | null)[];
  zone: string;
  /** When the customer wrote (the message that opened or restarted the window). */
  at: number;
  now: number;
  /** The customer's window-opening message before this one; null: they never wrote before. */
  previousInboundAt: number | null;
  /** When each reply last went to this customer (null: never). */
  lastSent: Readonly<Record<AutomaticReply, number | null>>;
  /** The window is open now: the reply is a free-form message, allowed only inside it. */
  windowOpen: boolean;
  /** Opted out, or this very message changed their consent (STOP gets no greeting). */
  optedOut: boolean;
  consentMessage: boolean;
}

/**
 * Which automatic replies the customer's message earns, in the order they go out. Pure: the service
 * records and sends them. Greeting: a first message, or the first after `inactiveDays` without one, at
 * most once per `inactiveDays`. Away: a message outside the owner's business hours (whether or not
 * quiet hours are on for reminders), at most once per `onceEveryHours`.
 */
export function autoRepliesDue(facts: AutoReplyFacts): AutomaticReply[] {
  const { settings, at, now, lastSent } = facts;
  if (!facts.windowOpen || facts.optedOut || facts.consentMessage) return [];
  if (now - at > AUTO_REPLY_LATEST) return [];
  const due: AutomaticReply[] = [];
  const greeting = settings.greeting;
  const inactive = greeting.inactiveDays * DAY;
  if (
    greeting.enabled &&
    greeting.text.trim() !== '' &&
    (facts.previousInboundAt === null || at - facts.previousInboundAt >= inactive) &&
    (lastSent.greeting === null || at - lastSent.greeting >= inactive)
  )
    due.push('greeting');
  const away = settings.away;
  if (
    away.enabled &&
    away.text.trim() !== '' &&
    isOutsideBusinessHours(facts.businessHours, facts.zone, at) &&
    (lastSent.away === null || at - lastSent.away >= away.onceEveryHours * HOUR)
  )
    due.push('away');
  return due;
}

export function isOutsideBusinessHours(
  hours: readonly (BusinessDay | null)[],
  zone: string,
  at: number,
): boolean {
  return new BusinessCalendar({ businessHours: hours, quietHoursEnabled: true }, zone).isQuiet(at);
}

/**
 * What WhatsApp bills for an automatic reply (a free-form service message inside the window), from the
 * dated pricing table: "charged" wherever the table says so, never "free" when it is not.
 */
export function autoReplyBilling(now: number, rules: readonly PricingRule[] = PRICING_RULES): string {
  const rule = ruleAt(now, rules);
  if (rule.categories.service.inside !== 'no') {
    const note = rule.allowanceNote ? ` (${rule.allowanceNote})` : '';
    return `Each automatic reply is a service message: charged by WhatsApp${note}.`;
  }
  const next = rules.find((r) => r.from > now && r.categories.service.inside !== 'no');
  if (!next) return 'Each automatic reply is a service message inside the window: not charged by WhatsApp.';
  const from = new Date(next.from).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return `Each automatic reply is a service message: not charged until ${from}, charged from then on.`;
}
