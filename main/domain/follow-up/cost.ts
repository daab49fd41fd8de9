import type { Cost, RateCard } from '../../contract/costs';
import type { TemplateCategory } from '../../contract/model';
import { billingOf } from '../pricing/billing';
import { billedWord, explainBilling } from '../pricing/cost-text';
import { estimate } from '../pricing/estimate';
import type { Recipient } from '../pricing/recipient';

/** What the cost of one send depends on. Time is passed in: the label depends on when it is sent. */
export interface CostInput {
  /** When the customer service window closes; null when it is not open. */
  windowClosesAt: number | null;
  now: number;
  recipient: Recipient;
  /** The owner's rate card, for an estimated price; null shows none. */
  rateCard: RateCard | null;
}

/** What a template costs when sent now, by the dated pricing table (see pricing/rules.ts). */
export function templateCost(category: TemplateCategory, input: CostInput): Cost {
  return costOf(category, input);
}

/** What a normal (free-form) message costs when sent now: billed under SERVICE. */
export function freeFormCost(input: CostInput): Cost {
  return costOf('service', input);
}

function costOf(category: Cost['category'], input: CostInput): Cost {
  const billing = billingOf({
    category,
    windowClosesAt: input.windowClosesAt,
    sentAt: input.now,
    region: input.recipient.region,
  });
  return {
    billed: billing.billed,
    category,
    explanation: explainBilling(billing),
    estimate: billing.billed === 'no' ? null : estimate(input.rateCard, category, input.recipient),
  };
}

/**
 * A marketing template where a utility one would do costs more and lands in the customer's marketing
 * settings (which they may have muted). Inside the window a normal message would do: its cost is said
 * as the table has it today (free until 30 September 2026, charged as a service message after).
 * `utilityAlternative` is an approved utility template that could be sent to this contact (all its
 * placeholders filled), if there is one.
 */
export function categoryWarning(
  category: TemplateCategory,
  input: CostInput,
  utilityAlternative: { name: string; language: string } | null,
): string | null {
  if (category !== 'marketing') return null;
  if (templateCost(category, input).explanation.startsWith('Not charged')) return null;
  const open = input.windowClosesAt !== null && input.now < input.windowClosesAt;
  if (open) {
    const normal = freeFormCost(input);
    const how = normal.billed === 'no' ? 'it is free' : `it is ${billedWord(normal)} as a service message`;
    return `This is a marketing template, which is always charged. While the window is open a normal message will do: ${how}.`;
  }
  if (utilityAlternative === null) return null;
  return (
    `This is a marketing template, which is always charged and may be muted by the customer. ` +
    `For a follow-up the utility template “${utilityAlternative.name}” (${utilityAlternative.language}) would do.`
  );
}
