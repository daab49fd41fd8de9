import type { Billed, BilledCategory, RateCard } from '../../contract/costs';
import type { MessagePricing, MessageStatus, TemplateCategory } from '../../contract/model';
import { CARE_WINDOW } from '../durations';
import { billingOf } from './billing';
import { estimate } from './estimate';
import type { PricingRule } from './rules';

/** One outbound message as the Costs view needs it: what was sent, when, to where, and what became of it. */
export interface SentMessage {
  id: string;
  contactId: string;
  sentAt: number;
  kind: 'text' | 'template';
  templateName: string | null;
  /** The template's category when it was sent; null for a text (or a template no longer known). */
  templateCategory: TemplateCategory | null;
  status: MessageStatus;
  /** What the platform said it billed (status webhooks); null until it says. */
  pricing: MessagePricing | null;
  /** The recipient's country (ISO alpha-2), when the number tells it. */
  region: string | null;
  /** The customer's last message (or call) before this send: the window it was sent in. */
  lastInboundAt: number | null;
}

/** Money adds up in floating point: six decimals is far below any price's precision. */
export const roundMoney = (n: number): number => Math.round(n * 1e6) / 1e6;

/** A send with its charge decided. */
export interface BilledSend {
  send: SentMessage;
  billed: Billed;
  category: BilledCategory;
  /** The platform's own billing data decided `billed` (and the category when it named one). */
  fromPlatform: boolean;
  windowClosesAt: number | null;
  /** One message of this category to this country by the owner's rate card; null without a price. */
  price: number | null;
}

/**
 * The platform's pricing categories (status webhook `pricing.category`) in the app's four. Meta, "Status
 * messages webhook reference" and "Pricing on the WhatsApp Business Platform" (read 2026): marketing,
 * marketing_lite, utility, authentication, authentication_international, service, referral_conversion
 * (a free entry point, billed as nothing, so it only counts through `billable`/`type`).
 */
const PLATFORM_CATEGORY: Readonly<Record<string, BilledCategory>> = {
  marketing: 'marketing',
  marketing_lite: 'marketing',
  utility: 'utility',
  authentication: 'authentication',
  authentication_international: 'authentication',
  'authentication-international': 'authentication',
  service: 'service',
};

/** Not handed to the platform (yet): nothing can be billed for them. */
const NOT_SENT: ReadonlySet<MessageStatus> = new Set(['queued', 'sending', 'failed']);

/**
 * The platform's word on a charge, when it gave one. `billable` is deprecated since the per-message model
 * and may be missing; then `type` says: "regular" is charged, "free_customer_service" and
 * "free_entry_point" are not.
 */
function platformBilled(pricing: MessagePricing | null): Billed | null {
  if (pricing === null) return null;
  if (pricing.billable !== null) return pricing.billable ? 'yes' : 'no';
  if (pricing.type === 'regular') return 'yes';
  if (pricing.type !== null && pricing.type.startsWith('free')) return 'no';
  return null;
}

/**
 * Whether one send was charged, and under which category. The platform's billing data, once a status
 * webhook brought it, wins over the app's own reading of the pricing table (it knows when it delivered).
 * A send that failed or never left is not charged unless the platform says otherwise.
 */
export function billedSend(
  send: SentMessage,
  rateCard: RateCard | null,
  rules?: readonly PricingRule[],
): BilledSend | null {
  const fromPricing = platformBilled(send.pricing);
  if (NOT_SENT.has(send.status) && fromPricing !== 'yes') return null;

  // A template whose category is unknown counts as marketing, the dearest: an estimate never understates.
  const own: BilledCategory = send.kind === 'text' ? 'service' : (send.templateCategory ?? 'marketing');
  const platformCategory = send.pricing?.category ? PLATFORM_CATEGORY[send.pricing.category] : undefined;
  const category = fromPricing !== null ? (platformCategory ?? own) : own;
  const windowClosesAt = send.lastInboundAt === null ? null : send.lastInboundAt + CARE_WINDOW;
  const billed =
    fromPricing ??
    billingOf({
      category,
      windowClosesAt,
      sentAt: send.sentAt,
      region: send.region,
      ...(rules ? { rules } : {}),
    }).billed;
  const price = estimate(rateCard, category, { region: send.region, callingCode: null })?.amount ?? null;
  return { send, billed, category, fromPlatform: fromPricing !== null, windowClosesAt, price };
}
