/**
 * The markets of Meta's WhatsApp rate cards and the countries (ISO 3166 alpha-2) each covers. Meta bills
 * by the recipient's country calling code; a country without a market of its own falls in a "Rest of …"
 * bucket, and anything else in "Other". Market names as in Meta's rate cards (e.g. the EUR card quoted
 * by saysimple.com, "WhatsApp Conversation-Based pricing"; the same markets in the per-message cards of
 * 1 July 2025, "Pricing on the WhatsApp Business Platform", developers.facebook.com/docs/whatsapp/pricing,
 * read 2026). Countries are keyed by region rather than calling code because +1 is shared: North America
 * is the US and Canada, while Puerto Rico and the Caribbean are in "Rest of Latin America".
 */
export const MARKETS: Readonly<Record<string, readonly string[]>> = {
  Argentina: ['AR'],
  Brazil: ['BR'],
  Chile: ['CL'],
  Colombia: ['CO'],
  Egypt: ['EG'],
  France: ['FR'],
  Germany: ['DE'],
  India: ['IN'],
  Indonesia: ['ID'],
  Israel: ['IL'],
  Italy: ['IT'],
  Malaysia: ['MY'],
  Mexico: ['MX'],
  Netherlands: ['NL'],
  Nigeria: ['NG'],
  Pakistan: ['PK'],
  Peru: ['PE'],
  Russia: ['RU'],
  'Saudi Arabia': ['SA'],
  'South Africa': ['ZA'],
  Spain: ['ES'],
  Turkey: ['TR'],
  'United Arab Emirates': ['AE'],
  'United Kingdom': ['GB'],
  'North America': ['US', 'CA'],
  'Rest of Africa': [
    'DZ',
    'AO',
    'BJ',
    'BW',
    'BF',
    'BI',
    'CM',
    'TD',
    'CG',
    'ER',
    'ET',
    'GA',
    'GM',
    'GH',
    'GW',
    'CI',
    'KE',
    'LS',
    'LR',
    'LY',
    'MG',
    'MW',
    'ML',
    'MR',
    'MA',
    'MZ',
    'NA',
    'NE',
    'RW',
    'SN',
    'SL',
    'SO',
    'SS',
    'SD',
    'SZ',
    'TZ',
    'TG',
    'TN',
    'UG',
    'ZM',
  ],
  'Rest of Asia Pacific': [
    'AF',
    'AU',
    'BD',
    'KH',
    'CN',
    'HK',
    'JP',
    'LA',
    'MN',
    'NP',
    'NZ',
    'PG',
    'PH',
    'SG',
    'LK',
    'TW',
    'TJ',
    'TH',
    'TM',
    'UZ',
    'VN',
  ],
  'Rest of Central & Eastern Europe': [
    'AL',
    'AM',
    'AZ',
    'BY',
    'BG',
    'HR',
    'CZ',
    'GE',
    'HU',
    'LV',
    'LT',
    'MD',
    'MK',
    'PL',
    'RO',
    'RS',
    'SK',
    'SI',
    'UA',
  ],
  'Rest of Latin America': [
    'BO',
    'CR',
    'DO',
    'EC',
    'SV',
    'GT',
    'HT',
    'HN',
    'JM',
    'NI',
    'PA',
    'PY',
    'PR',
    'UY',
    'VE',
  ],
  'Rest of Middle East': ['BH', 'IQ', 'JO', 'KW', 'LB', 'OM', 'QA', 'YE'],
  'Rest of Western Europe': ['AT', 'BE', 'DK', 'FI', 'GR', 'IE', 'NO', 'PT', 'SE', 'CH'],
  Other: [],
};

/** The catch-all market for countries no other market lists. */
export const OTHER_MARKET = 'Other';

/** Other ways a rate card or an owner writes a market's name. */
const ALIASES: Readonly<Record<string, string>> = {
  uk: 'United Kingdom',
  'great britain': 'United Kingdom',
  uae: 'United Arab Emirates',
  usa: 'North America',
  'united states': 'North America',
  us: 'North America',
  canada: 'North America',
  turkiye: 'Turkey',
  'the netherlands': 'Netherlands',
  'rest of lain america': 'Rest of Latin America',
  'rest of central and eastern europe': 'Rest of Central & Eastern Europe',
  'rest of world': OTHER_MARKET,
  'rest of the world': OTHER_MARKET,
};

const key = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9&]+/g, ' ')
    .trim();

const BY_KEY = new Map<string, string>([
  ...Object.keys(MARKETS).map((m) => [key(m), m] as const),
  ...Object.entries(ALIASES).map(([alias, m]) => [key(alias), m] as const),
]);
const BY_REGION = new Map<string, string>(
  Object.entries(MARKETS).flatMap(([market, regions]) => regions.map((r) => [r, market] as const)),
);

/** "the Netherlands", "NETHERLANDS", "Rest of Lain America" → the market's own name; null when unknown. */
export function marketNamed(name: string): string | null {
  return BY_KEY.get(key(name)) ?? null;
}

/** The market a country's numbers are billed in: its own, a "Rest of …" bucket, or "Other". */
export function marketOfRegion(region: string | null): string {
  return (region !== null ? BY_REGION.get(region) : undefined) ?? OTHER_MARKET;
}
