import type { CostHabit } from '../../../../main/contract/month-costs';
import { amountText, messagesText } from '../../format/cost-amounts';

/** The habits that cost the most this month, dearest first, each with what to do instead. */
export function HabitsList({
  habits,
  currency,
  locale,
}: {
  habits: readonly CostHabit[];
  currency: string | null;
  locale: string;
}) {
  if (habits.length === 0) {
    return <p className="screen-empty">Nothing to change: no costly habits this month.</p>;
  }
  return (
    <ul className="costs-habits">
      {habits.map((habit) => (
        <li key={habit.kind} className="costs-habit">
          <p className="costs-habit-title">
            <strong>{habit.title}</strong>{' '}
            <span className="costs-habit-count">
              {messagesText(habit.count)}
              {currency !== null && habit.extra !== null && habit.extra > 0
                ? ` · ${amountText(habit.extra, currency, locale)} more than needed`
                : ''}
            </span>
          </p>
          <p className="costs-habit-advice">{habit.advice}</p>
        </li>
      ))}
    </ul>
  );
}
