import { describe, expect, it } from 'vitest';
import type { Cost, RateCard } from '../../main/contract/costs';
import { parseCsv } from '../../main/domain/pricing/csv';
import { costSummary } from '../../main/domain/pricing/cost-text';
import { estimate, formatPrice } from '../../main/domain/pricing/estimate';
import { readRateCard } from '../../main/domain/pricing/rate-card-import';
import { recipientOf } from '../../main/domain/pricing/recipient';

const AT = Date.UTC(2026, 10, 24, 15);

/** In the shape of Meta's per-message rate card CSV (title, effective date, header, one row per market). */
const META_CSV = [
  'WhatsApp Business Platform Rate Card,,,,,,',
  '"Effective October 1, 2026",,,,,,',
  'Market,Currency,Marketing,Utility,Authentication,Authentication-International,Service',
  'Netherlands,EUR,0.1365,0.0400,0.0400,,0.0300',
  'Germany,EUR,0.1131,0.0456,0.0456,,0.0320',
  'North America,EUR,0.0250,0.0034,0.0034,,0.0030',
  'Rest of Western Europe,EUR,0.0550,0.0300,0.0300,,0.0250',
  'Rest of Latin America,EUR,0.0700,0.0100,0.0100,,0.0090',
  'Other,EUR,0.0500,0.0070,0.0070,0.0600,0.0060',
].join('\r\n');

function card(csv = META_CSV): RateCard {
  const result = readRateCard(csv, AT);
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.rateCard;
}

describe('reading a CSV', () => {
  it('handles quotes, doubled quotes, line breaks inside quotes, CRLF and semicolons', () => {
    expect(parseCsv('a,"b,c","say ""hi"""\r\n"two\nlines",x,y\n')).toEqual([
      { line: 1, cells: ['a', 'b,c', 'say "hi"'] },
      { line: 2, cells: ['two\nlines', 'x', 'y'] },
    ]);
    expect(parseCsv('\uFEFFMarket;Utility\nNetherlands;0,04\n\n').map((r) => r.cells)).toEqual([
      ['Market', 'Utility'],
      ['Netherlands', '0,04'],
    ]);
  });
});

describe('importing a rate card', () => {
  it('reads Meta’s file: the header after the title, the currency, the date, every market', () => {
    const result = readRateCard(META_CSV, AT);
    expect(result).toMatchObject({ ok: true, notes: [] });
    const rateCard = card();
    expect(rateCard).toMatchObject({ currency: 'EUR', effectiveFrom: '2026-10-01', importedAt: AT });
    expect(rateCard.markets).toHaveLength(6);
    expect(rateCard.markets[0]).toEqual({
      market: 'Netherlands',
      marketing: 0.1365,
      utility: 0.04,
      authentication: 0.04,
      service: 0.03,
    });
  });

  it('takes a spreadsheet export: semicolons, “€ 0,04”, country names and calling codes, no service column', () => {
    const csv = [
      'Country;Marketing;Utility;Authentication',
      'the Netherlands;€ 0,1365;€ 0,04;n/a',
      '+49;€ 0,11;€ 0,05;-',
      'BE;€ 0,09;€ 0,03;',
    ].join('\n');
    const rateCard = card(csv);
    expect(rateCard.currency).toBe('EUR');
    expect(rateCard.effectiveFrom).toBeNull();
    expect(rateCard.markets).toEqual([
      { market: 'Netherlands', marketing: 0.1365, utility: 0.04, authentication: null, service: null },
      { market: 'Germany', marketing: 0.11, utility: 0.05, authentication: null, service: null },
      { market: 'Belgium', marketing: 0.09, utility: 0.03, authentication: null, service: null },
    ]);
  });

  it('refuses a file with bad prices, naming each line', () => {
    const csv = [
      'Market,Currency,Marketing,Utility',
      'Netherlands,EUR,0.13,0.04',
      'Germany,EUR,about ten cents,0.04',
      'Spain,EUR,0.07,-0.01',
    ].join('\n');
    expect(readRateCard(csv, AT)).toEqual({
      ok: false,
      errors: [
        'Line 3: “about ten cents” is not a price for marketing. Write it like 0.0409, or leave it empty.',
        'Line 4: “-0.01” is not a price for utility. Write it like 0.0409, or leave it empty.',
      ],
    });
  });

  it('leaves out an unknown country with a note, and imports the rest', () => {
    const csv = ['Market,Currency,Utility', 'Netherlands,EUR,0.04', 'Atlantis,EUR,0.01'].join('\n');
    const result = readRateCard(csv, AT);
    expect(result).toMatchObject({
      ok: true,
      notes: ['Line 3: “Atlantis” is not a market or country CareWindow knows; its prices were left out.'],
    });
  });

  it.each([
    ['no header', 'Netherlands,0.04\nGermany,0.05', /no header row with a Market column/],
    ['no currency', 'Market,Utility\nNetherlands,0.04', /does not say its currency/],
    [
      'mixed currencies',
      'Market,Currency,Utility\nNetherlands,EUR,0.04\nGermany,USD,0.05',
      /mixes currencies \(EUR, USD\)/,
    ],
    ['no rows', 'Market,Currency,Utility', /No prices were found/],
  ])('refuses a file with %s', (_, csv, message) => {
    const result = readRateCard(csv, AT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join(' ')).toMatch(message);
  });
});

describe('estimating a price', () => {
  it.each([
    ['the Netherlands: its own market', '+31612345678', 'utility', 'Netherlands', 0.04],
    ['Belgium: Rest of Western Europe', '+32470123456', 'utility', 'Rest of Western Europe', 0.03],
    ['the US: North America', '+12125550123', 'service', 'North America', 0.003],
    ['Canada: North America', '+14165550123', 'utility', 'North America', 0.0034],
    ['Puerto Rico: Rest of Latin America', '+17875550123', 'utility', 'Rest of Latin America', 0.01],
    ['Japan: no Rest of Asia Pacific row, so Other', '+819012345678', 'marketing', 'Other', 0.05],
  ] as const)('%s', (_, phone, category, market, amount) => {
    expect(estimate(card(), category, recipientOf(phone))).toMatchObject({ market, amount, currency: 'EUR' });
  });

  it('none without a rate card, or without a price for the category', () => {
    expect(estimate(null, 'utility', recipientOf('+31612345678'))).toBeNull();
    const noService = card('Market,Currency,Utility\nNetherlands,EUR,0.04');
    expect(estimate(noService, 'service', recipientOf('+31612345678'))).toBeNull();
  });

  it('formats with the locale’s currency sign and separators, up to four decimals below one unit', () => {
    expect(formatPrice(0.04, 'EUR', 'en-GB')).toBe('€0.04');
    expect(formatPrice(0.0409, 'EUR', 'en-GB')).toBe('€0.0409');
    // nl-NL puts a no-break space between the sign and the number.
    expect(formatPrice(0.0409, 'EUR', 'nl-NL')).toBe('€\u00a00,0409');
    expect(formatPrice(1.2, 'USD', 'en-US')).toBe('$1.20');
  });

  it('says “≈ €0.04 · utility · NL” with a rate card, and only the category and the word without', () => {
    const cost = (patch: Partial<Cost>): Cost => ({
      billed: 'yes',
      category: 'utility',
      explanation: 'Charged: …',
      estimate: { amount: 0.04, currency: 'EUR', market: 'Netherlands', region: 'NL' },
      ...patch,
    });
    expect(costSummary(cost({}), 'en-GB')).toBe('≈ €0.04 · utility · NL');
    expect(costSummary(cost({ billed: 'maybe' }), 'en-GB')).toBe('≈ €0.04 if charged · utility · NL');
    expect(costSummary(cost({ estimate: null }), 'en-GB')).toBe('Utility template · charged');
    expect(costSummary(cost({ category: 'service', billed: 'no', explanation: 'Free: …' }), 'en-GB')).toBe(
      'Service message · free',
    );
    expect(costSummary(cost({ billed: 'maybe', estimate: null }), 'en-GB')).toBe(
      'Utility template · may be charged',
    );
  });
});
