import type { Billed, BilledCategory } from '../../contract/costs';

/** Whether a category is billed when delivered inside the customer service window, and outside it. */
export interface CategoryBilling {
  inside: Billed;
  outside: Billed;
}

/** The platform's billing rules from one date on, with where they are written. */
export interface PricingRule {
  /** First instant (UTC ms) this rule applies to a delivered message. */
  from: number;
  /** Where the rule is stated, checked on the date given. */
  source: string;
  categories: Readonly<Record<BilledCategory, CategoryBilling>>;
  /**
   * A note for categories that are billed but may cost the owner nothing (a monthly free allowance, the
   * provider's package): shown beside "charged", never instead of it.
   */
  allowanceNote: string | null;
}

const always: CategoryBilling = { inside: 'yes', outside: 'yes' };

/**
 * The dated pricing table. A rule applies to messages DELIVERED from its `from` instant until the next
 * rule's. When the platform changes its pricing again, add one row here (newest last) with its source;
 * every label in the app follows from this table.
 *
 * Free-form (service) messages can only be sent inside the window, so their `outside` is never used for
 * a send the app allows; it is set equal to `inside` so a reply sent just before close is not "maybe".
 */
export const PRICING_RULES: readonly PricingRule[] = [
  {
    // Meta, "Pricing on the WhatsApp Business Platform" (developers.facebook.com/docs/whatsapp/pricing,
    // updated 10 Dec 2025): "effective July 1, 2025, we now charge on a per-message basis … when a
    // template message is delivered … based on the template's category and the recipient … country
    // calling code"; "All non-template messages are free"; "Utility templates delivered within an open
    // customer service window are free". Also hello-charles, "Understand Meta's WhatsApp Pricing
    // (Revised July 1, 2026)", and indigitall, "Meta Pricing" (both read 2026).
    from: Date.UTC(2025, 6, 1),
    source: 'Meta, “Pricing on the WhatsApp Business Platform” (per-message pricing from 1 July 2025)',
    categories: {
      marketing: always,
      authentication: always,
      utility: { inside: 'no', outside: 'yes' },
      service: { inside: 'no', outside: 'no' },
    },
    allowanceNote: null,
  },
  {
    // From 1 Oct 2026 free-form service replies are billed per message (under the SERVICE category) and
    // utility templates inside the open window are billed too: chakrahq.com, "New WhatsApp API Pricing
    // Update: Non-Template (Service) Messages Will Now Be Charged From October 2026"; hello-charles,
    // "Understand Meta's WhatsApp Pricing (Revised July 1, 2026)"; patagon.ai; Meta, "Service messages"
    // (developers.facebook.com/docs/whatsapp/pricing/service-messages): billed under SERVICE. Some of
    // them mention a monthly free allowance of service messages: the app still says "charged".
    from: Date.UTC(2026, 9, 1),
    source:
      'Meta, “Service messages”; ChakraHQ and hello-charles (service and in-window utility billed from 1 October 2026)',
    categories: {
      marketing: always,
      authentication: always,
      utility: always,
      service: { inside: 'yes', outside: 'yes' },
    },
    allowanceNote: 'may be covered by a free allowance or your provider’s package',
  },
];

/** The rule that applies to a message delivered at `at`; before the first row, the first row. */
export function ruleAt(at: number, rules: readonly PricingRule[] = PRICING_RULES): PricingRule {
  let current = rules[0];
  if (current === undefined) throw new Error('The pricing table is empty.');
  for (const rule of rules) if (rule.from <= at) current = rule;
  return current;
}
