import type { MonthCosts } from '../../../../main/contract/month-costs';
import { amountText, messagesText } from '../../format/cost-amounts';

/** How much of the provider package's monthly allowance the charged messages used, when there is one. */
export function AllowanceLine({ costs, locale }: { costs: MonthCosts; locale: string }) {
  const { allowance, currency } = costs;
  if (allowance === null) return null;
  const left = allowance.included - allowance.used;
  const beyondAmount =
    currency !== null && allowance.beyondEstimate !== null && allowance.beyond > 0
      ? ` (${amountText(allowance.beyondEstimate, currency, locale)} by your rate card)`
      : '';
  return (
    <p className="costs-allowance">
      Your package includes {messagesText(allowance.included)} a month: {allowance.used} used
      {allowance.beyond > 0
        ? `, and ${messagesText(allowance.beyond)} beyond it${beyondAmount}.`
        : `, ${String(left)} left.`}
    </p>
  );
}
