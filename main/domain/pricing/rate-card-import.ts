import type { BilledCategory, MarketPrices, RateCard } from '../../contract/costs';
import { parseCsv, type CsvRow } from './csv';
import { resolveMarket } from './market-names';

export type RateCardReading =
  { ok: true; rateCard: RateCard; notes: string[] } | { ok: false; errors: string[] };

const CATEGORIES: readonly BilledCategory[] = ['marketing', 'utility', 'authentication', 'service'];
const MAX_ERRORS = 10;

/** Currency signs Meta's cards and spreadsheets write in front of prices. */
const SIGNS: Readonly<Record<string, string>> = { '€': 'EUR', '£': 'GBP', '₹': 'INR', $: 'USD', US$: 'USD' };

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * Reads a rate card from the CSV Meta publishes (one per currency: a title and "Effective …" line, then
 * a header "Market, Currency, Marketing, Utility, Authentication, Authentication-International, Service",
 * then one row per market) or a provider's or the owner's own spreadsheet in the same spirit. Tolerant
 * of what spreadsheets do: lines before the header, semicolons, "€ 0,0409", blank or "n/a" prices, a
 * country or "+32" instead of a market. Strict about numbers: a price that is not one refuses the
 * whole file, with its line, so nothing half-read is saved.
 */
export function readRateCard(text: string, importedAt: number): RateCardReading {
  const rows = parseCsv(text);
  const headerAt = rows.findIndex(isHeader);
  const header = rows[headerAt];
  if (header === undefined) {
    return {
      ok: false,
      errors: [
        'This file has no header row with a Market column and price columns (Marketing, Utility, Authentication, Service). ' +
          'Download the rate card from Meta’s pricing page as CSV, or add such a header.',
      ],
    };
  }
  const columns = columnsOf(header.cells);
  const preamble = rows
    .slice(0, headerAt)
    .flatMap((r) => r.cells)
    .join(' ');
  const errors: string[] = [];
  const notes: string[] = [];
  const currencies = new Set<string>();
  const markets = new Map<string, MarketPrices>();

  for (const row of rows.slice(headerAt + 1)) {
    const name = row.cells[columns.market] ?? '';
    if (name === '') continue;
    const market = resolveMarket(name);
    if (market === null) {
      notes.push(
        `Line ${row.line}: “${name}” is not a market or country CareWindow knows; its prices were left out.`,
      );
      continue;
    }
    const prices = pricesOf(row, columns, currencies, errors);
    if (prices === null) continue;
    if (markets.has(market)) notes.push(`Line ${row.line}: “${name}” appears twice; the later line counts.`);
    markets.set(market, { market, ...prices });
  }
  if (errors.length === 0 && markets.size === 0) errors.push('No prices were found below the header row.');
  const currency = errors.length === 0 ? currencyOf(currencies, preamble, errors) : null;
  if (errors.length > 0 || currency === null) {
    const shown = errors.slice(0, MAX_ERRORS);
    if (errors.length > MAX_ERRORS) shown.push(`…and ${errors.length - MAX_ERRORS} more.`);
    return { ok: false, errors: shown };
  }
  return {
    ok: true,
    rateCard: {
      currency,
      effectiveFrom: effectiveDate(preamble),
      importedAt,
      markets: [...markets.values()],
    },
    notes,
  };
}

interface Columns {
  market: number;
  currency: number;
  prices: Partial<Record<BilledCategory, number>>;
}

const norm = (cell: string) =>
  cell
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();

function isHeader(row: CsvRow): boolean {
  const cells = row.cells.map(norm);
  return (
    cells.some((c) => /^(market|country|region|destination)\b/.test(c)) &&
    cells.some((c) => CATEGORIES.some((cat) => c.startsWith(cat)))
  );
}

function columnsOf(cells: readonly string[]): Columns {
  const names = cells.map(norm);
  const find = (test: (c: string) => boolean) => names.findIndex(test);
  const prices: Columns['prices'] = {};
  for (const category of CATEGORIES) {
    // "Authentication" and not "Authentication-International": the international rate applies only to
    // large senders (Meta, "Authentication-international rates").
    const exact = find((c) => c === category || c === `${category} rate` || c === `${category} price`);
    const loose = find((c) => c.startsWith(category) && !c.includes('international'));
    const at = exact >= 0 ? exact : loose;
    if (at >= 0) prices[category] = at;
  }
  return {
    market: find((c) => /^(market|country|region|destination)\b/.test(c)),
    currency: find((c) => c === 'currency'),
    prices,
  };
}

function pricesOf(
  row: CsvRow,
  columns: Columns,
  currencies: Set<string>,
  errors: string[],
): Omit<MarketPrices, 'market'> | null {
  const result: Omit<MarketPrices, 'market'> = {
    marketing: null,
    utility: null,
    authentication: null,
    service: null,
  };
  let ok = true;
  const declared = columns.currency >= 0 ? (row.cells[columns.currency] ?? '').toUpperCase() : '';
  if (/^[A-Z]{3}$/.test(declared)) currencies.add(declared);
  for (const category of CATEGORIES) {
    const at = columns.prices[category];
    if (at === undefined) continue;
    const cell = row.cells[at] ?? '';
    const price = priceOf(cell, currencies);
    if (price === 'invalid') {
      errors.push(
        `Line ${row.line}: “${cell}” is not a price for ${category}. Write it like 0.0409, or leave it empty.`,
      );
      ok = false;
    } else {
      result[category] = price;
    }
  }
  return ok ? result : null;
}

function priceOf(cell: string, currencies: Set<string>): number | null | 'invalid' {
  const text = cell.trim();
  if (text === '' || /^(n\/?a|-|–|—|not available)$/i.test(text)) return null;
  const sign = /^(US\$|[€£₹$])/.exec(text)?.[1] ?? /\s?([€£₹])$/.exec(text)?.[1];
  const code = /\b([A-Z]{3})\b/.exec(text)?.[1];
  if (sign !== undefined && SIGNS[sign] !== undefined) currencies.add(SIGNS[sign]);
  if (code !== undefined) currencies.add(code);
  let digits = text.replace(/US\$|[€£₹$]|\b[A-Z]{3}\b/g, '').replace(/\s/g, '');
  // "0,0409" is a European decimal comma; "1,234.50" has a thousands comma.
  digits = digits.includes('.') ? digits.replace(/,/g, '') : digits.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(digits)) return 'invalid';
  const value = Number(digits);
  return value <= 1000 ? value : 'invalid';
}

function currencyOf(found: Set<string>, preamble: string, errors: string[]): string | null {
  const fromPreamble = /\b(USD|EUR|GBP|INR|IDR|AUD|BRL|MXN)\b/.exec(preamble)?.[1];
  if (found.size === 0 && fromPreamble !== undefined) return fromPreamble;
  if (found.size === 1) return [...found][0] ?? null;
  errors.push(
    found.size === 0
      ? 'The file does not say its currency: add a Currency column (for example EUR) or write prices like €0.0409.'
      : `The file mixes currencies (${[...found].join(', ')}): import one rate card per currency.`,
  );
  return null;
}

/** "Effective July 1, 2025", "effective from 1 October 2026", "2026-10-01" → "2026-10-01". */
function effectiveDate(text: string): string | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const lower = text.toLowerCase();
  const monthFirst = /\b([a-z]+)\s+(\d{1,2}),?\s+(\d{4})\b/.exec(lower);
  const dayFirst = /\b(\d{1,2})\s+([a-z]+)\s+(\d{4})\b/.exec(lower);
  const parts = monthFirst
    ? { month: monthFirst[1], day: monthFirst[2], year: monthFirst[3] }
    : dayFirst
      ? { month: dayFirst[2], day: dayFirst[1], year: dayFirst[3] }
      : null;
  const month = parts ? MONTHS.indexOf(parts.month ?? '') + 1 : 0;
  if (!parts || month === 0) return null;
  return `${parts.year ?? ''}-${String(month).padStart(2, '0')}-${(parts.day ?? '').padStart(2, '0')}`;
}
