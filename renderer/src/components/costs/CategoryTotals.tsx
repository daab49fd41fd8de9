import type { MonthCosts } from '../../../../main/contract/month-costs';
import { amountText, CATEGORY_NAMES } from '../../format/cost-amounts';

/** The month by billing category: how many sends were charged, may be, or were free, and the estimate. */
export function CategoryTotals({ costs, locale }: { costs: MonthCosts; locale: string }) {
  const { currency } = costs;
  const money = (amount: number | null) =>
    currency === null || amount === null ? null : amountText(amount, currency, locale);
  return (
    <table className="costs-table">
      <caption>By category</caption>
      <thead>
        <tr>
          <th scope="col">Category</th>
          <th scope="col">Charged</th>
          <th scope="col">May be charged</th>
          <th scope="col">Free</th>
          {currency !== null ? <th scope="col">Estimate</th> : null}
        </tr>
      </thead>
      <tbody>
        {costs.categories.map((row) => (
          <tr key={row.category}>
            <th scope="row">{CATEGORY_NAMES[row.category]}</th>
            <td>{row.charged}</td>
            <td>{row.mayBeCharged}</td>
            <td>{row.free}</td>
            {currency !== null ? <td>{money(row.estimate)}</td> : null}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td>{costs.total.charged}</td>
          <td>{costs.total.mayBeCharged}</td>
          <td>{costs.categories.reduce((sum, row) => sum + row.free, 0)}</td>
          {currency !== null ? <td>{money(costs.total.estimate)}</td> : null}
        </tr>
      </tfoot>
    </table>
  );
}
