import { getCountries, getCountryCallingCode } from 'libphonenumber-js/max';
import { marketNamed, marketOfRegion, OTHER_MARKET } from './markets';

const englishName = new Intl.DisplayNames(['en'], { type: 'region' });
const key = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Every country libphonenumber knows, by its English name, its ISO code, and its calling code. */
const COUNTRIES = getCountries().map((region) => ({
  region: region,
  name: englishName.of(region) ?? region,
  callingCode: getCountryCallingCode(region),
}));
type Country = (typeof COUNTRIES)[number];
const BY_NAME = new Map<string, Country>(COUNTRIES.map((c) => [key(c.name), c]));
const BY_REGION = new Map<string, Country>(COUNTRIES.map((c) => [c.region, c]));

/** "Netherlands" for NL: the name a rate card row for one country carries. */
export function countryName(region: string): string {
  return BY_REGION.get(region)?.name ?? region;
}

/**
 * The rate card row a cell names, as the name the app stores: a Meta market ("North America", "Rest of
 * Africa", "Other"), or one country a provider prices on its own ("Belgium", "BE", "+32"). A calling
 * code shared by several markets (+1: the US and Canada, but also Puerto Rico and the Caribbean) is read
 * as the market its main country is in. Null when nothing matches.
 */
export function resolveMarket(cell: string): string | null {
  const market = marketNamed(cell);
  if (market !== null) return market;
  const code = /^\+?\s*(\d{1,4})$/.exec(cell.trim())?.[1];
  if (code !== undefined) {
    const countries = COUNTRIES.filter((c) => c.callingCode === code);
    const markets = new Set(countries.map((c) => marketOfRegion(c.region)));
    if (code === '1') return marketOfRegion('US');
    const [only] = [...markets];
    if (markets.size === 1 && only !== undefined) {
      return only === OTHER_MARKET && countries[0] ? countries[0].name : only;
    }
    return null;
  }
  const trimmed = cell.trim();
  const country = /^[A-Za-z]{2}$/.test(trimmed)
    ? BY_REGION.get(trimmed.toUpperCase())
    : BY_NAME.get(key(trimmed));
  if (country === undefined) return null;
  const own = marketOfRegion(country.region);
  // A country that is a market of its own is named as the market ("NL" → "Netherlands").
  return MARKET_OF_ONE.has(own) ? own : country.name;
}

const MARKET_OF_ONE = new Set(
  COUNTRIES.map((c) => marketOfRegion(c.region)).filter(
    (m) => m !== OTHER_MARKET && !m.startsWith('Rest of') && m !== 'North America',
  ),
);

/** The rows that can price a number of this country, most specific first. */
export function marketsFor(region: string | null): string[] {
  if (region === null) return [OTHER_MARKET];
  return [...new Set([countryName(region), marketOfRegion(region), OTHER_MARKET])];
}
