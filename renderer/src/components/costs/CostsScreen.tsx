import { useEffect, useId, useState } from 'react';
import type { MonthCosts } from '../../../../main/contract/month-costs';
import { yearMonthAt } from '../../../../main/domain/pricing/month-costs';
import { useApi, useAppState, useFormatPrefs, useTimeDerived } from '../../state/context';
import { useCostTerms } from '../../state/cost-terms';
import { errorMessage } from '../../state/errors';
import { FormProblem } from '../FormProblem';
import { ScreenFrame } from '../screens/ScreenFrame';
import { AllowanceLine } from './AllowanceLine';
import { CategoryTotals } from './CategoryTotals';
import { CostsNote } from './CostsNote';
import { DailyChart } from './DailyChart';
import { HabitsList } from './HabitsList';
import { MonthPicker } from './MonthPicker';
import { amountText, messagesText, monthName } from '../../format/cost-amounts';

interface Loaded {
  month: string;
  costs: MonthCosts | null;
  error: string | null;
}

/**
 * What a month of sending cost, as WhatsApp bills it: charged messages by category and by day, the
 * estimated spend when the owner has a rate card, the package allowance, and the habits that cost the
 * most with what to do instead. Reloads when a message is sent or its status (and billing) comes in.
 */
export function CostsScreen() {
  const api = useApi();
  const { locale, timeZone } = useFormatPrefs();
  const current = useTimeDerived((now) => yearMonthAt(now, timeZone));
  const [chosen, setChosen] = useState<string | null>(null);
  const month = chosen ?? current;
  const rows = useAppState((s) => s.rows);
  const terms = useCostTerms();
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const chartId = useId();
  const habitsId = useId();

  useEffect(() => {
    let live = true;
    api.costs.month(month).then(
      (costs) => live && setLoaded({ month, costs, error: null }),
      (error: unknown) => live && setLoaded({ month, costs: null, error: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, month, rows, terms, attempt]);

  const costs = loaded?.month === month ? loaded.costs : null;
  return (
    <ScreenFrame
      title="Costs"
      intro={<CostsNote priced={(terms?.rateCard ?? null) !== null} />}
      actions={<MonthPicker month={month} latest={current} locale={locale} onChange={setChosen} />}
    >
      {loaded?.error ? <FormProblem message={loaded.error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {costs === null && !loaded?.error ? (
        <p className="screen-empty">Counting {monthName(month, locale)}…</p>
      ) : null}
      {costs !== null ? (
        <>
          <dl className="costs-totals" aria-label={`Totals for ${monthName(month, locale)}`}>
            <div>
              <dt>Charged</dt>
              <dd>{messagesText(costs.total.charged)}</dd>
            </div>
            {costs.total.mayBeCharged > 0 ? (
              <div>
                <dt>May be charged</dt>
                <dd>{messagesText(costs.total.mayBeCharged)}</dd>
              </div>
            ) : null}
            {costs.currency !== null ? (
              <div>
                <dt>Estimated spend</dt>
                <dd>{amountText(costs.total.estimate ?? 0, costs.currency, locale)}</dd>
              </div>
            ) : null}
          </dl>
          <AllowanceLine costs={costs} locale={locale} />
          {costs.unpriced > 0 ? (
            <p className="costs-unpriced">
              {messagesText(costs.unpriced)} went to countries your rate card has no price for: counted, but
              left out of the estimate.
            </p>
          ) : null}
          <CategoryTotals costs={costs} locale={locale} />
          <section className="screen-section" aria-labelledby={chartId}>
            <h3 id={chartId}>By day</h3>
            <DailyChart costs={costs} locale={locale} />
          </section>
          <section className="screen-section" aria-labelledby={habitsId}>
            <h3 id={habitsId}>Most expensive habits</h3>
            <HabitsList habits={costs.habits} currency={costs.currency} locale={locale} />
          </section>
        </>
      ) : null}
    </ScreenFrame>
  );
}
