import { formatPrice } from '../../main/domain/pricing/estimate';
import { expect, screenshotPath, test } from './fixtures';

/** Meta's rate card, as its CSV writes it (a few markets of it), in euros. */
const RATE_CARD = [
  'WhatsApp Business Platform Rate Card',
  '"Effective October 1, 2026"',
  'Market,Currency,Marketing,Utility,Authentication,Service',
  'Italy,EUR,0.0691,0.0300,0.0300,0.0200',
  'Netherlands,EUR,0.1365,0.0400,0.0400,0.0300',
  'Other,EUR,0.0500,0.0070,0.0070,0.0060',
].join('\n');

test('a rate card imported in Settings prices the follow-up preview and the month in the Costs view', async ({
  app,
  host,
}) => {
  await app.getByRole('button', { name: 'Settings' }).click();
  const settings = app.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Rate card file').setInputFiles({
    name: 'whatsapp-rate-card.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(RATE_CARD),
  });
  await expect(settings).toContainText('Rate card: 3 markets in EUR, effective 1 October 2026');
  await settings.getByRole('button', { name: 'Cancel' }).click();
  await expect(settings).toHaveCount(0);

  await app.getByRole('searchbox', { name: 'Search contacts' }).fill('Sofia');
  await app.getByRole('option', { name: /^Sofia Rossi,/ }).click();
  await app.getByRole('button', { name: 'Follow up', exact: true }).click();
  const dialog = app.getByRole('dialog', { name: 'Follow up with Sofia Rossi' });
  await expect(dialog).toContainText('≈ €0.03 · utility · IT');
  await dialog.getByRole('button', { name: 'Send now' }).click();
  await expect(dialog).toHaveCount(0);

  await app.getByRole('button', { name: 'Costs', exact: true }).click();
  const costs = app.getByRole('region', { name: 'Costs' });
  // The demo had sent messages this month before; whatever they add up to, the view shows the same
  // total as the main process, and the follow-up is in it.
  const month = await host.app.handlers.costs.month('2026-11');
  const utility = month.categories.find((c) => c.category === 'utility');
  expect(utility?.charged ?? 0).toBeGreaterThanOrEqual(1);
  const total = `≈ ${formatPrice(month.total.estimate ?? 0, 'EUR', 'en-GB')}`;
  await expect(costs.getByRole('definition').filter({ hasText: '≈' })).toHaveText(total);
  await expect(costs.getByRole('img', { name: /^Estimated spend per day in November 2026/ })).toBeVisible();
  await expect(costs).toContainText('What you actually pay is decided by your provider’s terms');
  await app.screenshot({ path: screenshotPath('costs-view') });
});
