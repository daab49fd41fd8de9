import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, settle } from './render-app';
import { startShop } from './shop-fixtures';

const RATE_CARD = [
  'Market,Currency,Marketing,Utility,Authentication,Service',
  'Netherlands,EUR,0.1365,0.0400,0.0400,0.0300',
].join('\n');

/**
 * The shop at T0 (26 November 2025): Tom got the utility follow-up this morning, and the owner sends
 * Maria, whose window is open, the marketing template spring_sale.
 */
async function openCosts() {
  const shop = await startShop();
  const { host, id, templates } = shop;
  await host.handlers.conversation.sendTemplate(id.maria, templates.sale);
  const view = await renderApp(host);
  await view.user.click(screen.getByRole('button', { name: 'Costs' }));
  const region = screen.getByRole('region', { name: 'Costs' });
  await within(region).findByRole('table', { name: 'By category' });
  return { ...view, region };
}

const cells = (table: HTMLElement, row: string) =>
  within(table).getByRole('rowheader', { name: row }).closest('tr')?.querySelectorAll('td');

describe('the Costs view', () => {
  it('counts this month’s charged messages without a rate card, never an amount', async () => {
    const { region } = await openCosts();
    const totals = within(region).getByRole('definition');
    expect(totals.textContent).toBe('2 messages');
    expect(region.textContent).toContain('Without a rate card CareWindow counts messages only.');
    expect(region.textContent).not.toContain('€');

    const table = within(region).getByRole('table', { name: 'By category' });
    expect([...(cells(table, 'Utility templates') ?? [])].map((td) => td.textContent)).toEqual([
      '1',
      '0',
      '0',
    ]);
    expect([...(cells(table, 'Marketing templates') ?? [])].map((td) => td.textContent)).toEqual([
      '1',
      '0',
      '0',
    ]);

    const chart = within(region).getByRole('img');
    expect(chart.getAttribute('aria-label')).toBe(
      'Charged messages per day in November 2025: 2 messages in total, most on 26 November (2 messages).',
    );
    const habits = within(region).getByRole('region', { name: 'Most expensive habits' });
    expect(habits.textContent).toContain('Templates sent while the window was open 1 message');
    expect(habits.textContent).toContain('a normal message does the job');
  });

  it('shows estimates once a rate card is imported, and the note says the provider decides', async () => {
    const { region, host } = await openCosts();
    await host.handlers.costs.importRateCard(RATE_CARD);
    await settle(host);
    await waitFor(() => expect(within(region).getByText('Estimated spend')).toBeTruthy());
    expect(region.textContent).toContain('≈ €0.1765');
    expect(region.textContent).toContain('What you actually pay is decided by your provider’s terms');
    const chart = within(region).getByRole('img');
    expect(chart.getAttribute('aria-label')).toBe(
      'Estimated spend per day in November 2025: ≈ €0.1765 in total, most on 26 November (≈ €0.1765).',
    );
    expect(region.textContent).toContain('≈ €0.1365 more than needed');
  });

  it('draws one bar per day with the day’s share, and the same numbers as a table', async () => {
    const { region } = await openCosts();
    const chart = within(region).getByRole('img');
    const groups = chart.querySelectorAll('g[data-date]');
    expect(groups).toHaveLength(30);
    const bars = chart.querySelectorAll('rect.costs-bar');
    expect(bars).toHaveLength(1);
    expect(bars[0]?.closest('g')?.getAttribute('data-date')).toBe('2025-11-26');
    expect(bars[0]?.getAttribute('height')).toBe('160');
    const days = within(region).getByRole('table', { name: 'Days of November 2025 with charged messages' });
    expect(
      within(days)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual(['DayChargedMay be charged', '26 November20']);
  });

  it('goes back a month, and not past this one', async () => {
    const { region, user } = await openCosts();
    expect(within(region).getByRole('button', { name: 'Next month, December 2025' })).toHaveProperty(
      'disabled',
      true,
    );
    await user.click(within(region).getByRole('button', { name: 'Previous month, October 2025' }));
    await waitFor(() =>
      expect(within(region).getByRole('img').getAttribute('aria-label')).toBe(
        'Charged messages per day in October 2025: nothing charged.',
      ),
    );
    expect(within(region).getByRole('definition').textContent).toBe('0 messages');
    expect(within(region).getByText('Nothing to change: no costly habits this month.')).toBeTruthy();
  });
});
