import type { Billed, BilledCategory } from '../../contract/costs';
import { MINUTE } from '../durations';
import { PRICING_RULES, ruleAt, type PricingRule } from './rules';
import { marketingPausedFor } from './us-marketing';

/**
 * How long after sending WhatsApp may deliver a message. Billing happens at delivery, so a send whose
 * bill would differ anywhere in this span (the window closes, or the pricing changes) "may be charged".
 */
export const DELIVERY_MARGIN = 5 * MINUTE;

export type BillingReason =
  /** The category is billed (or free) whatever the window. */
  | 'always'
  | 'inside-window'
  | 'outside-window'
  /** The window closes before WhatsApp may deliver it. */
  | 'window-may-close'
  /** The pricing table changes before WhatsApp may deliver it. */
  | 'pricing-changes'
  /** WhatsApp will not deliver it at all (a marketing template to a US number). */
  | 'not-delivered';

export interface Billing {
  billed: Billed;
  category: BilledCategory;
  reason: BillingReason;
  /** The rule in force when it is sent. */
  rule: PricingRule;
  /** The next rule, when it starts before WhatsApp may deliver this message. */
  nextRule: PricingRule | null;
}

export interface BillingInput {
  category: BilledCategory;
  /** When the customer service window closes; null when there is none (closed long ago, or never opened). */
  windowClosesAt: number | null;
  sentAt: number;
  /** The recipient's country (ISO alpha-2), when the number tells it. */
  region?: string | null;
  rules?: readonly PricingRule[];
}

/**
 * Whether one send is billed. The rules say what a message DELIVERED at an instant costs; a message is
 * delivered somewhere between `sentAt` and `sentAt + DELIVERY_MARGIN`, so every instant where the answer
 * can change in that span is checked: the start, the window's close, each new pricing row, the end.
 */
export function billingOf(input: BillingInput): Billing {
  const { category, windowClosesAt, sentAt } = input;
  const rules = input.rules ?? PRICING_RULES;
  const rule = ruleAt(sentAt, rules);
  const latest = sentAt + DELIVERY_MARGIN;
  const nextRule = rules.find((r) => r.from > sentAt && r.from <= latest) ?? null;
  if (category === 'marketing' && marketingPausedFor(input.region ?? null, sentAt)) {
    return { billed: 'no', category, reason: 'not-delivered', rule, nextRule };
  }

  const inside = (at: number) => windowClosesAt !== null && at < windowClosesAt;
  const at = (instant: number): Billed => {
    const billing = ruleAt(instant, rules).categories[category];
    return inside(instant) ? billing.inside : billing.outside;
  };
  const instants = [sentAt, latest, ...rules.map((r) => r.from)];
  if (windowClosesAt !== null) instants.push(windowClosesAt);
  const outcomes = new Set(instants.filter((i) => i >= sentAt && i <= latest).map(at));

  const first = at(sentAt);
  if (outcomes.size === 1 && first !== 'maybe') {
    const { inside: billedInside, outside } = rule.categories[category];
    const reason = billedInside === outside ? 'always' : inside(sentAt) ? 'inside-window' : 'outside-window';
    return { billed: first, category, reason, rule, nextRule: null };
  }
  const closesFirst = windowClosesAt !== null && windowClosesAt > sentAt && windowClosesAt <= latest;
  const reason = closesFirst && at(windowClosesAt) !== first ? 'window-may-close' : 'pricing-changes';
  return { billed: 'maybe', category, reason, rule, nextRule };
}
