import { describe, expect, it } from 'vitest';
import type { RateCard } from '../../main/contract/costs';
import type { MessagePricing } from '../../main/contract/model';
import { HOUR, MINUTE } from '../../main/domain/durations';
import type { SentMessage } from '../../main/domain/pricing/billed-send';
import { monthCosts, monthRange, type MonthCostsInput } from '../../main/domain/pricing/month-costs';

const CARD: RateCard = {
  currency: 'EUR',
  effectiveFrom: '2026-10-01',
  importedAt: Date.UTC(2026, 8, 1),
  markets: [
    { market: 'Netherlands', marketing: 0.1365, utility: 0.04, authentication: 0.04, service: 0.03 },
    { market: 'Germany', marketing: 0.1131, utility: 0.0456, authentication: 0.0456, service: null },
  ],
};

const SEP_15 = Date.UTC(2026, 8, 15, 12);
const OCT_5 = Date.UTC(2026, 9, 5, 12);
const OCT_6 = Date.UTC(2026, 9, 6, 12);

let seq = 0;
/** A delivered text to a Dutch customer who wrote an hour before: the window is open. */
function sent(over: Partial<SentMessage> & { sentAt: number }): SentMessage {
  seq += 1;
  return {
    id: `m${String(seq).padStart(3, '0')}`,
    contactId: 'maria',
    kind: 'text',
    templateName: null,
    templateCategory: null,
    status: 'delivered',
    pricing: null,
    region: 'NL',
    lastInboundAt: over.sentAt - HOUR,
    ...over,
  };
}
const template = (
  category: 'marketing' | 'utility' | 'authentication',
  over: Partial<SentMessage> & { sentAt: number },
) => sent({ kind: 'template', templateName: `${category}_one`, templateCategory: category, ...over });
/** The window closed long before: a follow-up. */
const closed = (sentAt: number) => ({ sentAt, lastInboundAt: sentAt - 2 * 24 * HOUR });
const platform = (over: Partial<MessagePricing>): MessagePricing => ({
  billable: true,
  pricingModel: 'PMP',
  category: 'service',
  type: 'regular',
  ...over,
});

function costs(sends: SentMessage[], over: Partial<MonthCostsInput> = {}) {
  return monthCosts({
    yearMonth: '2026-10',
    timeZone: 'UTC',
    sends,
    rateCard: null,
    allowancePerMonth: null,
    hasApprovedUtility: true,
    ...over,
  });
}
const category = (result: ReturnType<typeof costs>, name: string) =>
  result.categories.find((c) => c.category === name);

describe('a month of sends, counted', () => {
  it('counts charged sends by category, with no amount at all without a rate card', () => {
    const result = costs([
      sent({ sentAt: OCT_5 }),
      sent({ sentAt: OCT_5 + HOUR }),
      template('utility', closed(OCT_5)),
      template('marketing', closed(OCT_6)),
      sent({ sentAt: OCT_6, status: 'failed' }),
      sent({ sentAt: OCT_6, status: 'queued' }),
    ]);
    expect(result.currency).toBeNull();
    expect(result.total).toEqual({ charged: 4, mayBeCharged: 0, estimate: null, mayBeEstimate: null });
    expect(result.categories.map((c) => [c.category, c.charged])).toEqual([
      ['marketing', 1],
      ['utility', 1],
      ['authentication', 0],
      ['service', 2],
    ]);
    expect(result.days.every((d) => d.estimate === null)).toBe(true);
    expect(result.unpriced).toBe(0);
  });

  it.each([
    ['a normal reply on 15 September is free', '2026-09', sent({ sentAt: SEP_15 }), 'service', 'free'],
    [
      'a normal reply on 30 September 23:50 is free',
      '2026-09',
      sent({ sentAt: Date.UTC(2026, 8, 30, 23, 50) }),
      'service',
      'free',
    ],
    [
      'a normal reply on 30 September 23:58 may be charged',
      '2026-09',
      sent({ sentAt: Date.UTC(2026, 8, 30, 23, 58) }),
      'service',
      'mayBeCharged',
    ],
    [
      'a normal reply on 1 October is charged',
      '2026-10',
      sent({ sentAt: Date.UTC(2026, 9, 1) }),
      'service',
      'charged',
    ],
    [
      'a utility template in the window, September: free',
      '2026-09',
      template('utility', { sentAt: SEP_15 }),
      'utility',
      'free',
    ],
    [
      'a utility template in the window, 1 October: charged',
      '2026-10',
      template('utility', { sentAt: Date.UTC(2026, 9, 1, 8) }),
      'utility',
      'charged',
    ],
    [
      'a marketing template to a US number is not delivered, so free',
      '2026-10',
      template('marketing', { ...closed(OCT_5), region: 'US' }),
      'marketing',
      'free',
    ],
  ] as const)('%s', (_, month, send, name, column) => {
    const row = category(costs([send], { yearMonth: month }), name);
    expect(row?.[column]).toBe(1);
  });

  it('takes the platform’s billing data over its own estimate', () => {
    const result = costs(
      [
        // The table says free (September, inside the window); the platform says charged.
        sent({ sentAt: SEP_15, pricing: platform({}) }),
        // The table says charged (marketing); the platform says free (an entry point).
        template('marketing', {
          ...closed(SEP_15),
          pricing: platform({ billable: false, type: 'free_entry_point', category: 'marketing' }),
        }),
        // No `billable` (deprecated): the type says; the platform's category wins.
        template('marketing', {
          ...closed(SEP_15),
          pricing: platform({ billable: null, type: 'regular', category: 'utility' }),
        }),
        // A failed send the platform charged anyway.
        sent({ sentAt: SEP_15, status: 'failed', pricing: platform({}) }),
      ],
      { yearMonth: '2026-09' },
    );
    expect(result.fromPlatform).toBe(4);
    expect(category(result, 'service')).toMatchObject({ charged: 2, free: 0 });
    expect(category(result, 'marketing')).toMatchObject({ charged: 0, free: 1 });
    expect(category(result, 'utility')).toMatchObject({ charged: 1 });
  });

  it('with a rate card, estimates spend by category and by day in the card’s currency', () => {
    const result = costs(
      [
        sent({ sentAt: OCT_5 }),
        template('utility', closed(OCT_5 + MINUTE)),
        template('marketing', closed(OCT_6)),
        sent({ sentAt: OCT_6, region: 'DE' }),
        sent({ sentAt: Date.UTC(2026, 8, 30, 23, 58) }),
      ],
      { rateCard: CARD, yearMonth: '2026-10' },
    );
    expect(result.currency).toBe('EUR');
    expect(category(result, 'service')?.estimate).toBe(0.03);
    expect(category(result, 'utility')?.estimate).toBe(0.04);
    expect(category(result, 'marketing')?.estimate).toBe(0.1365);
    expect(result.total.estimate).toBe(0.2065);
    // Germany has no service price on this card: counted, never priced.
    expect(result.unpriced).toBe(1);
    const day = (date: string) => result.days.find((d) => d.date === date);
    expect(day('2026-10-05')).toMatchObject({ charged: 2, estimate: 0.07 });
    expect(day('2026-10-06')).toMatchObject({ charged: 2, estimate: 0.1365 });
    expect(result.days).toHaveLength(31);
    // The 30 September send belongs to September.
    expect(result.total.mayBeCharged).toBe(0);
  });

  it('puts each send on the owner’s local day and month', () => {
    // 30 Sep 22:30 UTC is 1 October 00:30 in Amsterdam.
    const late = sent({ sentAt: Date.UTC(2026, 8, 30, 22, 30), pricing: platform({}) });
    const result = costs([late], { timeZone: 'Europe/Amsterdam' });
    expect(result.days[0]).toMatchObject({ date: '2026-10-01', charged: 1 });
    expect(costs([late], { timeZone: 'UTC' }).total.charged).toBe(0);
    expect(monthRange('2026-10', 'Europe/Amsterdam')).toMatchObject({
      from: Date.UTC(2026, 8, 30, 22),
      to: Date.UTC(2026, 9, 31, 23),
    });
    expect(monthRange('2028-02', 'UTC').dates).toHaveLength(29);
  });

  it('says how much of the package allowance the month used, and what is beyond it', () => {
    const sends = [
      sent({ sentAt: OCT_5 }),
      sent({ sentAt: OCT_5 + HOUR }),
      template('marketing', closed(OCT_6)),
    ];
    expect(costs(sends, { allowancePerMonth: 2, rateCard: CARD }).allowance).toEqual({
      included: 2,
      used: 2,
      beyond: 1,
      coveredEstimate: 0.06,
      beyondEstimate: 0.1365,
    });
    expect(costs(sends, { allowancePerMonth: 10 }).allowance).toEqual({
      included: 10,
      used: 3,
      beyond: 0,
      coveredEstimate: null,
      beyondEstimate: null,
    });
    expect(costs(sends).allowance).toBeNull();
  });
});

describe('the most expensive habits', () => {
  const kinds = (result: ReturnType<typeof costs>) => result.habits.map((h) => [h.kind, h.count, h.extra]);

  it('finds marketing follow-ups where a utility template would do, only when there is one', () => {
    const sends = [template('marketing', closed(OCT_5)), template('marketing', closed(OCT_6))];
    expect(kinds(costs(sends, { rateCard: CARD }))).toEqual([['marketing-for-utility', 2, 0.193]]);
    expect(costs(sends, { hasApprovedUtility: false }).habits).toEqual([]);
    expect(costs([template('utility', closed(OCT_5))]).habits).toEqual([]);
  });

  it('finds several short replies in a row, but not a conversation or replies minutes apart', () => {
    const run = [
      sent({ sentAt: OCT_5 }),
      sent({ sentAt: OCT_5 + MINUTE }),
      sent({ sentAt: OCT_5 + 2 * MINUTE }),
    ];
    expect(kinds(costs(run, { rateCard: CARD }))).toEqual([['replies-in-a-row', 2, 0.06]]);
    expect(costs(run).habits[0]?.advice).toContain('Since 1 October 2026 every normal message is charged');

    const apart = [sent({ sentAt: OCT_5 }), sent({ sentAt: OCT_5 + 4 * MINUTE })];
    expect(costs(apart).habits).toEqual([]);
    const answered = [
      sent({ sentAt: OCT_5 }),
      sent({ sentAt: OCT_5 + 2 * MINUTE, lastInboundAt: OCT_5 + MINUTE }),
    ];
    expect(costs(answered).habits).toEqual([]);
    const others = [sent({ sentAt: OCT_5 }), sent({ sentAt: OCT_5 + MINUTE, contactId: 'ahmed' })];
    expect(costs(others).habits).toEqual([]);
    // Before 1 October normal messages are free: nothing to save.
    const september = [sent({ sentAt: SEP_15 }), sent({ sentAt: SEP_15 + MINUTE })];
    expect(costs(september, { yearMonth: '2026-09' }).habits).toEqual([]);
  });

  it('finds templates sent inside the open window where a normal message would do', () => {
    const inWindow = [template('marketing', { sentAt: OCT_5 })];
    // 0.1365 for the template, 0.03 for a normal message.
    expect(kinds(costs(inWindow, { rateCard: CARD }))).toEqual([['template-in-window', 1, 0.1065]]);
    // In September a normal message was free: the whole price was extra.
    expect(
      kinds(costs([template('marketing', { sentAt: SEP_15 })], { yearMonth: '2026-09', rateCard: CARD })),
    ).toEqual([['template-in-window', 1, 0.1365]]);
    // A utility template in the window on 1 October costs about what a normal message does; a code must be a template.
    expect(
      costs([template('utility', { sentAt: OCT_5 }), template('authentication', { sentAt: OCT_5 })]).habits,
    ).toEqual([]);
    // Without a rate card: counted, no amount.
    expect(kinds(costs(inWindow))).toEqual([['template-in-window', 1, null]]);
  });
});
