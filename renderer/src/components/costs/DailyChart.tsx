import { useId } from 'react';
import type { MonthCosts } from '../../../../main/contract/month-costs';
import { amountText, dayName, messagesText, monthName } from '../../format/cost-amounts';
import { CHART_SIZE, dayBars, type DayBar } from './chart-bars';

/**
 * The month by day as a bar chart in plain SVG: each bar is the day's estimated spend (with a rate card)
 * or its charged messages (without), with the "may be charged" part stacked lighter on top. The picture
 * has a one-sentence summary for screen readers, and the same numbers are a table below it.
 */
export function DailyChart({ costs, locale }: { costs: MonthCosts; locale: string }) {
  const tableId = useId();
  const { currency } = costs;
  const priced = currency !== null;
  const bars = dayBars(costs.days, priced);
  const valueText = (value: number) => (priced ? amountText(value, currency, locale) : messagesText(value));
  const busy = bars.filter((bar) => bar.charged + bar.mayBe > 0);
  const total = priced ? (costs.total.estimate ?? 0) : costs.total.charged;
  const summary = chartSummary(bars, total, costs.month, locale, valueText, priced);
  const { width, height } = CHART_SIZE;
  return (
    <figure className="costs-chart">
      <svg
        role="img"
        aria-label={summary}
        aria-describedby={tableId}
        viewBox={`0 0 ${String(width)} ${String(height)}`}
        preserveAspectRatio="none"
      >
        <line className="costs-chart-axis" x1={0} x2={width} y1={height} y2={height} />
        {bars.map((bar) => (
          <g key={bar.date} data-date={bar.date}>
            <title>{`${dayName(bar.date, locale)}: ${valueText(bar.charged)}${bar.mayBe > 0 ? `, and ${valueText(bar.mayBe)} that may be charged` : ''}`}</title>
            <BarPart part="charged" bar={bar} y={bar.chargedY} height={bar.chargedHeight} />
            <BarPart part="may-be" bar={bar} y={bar.mayBeY} height={bar.mayBeHeight} />
          </g>
        ))}
      </svg>
      <figcaption className="costs-chart-legend">
        <span className="costs-key charged" aria-hidden="true" /> Charged
        <span className="costs-key may-be" aria-hidden="true" /> May be charged
      </figcaption>
      <details className="costs-days">
        <summary>Show the days as a table</summary>
        <table id={tableId}>
          <caption>Days of {monthName(costs.month, locale)} with charged messages</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Charged</th>
              <th scope="col">May be charged</th>
              {priced ? <th scope="col">Estimate</th> : null}
            </tr>
          </thead>
          <tbody>
            {busy.length === 0 ? (
              <tr>
                <td colSpan={priced ? 4 : 3}>No charged messages this month.</td>
              </tr>
            ) : (
              costs.days
                .filter((day) => day.charged + day.mayBeCharged > 0)
                .map((day) => (
                  <tr key={day.date}>
                    <th scope="row">{dayName(day.date, locale)}</th>
                    <td>{day.charged}</td>
                    <td>{day.mayBeCharged}</td>
                    {priced ? <td>{amountText(day.estimate ?? 0, currency, locale)}</td> : null}
                  </tr>
                ))
            )}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** One stacked part of a day's bar; a part with no height is left out rather than drawn flat. */
function BarPart({
  part,
  bar,
  y,
  height,
}: {
  part: 'charged' | 'may-be';
  bar: DayBar;
  y: number;
  height: number;
}) {
  return height > 0 ? (
    <rect className={`costs-bar ${part}`} x={bar.x} y={y} width={bar.width} height={height} />
  ) : null;
}

/** "Estimated spend per day in November 2026: ≈ €0.10 in total, most on 24 November (≈ €0.10)." */
function chartSummary(
  bars: readonly DayBar[],
  total: number,
  month: string,
  locale: string,
  valueText: (value: number) => string,
  priced: boolean,
): string {
  const what = priced ? 'Estimated spend per day' : 'Charged messages per day';
  const top = bars.reduce<DayBar | null>(
    (best, bar) => (best === null || bar.charged > best.charged ? bar : best),
    null,
  );
  if (top === null || total === 0) return `${what} in ${monthName(month, locale)}: nothing charged.`;
  return (
    `${what} in ${monthName(month, locale)}: ${valueText(total)} in total, ` +
    `most on ${dayName(top.date, locale)} (${valueText(top.charged)}).`
  );
}
