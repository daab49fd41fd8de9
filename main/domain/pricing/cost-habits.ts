import type { RateCard } from '../../contract/costs';
import type { CostHabit } from '../../contract/month-costs';
import { MINUTE } from '../durations';
import { billingOf, DELIVERY_MARGIN } from './billing';
import { roundMoney, type BilledSend } from './billed-send';
import { estimate } from './estimate';
import { PRICING_RULES, type PricingRule } from './rules';

/** Two normal messages to one customer this close together, with no word from them between, read as one reply. */
export const REPLY_RUN_GAP = 3 * MINUTE;

export interface HabitContext {
  rateCard: RateCard | null;
  /** Whether the library has an approved utility template to send instead of a marketing one. */
  hasApprovedUtility: boolean;
  rules?: readonly PricingRule[];
}

const charged = (b: BilledSend) => b.billed !== 'no';
const insideWindow = (b: BilledSend) =>
  b.windowClosesAt !== null && b.send.sentAt + DELIVERY_MARGIN < b.windowClosesAt;

/** Adds prices; null without a rate card, and sends without a price add nothing (they count as unpriced). */
function sum(card: RateCard | null, amounts: readonly (number | null)[]): number | null {
  if (card === null) return null;
  return roundMoney(amounts.reduce<number>((total, amount) => total + Math.max(0, amount ?? 0), 0));
}

const priceOf = (card: RateCard | null, category: 'utility' | 'service', send: BilledSend) =>
  estimate(card, category, { region: send.send.region, callingCode: null })?.amount ?? null;

/**
 * Marketing templates sent outside the window while an approved utility template was there: a utility
 * one costs less and is not muted with the customer's marketing settings.
 */
function marketingForUtility(sends: readonly BilledSend[], context: HabitContext): CostHabit | null {
  if (!context.hasApprovedUtility) return null;
  const found = sends.filter((b) => b.category === 'marketing' && charged(b) && !insideWindow(b));
  if (found.length === 0) return null;
  const { rateCard } = context;
  const extra = sum(
    rateCard,
    found.map((b) => {
      const utility = priceOf(rateCard, 'utility', b);
      return b.price === null || utility === null ? null : b.price - utility;
    }),
  );
  return {
    kind: 'marketing-for-utility',
    count: found.length,
    extra,
    title: 'Marketing templates where a utility one would do',
    advice:
      'For an order update, an appointment or a follow-up on a question, send an approved utility template: ' +
      'it costs less than a marketing one, and customers cannot mute it with their marketing settings.',
  };
}

/**
 * Templates (not authentication codes) charged although the window was open, where a normal message
 * would have done: counted when a normal message was free then, or the template is a marketing one.
 */
function templateInWindow(sends: readonly BilledSend[], context: HabitContext): CostHabit | null {
  const { rateCard } = context;
  const rules = context.rules ?? PRICING_RULES;
  const found: { send: BilledSend; normalFree: boolean }[] = [];
  for (const b of sends) {
    if (b.send.kind !== 'template' || b.category === 'authentication' || !charged(b) || !insideWindow(b))
      continue;
    const normal = billingOf({
      category: 'service',
      windowClosesAt: b.windowClosesAt,
      sentAt: b.send.sentAt,
      region: b.send.region,
      rules,
    });
    const normalFree = normal.billed === 'no';
    if (normalFree || b.category === 'marketing') found.push({ send: b, normalFree });
  }
  if (found.length === 0) return null;
  const extra = sum(
    rateCard,
    found.map(({ send, normalFree }) => {
      if (send.price === null) return null;
      const normal = normalFree ? 0 : priceOf(rateCard, 'service', send);
      return normal === null ? null : send.price - normal;
    }),
  );
  return {
    kind: 'template-in-window',
    count: found.length,
    extra,
    title: 'Templates sent while the window was open',
    advice:
      'While the customer’s 24-hour window is open a normal message does the job, and costs less ' +
      '(or nothing, where a normal message is still free). Keep templates for after the window has closed.',
  };
}

/**
 * Normal messages that followed another one to the same customer within a few minutes, with nothing from
 * the customer in between: each is charged on its own where normal messages are billed.
 */
function repliesInARow(sends: readonly BilledSend[], context: HabitContext): CostHabit | null {
  const texts = sends
    .filter((b) => b.send.kind === 'text')
    .sort((a, b) => a.send.contactId.localeCompare(b.send.contactId) || a.send.sentAt - b.send.sentAt);
  const found: BilledSend[] = [];
  for (let i = 1; i < texts.length; i++) {
    const previous = texts[i - 1];
    const current = texts[i];
    if (previous === undefined || current === undefined) continue;
    const sameCustomer = previous.send.contactId === current.send.contactId;
    const close = current.send.sentAt - previous.send.sentAt <= REPLY_RUN_GAP;
    const noAnswerBetween = (current.send.lastInboundAt ?? 0) <= previous.send.sentAt;
    if (sameCustomer && close && noAnswerBetween && charged(current)) found.push(current);
  }
  if (found.length === 0) return null;
  const since = (context.rules ?? PRICING_RULES).find((r) => r.categories.service.inside !== 'no');
  const sinceText = since ? `Since ${dayText(since.from)} e` : 'E';
  return {
    kind: 'replies-in-a-row',
    count: found.length,
    extra: sum(
      context.rateCard,
      found.map((b) => b.price),
    ),
    title: 'Several short replies in a row',
    advice:
      `${sinceText}very normal message is charged on its own: write one complete reply instead of ` +
      'several short ones within a few minutes.',
  };
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
/** The pricing table's dates are UTC days: "1 October 2026". */
const dayText = (at: number): string => dayFormat.format(at);

/** The month's most expensive habits, dearest first (by estimated extra, else by how often). */
export function costHabits(sends: readonly BilledSend[], context: HabitContext): CostHabit[] {
  const habits = [
    marketingForUtility(sends, context),
    repliesInARow(sends, context),
    templateInWindow(sends, context),
  ].filter((h): h is CostHabit => h !== null);
  return habits.sort((a, b) => (b.extra ?? 0) - (a.extra ?? 0) || b.count - a.count);
}
