import { z } from 'zod';
import { Timestamp } from './primitives';

/**
 * The categories WhatsApp bills a delivered message under: the three template categories, and
 * `service` for a free-form message inside the customer service window.
 */
export const BilledCategory = z.enum(['marketing', 'utility', 'authentication', 'service']);
export type BilledCategory = z.infer<typeof BilledCategory>;

/** Whether a send is billed: `maybe` when it depends on when WhatsApp delivers it. */
export const Billed = z.enum(['yes', 'maybe', 'no']);
export type Billed = z.infer<typeof Billed>;

/** A price per message in the rate card's currency; null when the card has no price for it. */
const Price = z.number().min(0).max(1000).nullable();

export const MarketPrices = z.object({
  /** The market's name as Meta's rate card writes it: "Netherlands", "North America", "Rest of Africa", "Other". */
  market: z.string().min(1).max(100),
  marketing: Price,
  utility: Price,
  authentication: Price,
  service: Price,
});
export type MarketPrices = z.infer<typeof MarketPrices>;

/** The owner's price list: what one delivered message costs per category in each market. */
export const RateCard = z.object({
  /** ISO 4217, e.g. EUR. */
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** The date the card says it applies from ("2026-10-01"), when the file says. */
  effectiveFrom: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  importedAt: Timestamp,
  markets: z.array(MarketPrices).min(1).max(500),
});
export type RateCard = z.infer<typeof RateCard>;

/** What the owner pays, by their own terms: an optional rate card and an optional package allowance. */
export const CostTerms = z.object({
  rateCard: RateCard.nullable(),
  /** Messages the owner's provider package includes per month; null when there is no package. */
  allowancePerMonth: z.number().int().min(0).max(100_000_000).nullable(),
});
export type CostTerms = z.infer<typeof CostTerms>;

/** Meta's rate card CSV is a few kilobytes; anything near this is not one. */
export const MAX_RATE_CARD_CSV = 500_000;

/** An estimated price of one message, from the owner's rate card. */
export const Estimate = z.object({
  amount: z.number().min(0),
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** The rate card market the price came from. */
  market: z.string(),
  /** The recipient's country (ISO 3166 alpha-2), when the number tells it. */
  region: z.string().nullable(),
});
export type Estimate = z.infer<typeof Estimate>;

/** What one send costs, as the preview shows it. */
export const Cost = z.object({
  billed: Billed,
  category: BilledCategory,
  /** Why, in the owner's words. */
  explanation: z.string(),
  /** Null without a rate card (or without a price for this market): never a made-up number. */
  estimate: Estimate.nullable(),
});
export type Cost = z.infer<typeof Cost>;

/** The result of importing a rate card: the terms now saved, and what the owner should know about the file. */
export const RateCardImport = z.object({
  terms: CostTerms,
  /** E.g. "Line 31: “Atlantis” is not a market CareWindow knows; its numbers are left out." */
  notes: z.array(z.string()),
});
export type RateCardImport = z.infer<typeof RateCardImport>;
