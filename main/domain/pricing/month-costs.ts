import type { BilledCategory, RateCard } from '../../contract/costs';
import type {
  AllowanceUse,
  CategoryCosts,
  CostTally,
  DayCosts,
  MonthCosts,
} from '../../contract/month-costs';
import { addDays, epochAt, localDateAt, type LocalDate } from '../zoned-time';
import { billedSend, roundMoney as money, type BilledSend, type SentMessage } from './billed-send';
import { costHabits } from './cost-habits';
import type { PricingRule } from './rules';

export const BILLED_CATEGORIES: readonly BilledCategory[] = [
  'marketing',
  'utility',
  'authentication',
  'service',
];

/** A month in the owner's zone as instants: from its first local midnight up to (not including) the next month's. */
export interface MonthRange {
  from: number;
  to: number;
  /** Every local date of the month, "2026-10-01" … */
  dates: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateKey = (d: LocalDate) => `${String(d.year)}-${pad(d.month)}-${pad(d.day)}`;

export function monthRange(yearMonth: string, zone: string): MonthRange {
  const [year = 0, month = 0] = yearMonth.split('-').map(Number);
  const first: LocalDate = { year, month, day: 1 };
  const next: LocalDate =
    month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 };
  const dates: string[] = [];
  for (let day = first; day.month === month; day = addDays(day, 1)) dates.push(dateKey(day));
  return { from: epochAt(first, 0, 0, zone), to: epochAt(next, 0, 0, zone), dates };
}

/** "2026-10": the month `at` falls in, in `zone`. */
export function yearMonthAt(at: number, zone: string): string {
  const { year, month } = localDateAt(at, zone);
  return `${String(year)}-${pad(month)}`;
}

export interface MonthCostsInput {
  yearMonth: string;
  timeZone: string;
  /** The month's outbound messages (others are ignored). */
  sends: readonly SentMessage[];
  rateCard: RateCard | null;
  allowancePerMonth: number | null;
  hasApprovedUtility: boolean;
  rules?: readonly PricingRule[];
}

class Tally {
  charged = 0;
  mayBeCharged = 0;
  free = 0;
  private amount = 0;
  private mayBeAmount = 0;

  add(b: BilledSend): void {
    if (b.billed === 'no') this.free++;
    else if (b.billed === 'yes') {
      this.charged++;
      this.amount += b.price ?? 0;
    } else {
      this.mayBeCharged++;
      this.mayBeAmount += b.price ?? 0;
    }
  }

  out(priced: boolean): CostTally {
    return {
      charged: this.charged,
      mayBeCharged: this.mayBeCharged,
      estimate: priced ? money(this.amount) : null,
      mayBeEstimate: priced ? money(this.mayBeAmount) : null,
    };
  }
}

/** The package covers the month's first charged sends; what is past it is what the package may bill extra. */
function allowanceUse(charged: readonly BilledSend[], included: number, priced: boolean): AllowanceUse {
  const covered = charged.slice(0, included);
  const beyond = charged.slice(included);
  const total = (list: readonly BilledSend[]) =>
    priced ? money(list.reduce((s, b) => s + (b.price ?? 0), 0)) : null;
  return {
    included,
    used: covered.length,
    beyond: beyond.length,
    coveredEstimate: total(covered),
    beyondEstimate: total(beyond),
  };
}

/**
 * One month of sends as WhatsApp bills them: counts by category and by day, the estimated spend when the
 * owner has a rate card (never a number without one), the package allowance, and the habits that cost
 * the most. Pure: the sends, the owner's terms and the zone are passed in.
 */
export function monthCosts(input: MonthCostsInput): MonthCosts {
  const { rateCard, timeZone } = input;
  const range = monthRange(input.yearMonth, timeZone);
  const priced = rateCard !== null;
  const billed = input.sends
    .filter((s) => s.sentAt >= range.from && s.sentAt < range.to)
    .sort((a, b) => a.sentAt - b.sentAt || a.id.localeCompare(b.id))
    .map((s) => billedSend(s, rateCard, input.rules))
    .filter((b): b is BilledSend => b !== null);

  const total = new Tally();
  const byCategory = new Map(BILLED_CATEGORIES.map((c) => [c, new Tally()]));
  const byDay = new Map(range.dates.map((d) => [d, new Tally()]));
  for (const b of billed) {
    total.add(b);
    byCategory.get(b.category)?.add(b);
    byDay.get(dateKey(localDateAt(b.send.sentAt, timeZone)))?.add(b);
  }
  const categories: CategoryCosts[] = BILLED_CATEGORIES.map((category) => {
    const tally = byCategory.get(category) ?? new Tally();
    return { category, ...tally.out(priced), free: tally.free };
  });
  const days: DayCosts[] = range.dates.map((date) => ({
    date,
    ...(byDay.get(date) ?? new Tally()).out(priced),
  }));
  const charged = billed.filter((b) => b.billed === 'yes');
  return {
    month: input.yearMonth,
    timeZone,
    currency: rateCard?.currency ?? null,
    total: total.out(priced),
    categories,
    days,
    allowance:
      input.allowancePerMonth === null ? null : allowanceUse(charged, input.allowancePerMonth, priced),
    habits: costHabits(billed, {
      rateCard,
      hasApprovedUtility: input.hasApprovedUtility,
      ...(input.rules ? { rules: input.rules } : {}),
    }),
    fromPlatform: billed.filter((b) => b.fromPlatform).length,
    unpriced: priced ? billed.filter((b) => b.billed !== 'no' && b.price === null).length : 0,
  };
}
