import { describe, expect, it } from 'vitest';
import type { BilledCategory } from '../../main/contract/costs';
import { MINUTE } from '../../main/domain/durations';
import { freeFormCost, templateCost } from '../../main/domain/follow-up/cost';
import { billingOf, DELIVERY_MARGIN } from '../../main/domain/pricing/billing';
import { explainBilling } from '../../main/domain/pricing/cost-text';
import { recipientOf } from '../../main/domain/pricing/recipient';
import { PRICING_RULES, ruleAt, type PricingRule } from '../../main/domain/pricing/rules';

const HOUR = 60 * MINUTE;
const LAST_FREE_MINUTE = Date.UTC(2026, 8, 30, 23, 59);
const OCT_1 = Date.UTC(2026, 9, 1, 0, 0);
const SEPT = Date.UTC(2026, 8, 15, 12);
const NOV = Date.UTC(2026, 10, 24, 15);
const NL = recipientOf('+31612345678');

const inside = (category: BilledCategory, sentAt: number, closesIn = 3 * HOUR) =>
  billingOf({ category, windowClosesAt: sentAt + closesIn, sentAt });
const outside = (category: BilledCategory, sentAt: number) =>
  billingOf({ category, windowClosesAt: null, sentAt });

describe('the dated pricing table', () => {
  it.each<[string, BilledCategory, number, 'in' | 'out', 'yes' | 'maybe' | 'no']>([
    ['marketing is always billed', 'marketing', SEPT, 'in', 'yes'],
    ['marketing outside', 'marketing', SEPT, 'out', 'yes'],
    ['authentication is always billed', 'authentication', SEPT, 'in', 'yes'],
    ['authentication after October', 'authentication', NOV, 'out', 'yes'],
    ['utility inside, September: free', 'utility', SEPT, 'in', 'no'],
    ['utility outside, September: billed', 'utility', SEPT, 'out', 'yes'],
    ['utility inside, 30 Sep 23:59: may cross midnight', 'utility', LAST_FREE_MINUTE, 'in', 'maybe'],
    ['utility inside, 1 Oct 00:00: billed', 'utility', OCT_1, 'in', 'yes'],
    ['service inside, September: free', 'service', SEPT, 'in', 'no'],
    ['service inside, 30 Sep 23:59: may cross midnight', 'service', LAST_FREE_MINUTE, 'in', 'maybe'],
    ['service inside, 1 Oct 00:00: billed', 'service', OCT_1, 'in', 'yes'],
    ['service inside, November: billed', 'service', NOV, 'in', 'yes'],
  ])('%s', (_, category, at, where, billed) => {
    expect((where === 'in' ? inside(category, at) : outside(category, at)).billed).toBe(billed);
  });

  it('30 Sep 23:54:59 is still free: delivery within the margin cannot reach 1 October', () => {
    const justBefore = OCT_1 - DELIVERY_MARGIN - 1;
    expect(inside('utility', justBefore).billed).toBe('no');
    expect(inside('utility', justBefore + 1).billed).toBe('maybe');
  });

  it('a utility template sent just before the window closes may be billed as outside', () => {
    expect(inside('utility', SEPT, DELIVERY_MARGIN + 1).billed).toBe('no');
    const closing = inside('utility', SEPT, DELIVERY_MARGIN);
    expect(closing).toMatchObject({ billed: 'maybe', reason: 'window-may-close' });
    expect(inside('utility', SEPT, 1).billed).toBe('maybe');
    expect(inside('utility', SEPT, 0).billed).toBe('yes');
  });

  it('a normal message sent just before close is not "maybe": it is priced as service either way', () => {
    expect(inside('service', SEPT, MINUTE).billed).toBe('no');
    expect(inside('service', NOV, MINUTE).billed).toBe('yes');
  });

  it('a later change is one new row: the labels follow it without other code', () => {
    const FUTURE = Date.UTC(2027, 0, 1);
    const rules: PricingRule[] = [
      ...PRICING_RULES,
      {
        from: FUTURE,
        source: 'a test row',
        categories: { ...ruleAt(NOV).categories, service: { inside: 'no', outside: 'no' } },
        allowanceNote: null,
      },
    ];
    const at = (sentAt: number) =>
      billingOf({ category: 'service', windowClosesAt: sentAt + HOUR, sentAt, rules }).billed;
    expect(at(NOV)).toBe('yes');
    expect(at(FUTURE)).toBe('no');
  });

  it('keeps its rows in date order, each with a source', () => {
    const froms = PRICING_RULES.map((r) => r.from);
    expect(froms).toEqual([...froms].sort((a, b) => a - b));
    for (const rule of PRICING_RULES) expect(rule.source).not.toBe('');
  });
});

describe('every "free" and "charged" text is pinned to its rule', () => {
  it.each<[string, () => string]>([
    [
      'Free: a utility template delivered inside the open 24-hour window costs nothing. From 1 October 2026 it is charged.',
      () => explainBilling(inside('utility', SEPT)),
    ],
    [
      'Charged: WhatsApp charges every utility template, inside or outside the window.',
      () => explainBilling(inside('utility', NOV)),
    ],
    [
      'Charged: utility templates are free only inside the 24-hour window, and this customer’s window is not open.',
      () => explainBilling(outside('utility', SEPT)),
    ],
    [
      'Charged: WhatsApp charges every marketing template, inside or outside the window.',
      () => explainBilling(inside('marketing', SEPT)),
    ],
    [
      'Charged: WhatsApp charges every authentication template, inside or outside the window.',
      () => explainBilling(outside('authentication', NOV)),
    ],
    [
      'Free: a normal message inside the open 24-hour window costs nothing. From 1 October 2026 it is charged.',
      () => explainBilling(inside('service', SEPT)),
    ],
    [
      'Charged: since 1 October 2026 WhatsApp charges every normal message you send (as a service message); it may be covered by a free allowance or your provider’s package.',
      () => explainBilling(inside('service', NOV)),
    ],
    [
      'May be charged: the window closes within 5 minutes and WhatsApp bills when it delivers, so a utility template delivered after the close is charged.',
      () => explainBilling(inside('utility', SEPT, 2 * MINUTE)),
    ],
    [
      'May be charged: from 1 October 2026 WhatsApp charges a normal message inside the window, and this one may be delivered after that.',
      () => explainBilling(inside('service', LAST_FREE_MINUTE)),
    ],
    [
      'Not charged: WhatsApp does not deliver marketing templates to US numbers, so this one would fail.',
      () =>
        explainBilling(billingOf({ category: 'marketing', windowClosesAt: null, sentAt: NOV, region: 'US' })),
    ],
  ])('%s', (text, make) => {
    expect(make()).toBe(text);
  });

  it('never says "free" for anything billed from 1 October 2026', () => {
    for (const category of ['marketing', 'utility', 'authentication', 'service'] as const) {
      for (const billing of [inside(category, NOV), outside(category, NOV), inside(category, OCT_1)]) {
        expect(explainBilling(billing)).not.toMatch(/^Free/);
      }
    }
  });

  it('the composer and the preview use the same table through templateCost and freeFormCost', () => {
    const input = (now: number) => ({ windowClosesAt: now + HOUR, now, recipient: NL, rateCard: null });
    expect(freeFormCost(input(SEPT))).toMatchObject({ billed: 'no', category: 'service', estimate: null });
    expect(freeFormCost(input(NOV))).toMatchObject({ billed: 'yes', category: 'service', estimate: null });
    expect(templateCost('utility', input(SEPT)).billed).toBe('no');
    expect(templateCost('utility', input(NOV)).billed).toBe('yes');
  });
});

describe('the US marketing pause', () => {
  const marketing = (phone: string, sentAt = NOV) =>
    billingOf({ category: 'marketing', windowClosesAt: null, sentAt, region: recipientOf(phone).region });

  it.each([
    ['a US number (New York)', '+12125550123', 'no'],
    ['a US number (California)', '+14155550123', 'no'],
    ['Canada (Toronto), also +1', '+14165550123', 'yes'],
    ['Puerto Rico, also +1', '+17875550123', 'yes'],
    ['Jamaica, also +1', '+18765550123', 'yes'],
    ['the Netherlands', '+31612345678', 'yes'],
  ] as const)('%s → billed %s', (_, phone, billed) => {
    expect(marketing(phone).billed).toBe(billed);
  });

  it('began on 1 April 2025 and does not touch utility templates', () => {
    expect(marketing('+12125550123', Date.UTC(2025, 2, 31, 23, 59)).reason).not.toBe('not-delivered');
    expect(marketing('+12125550123', Date.UTC(2025, 3, 1)).reason).toBe('not-delivered');
    const utility = billingOf({ category: 'utility', windowClosesAt: null, sentAt: NOV, region: 'US' });
    expect(utility.billed).toBe('yes');
  });
});
