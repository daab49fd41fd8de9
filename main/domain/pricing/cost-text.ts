import type { BilledCategory, Cost } from '../../contract/costs';
import type { Billing } from './billing';
import { DELIVERY_MARGIN } from './billing';
import { formatPrice } from './estimate';
import { PRICING_RULES, type PricingRule } from './rules';
import { MINUTE } from '../durations';

const WHAT: Record<BilledCategory, string> = {
  marketing: 'marketing template',
  utility: 'utility template',
  authentication: 'authentication template',
  service: 'normal message',
};

const day = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
/** "1 October 2026": the pricing table's dates are UTC days. */
const dateOf = (at: number): string => day.format(at);

/** The first later rule that bills this category inside the window differently, if any. */
function nextChange(billing: Billing, rules: readonly PricingRule[]): PricingRule | null {
  const now = billing.rule.categories[billing.category].inside;
  return (
    rules.find((r) => r.from > billing.rule.from && r.categories[billing.category].inside !== now) ?? null
  );
}

/**
 * Why a send is (or is not) charged, in the owner's words. Each sentence starts with the word the
 * preview shows ("Free", "Charged", "May be charged", "Not charged"), and "Free" appears only where the
 * pricing table says the platform bills nothing.
 */
export function explainBilling(billing: Billing, rules: readonly PricingRule[] = PRICING_RULES): string {
  const what = WHAT[billing.category];
  const later = nextChange(billing, rules);
  const until = later ? ` From ${dateOf(later.from)} it is charged.` : '';
  const allowance =
    billing.rule.allowanceNote && billing.category === 'service' ? `; it ${billing.rule.allowanceNote}` : '';
  switch (billing.reason) {
    case 'not-delivered':
      return `Not charged: WhatsApp does not deliver marketing templates to US numbers, so this one would fail.`;
    case 'window-may-close':
      return (
        `May be charged: the window closes within ${DELIVERY_MARGIN / MINUTE} minutes and WhatsApp bills when it delivers, ` +
        `so a ${what} delivered after the close is charged.`
      );
    case 'pricing-changes':
      return (
        `May be charged: from ${dateOf(billing.nextRule?.from ?? billing.rule.from)} WhatsApp charges a ${what} inside the window, ` +
        `and this one may be delivered after that.`
      );
    case 'inside-window':
      return billing.billed === 'no'
        ? `Free: a ${what} delivered inside the open 24-hour window costs nothing.${until}`
        : `Charged: WhatsApp charges a ${what} inside the window too${allowance}.`;
    case 'outside-window':
      return `Charged: ${what}s are free only inside the 24-hour window, and this customer’s window is not open.`;
    case 'always':
      if (billing.billed === 'no') {
        return `Free: a ${what} inside the open 24-hour window costs nothing.${until}`;
      }
      return billing.category === 'service'
        ? `Charged: since ${dateOf(billing.rule.from)} WhatsApp charges every normal message you send (as a service message)${allowance}.`
        : `Charged: WhatsApp charges every ${what}, inside or outside the window.`;
  }
}

/** The short word for a cost: "charged", "may be charged", "free", "not charged". */
export function billedWord(cost: Pick<Cost, 'billed' | 'explanation'>): string {
  if (cost.billed === 'yes') return 'charged';
  if (cost.billed === 'maybe') return 'may be charged';
  return cost.explanation.startsWith('Not charged') ? 'not charged' : 'free';
}

const CATEGORY_WORD: Record<BilledCategory, string> = {
  marketing: 'Marketing template',
  utility: 'Utility template',
  authentication: 'Authentication template',
  service: 'Service message',
};

/**
 * One line for the composer and the follow-up preview. With the owner's rate card: "≈ €0.04 · utility ·
 * NL" (a "may be charged" send says "if charged"); without: "Utility template · charged".
 */
export function costSummary(cost: Cost, locale: string): string {
  const { estimate } = cost;
  if (estimate !== null && cost.billed !== 'no') {
    const price = `≈ ${formatPrice(estimate.amount, estimate.currency, locale)}`;
    const where = estimate.region ?? estimate.market;
    return `${price}${cost.billed === 'maybe' ? ' if charged' : ''} · ${cost.category} · ${where}`;
  }
  return `${CATEGORY_WORD[cost.category]} · ${billedWord(cost)}`;
}
