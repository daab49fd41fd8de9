const HOUR = 60 * 60 * 1000;

/**
 * A date as spreadsheets write it: ISO ("2024-03-15", with or without a time), or day, month and year
 * separated by `/`, `.` or `-` with a 2- or 4-digit year. Day first, as European shops write it, unless
 * only month first makes a date ("03/25/2024"). A date alone becomes noon
 * UTC, so it shows as the same calendar day in any time zone a shop is in. Null when it is not a date.
 */
export function parseCsvDate(text: string): number | null {
  const value = text.trim();
  const iso =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      value,
    );
  if (iso) {
    const [, y, m, d, hh, , zone] = iso;
    if (hh === undefined) return calendarDay(Number(y), Number(m), Number(d));
    // A time without a zone is read as UTC: a spreadsheet cell rarely says which zone it meant.
    const parsed = Date.parse(value.replace(' ', 'T') + (zone === undefined ? 'Z' : ''));
    return Number.isNaN(parsed) ? null : parsed;
  }
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ ,T]+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?$/.exec(
    value,
  );
  if (!local) return null;
  const [, a, b, yearText] = local;
  const first = Number(a);
  const second = Number(b);
  const year = (yearText?.length === 2 ? 2000 : 0) + Number(yearText);
  return first > 12 || second <= 12 ? calendarDay(year, second, first) : calendarDay(year, first, second);
}

function calendarDay(year: number, month: number, day: number): number | null {
  const at = Date.UTC(year, month - 1, day) + 12 * HOUR;
  const date = new Date(at);
  // Date.UTC rolls 31 February into March: such a date is a typing error, not a day.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return at;
}
