import type { BilledCategory, Estimate, RateCard } from '../../contract/costs';
import { marketsFor, resolveMarket } from './market-names';
import type { Recipient } from './recipient';

/**
 * What one message of this category to this recipient costs by the owner's rate card: the price of the
 * recipient's country if the card lists it, else of its market ("Rest of …" included), else of "Other". Null without a card or a price: the app shows a
 * number only when the owner's own terms give one.
 */
export function estimate(
  rateCard: RateCard | null,
  category: BilledCategory,
  recipient: Recipient,
): Estimate | null {
  if (rateCard === null) return null;
  for (const wanted of marketsFor(recipient.region)) {
    const row = rateCard.markets.find((m) => (resolveMarket(m.market) ?? m.market) === wanted);
    const amount = row?.[category] ?? null;
    if (row !== undefined && amount !== null) {
      return { amount, currency: rateCard.currency, market: row.market, region: recipient.region };
    }
  }
  return null;
}

/**
 * "€0.04", "€0.0409", "US$1.20": two decimals, and up to four below one unit, because Meta's prices
 * are often fractions of a cent. Intl does the currency sign and the locale's separators.
 */
export function formatPrice(amount: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: amount >= 1 ? 2 : 4,
  }).format(amount);
}
