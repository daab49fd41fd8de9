import type { BilledCategory } from '../../../main/contract/costs';
import { formatPrice } from '../../../main/domain/pricing/estimate';

/** "≈ €0.1365": every amount in the Costs view is an estimate from the owner's rate card. */
export function amountText(amount: number, currency: string, locale: string): string {
  return `≈ ${formatPrice(amount, currency, locale)}`;
}

/** "3 messages", "1 message". */
export function messagesText(count: number): string {
  return count === 1 ? '1 message' : `${String(count)} messages`;
}

export const CATEGORY_NAMES: Readonly<Record<BilledCategory, string>> = {
  marketing: 'Marketing templates',
  utility: 'Utility templates',
  authentication: 'Authentication templates',
  service: 'Normal messages (service)',
};

/** "November 2026" for "2026-11", in the owner's language. */
export function monthName(yearMonth: string, locale: string): string {
  const [year = 2000, month = 1] = yearMonth.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, 15),
  );
}

/** "24 November" for "2026-11-24". */
export function dayName(date: string, locale: string): string {
  const [year = 2000, month = 1, day = 1] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, day),
  );
}

/** The month before or after "2026-11". */
export function shiftMonth(yearMonth: string, by: number): string {
  const [year = 2000, month = 1] = yearMonth.split('-').map(Number);
  const d = new Date(Date.UTC(year, month - 1 + by, 1));
  return `${String(d.getUTCFullYear())}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
