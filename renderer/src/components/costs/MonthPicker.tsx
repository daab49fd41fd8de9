import { monthName, shiftMonth } from '../../format/cost-amounts';

/** The month shown: the one before, the one after (not past this month), or any month typed in. */
export function MonthPicker({
  month,
  latest,
  locale,
  onChange,
}: {
  month: string;
  /** This month: later ones have nothing sent yet. */
  latest: string;
  locale: string;
  onChange: (month: string) => void;
}) {
  const previous = shiftMonth(month, -1);
  const next = shiftMonth(month, 1);
  return (
    <div className="costs-month" role="group" aria-label="Month">
      <button
        type="button"
        className="secondary"
        aria-label={`Previous month, ${monthName(previous, locale)}`}
        onClick={() => onChange(previous)}
      >
        ‹
      </button>
      <input
        type="month"
        aria-label="Show month"
        value={month}
        max={latest}
        onChange={(event) => {
          if (/^\d{4}-\d{2}$/.test(event.target.value) && event.target.value <= latest)
            onChange(event.target.value);
        }}
      />
      <button
        type="button"
        className="secondary"
        aria-label={`Next month, ${monthName(next, locale)}`}
        disabled={next > latest}
        onClick={() => onChange(next)}
      >
        ›
      </button>
    </div>
  );
}
