import type { Cost } from '../../contract/costs';
import { formatPrice } from '../pricing/estimate';

/**
 * One sentence for the confirmation before following up with many contacts at once: what WhatsApp
 * charges for them, from each send's cost (the dated pricing table and the owner's rate card, see
 * cost.ts). Never "free" while any of them is billed; a total only from real prices, and it says how
 * many sends it leaves out when the rate card has no price for them.
 */
export function batchCostText(costs: readonly Cost[], locale: string): string {
  const billed = costs.filter((cost) => cost.billed !== 'no');
  if (billed.length === 0) {
    return costs.length === 0 ? '' : 'WhatsApp does not charge for these follow-ups.';
  }
  const sure = billed.filter((cost) => cost.billed === 'yes').length;
  const maybe = billed.length - sure;
  const counts = new Map<string, number>();
  for (const cost of billed) counts.set(cost.category, (counts.get(cost.category) ?? 0) + 1);
  const kinds = [...counts].map(([category, n]) => `${String(n)} ${category}`).join(', ');
  const of =
    billed.length === costs.length
      ? `all ${String(costs.length)}`
      : `${String(billed.length)} of ${String(costs.length)}`;
  const charged =
    maybe === 0
      ? `WhatsApp charges for ${of} follow-ups (${kinds}).`
      : sure === 0
        ? `WhatsApp may charge for ${of} follow-ups (${kinds}), depending on when they are delivered.`
        : `WhatsApp charges for ${String(sure)} and may charge for ${String(maybe)} of these follow-ups (${kinds}).`;
  return `${charged} ${estimateText(billed, locale)}`;
}

function estimateText(billed: readonly Cost[], locale: string): string {
  const priced = billed.flatMap((cost) => (cost.estimate === null ? [] : [cost.estimate]));
  const currencies = new Set(priced.map((estimate) => estimate.currency));
  const [currency] = currencies;
  if (priced.length === 0 || currency === undefined || currencies.size > 1) {
    return 'Import your rate card under Costs to see an estimated price.';
  }
  const total = priced.reduce((sum, estimate) => sum + estimate.amount, 0);
  const price = `≈ ${formatPrice(total, currency, locale)}`;
  const missing = billed.length - priced.length;
  return missing === 0
    ? `Estimated ${price} in total.`
    : `Estimated ${price} for ${String(priced.length)} of them; your rate card has no price for the other ${String(missing)}.`;
}
