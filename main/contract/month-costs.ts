import { z } from 'zod';
import { BilledCategory } from './costs';

/** A calendar month in the owner's time zone: "2026-10". */
export const YearMonth = z
  .string()
  .regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/, 'Choose a month such as 2026-10.');
export type YearMonth = z.infer<typeof YearMonth>;

const Count = z.number().int().min(0);
/** An estimated amount in the rate card's currency; null without a rate card (never a made-up number). */
const Amount = z.number().min(0).nullable();

/** What one category (or one day) adds up to. */
export const CostTally = z.object({
  /** Sends WhatsApp charges (the platform said so, or the pricing table does). */
  charged: Count,
  /** Sends whose charge depends on when WhatsApp delivered them (the window closed, the pricing changed). */
  mayBeCharged: Count,
  /** Estimated spend on the charged sends, by the owner's rate card. */
  estimate: Amount,
  /** Estimated spend on the "may be charged" sends, if they were charged. */
  mayBeEstimate: Amount,
});
export type CostTally = z.infer<typeof CostTally>;

export const CategoryCosts = CostTally.extend({
  category: BilledCategory,
  /** Sends in this category that cost nothing (free by the table, or not delivered). */
  free: Count,
});
export type CategoryCosts = z.infer<typeof CategoryCosts>;

export const DayCosts = CostTally.extend({
  /** The local date, "2026-10-01". */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type DayCosts = z.infer<typeof DayCosts>;

/** The part of the month's charged sends the owner's provider package includes. */
export const AllowanceUse = z.object({
  included: Count,
  /** Charged sends counted against it, oldest first. */
  used: Count,
  /** Charged sends beyond it. */
  beyond: Count,
  /** The rate card's price of the sends the package covers, and of those beyond it. */
  coveredEstimate: Amount,
  beyondEstimate: Amount,
});
export type AllowanceUse = z.infer<typeof AllowanceUse>;

export const HabitKind = z.enum(['marketing-for-utility', 'replies-in-a-row', 'template-in-window']);
export type HabitKind = z.infer<typeof HabitKind>;

/** A way of sending that costs more than it needs to, and what to do instead. */
export const CostHabit = z.object({
  kind: HabitKind,
  /** Sends that could have been cheaper (or not sent at all). */
  count: Count,
  /** What they cost more than the alternative, by the rate card; null without one. */
  extra: Amount,
  title: z.string(),
  advice: z.string(),
});
export type CostHabit = z.infer<typeof CostHabit>;

/** One month of sends as WhatsApp bills them: what the Costs view shows. */
export const MonthCosts = z.object({
  month: YearMonth,
  timeZone: z.string(),
  /** The rate card's currency; null without a rate card, and then every amount is null too. */
  currency: z.string().nullable(),
  total: CostTally,
  /** Every billed category, in a fixed order, zero rows included. */
  categories: z.array(CategoryCosts),
  /** Every day of the month, in order. */
  days: z.array(DayCosts),
  allowance: AllowanceUse.nullable(),
  habits: z.array(CostHabit),
  /** How many sends were counted from the platform's own billing data rather than the app's estimate. */
  fromPlatform: Count,
  /** Charged sends the rate card has no price for (a market it does not list): left out of every amount. */
  unpriced: Count,
});
export type MonthCosts = z.infer<typeof MonthCosts>;
