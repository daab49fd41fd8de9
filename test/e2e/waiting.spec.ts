import type { Page } from '@playwright/test';
import { sortRows } from '../../main/contract/contact-order';
import { expect, openContact, screenshotPath, test } from './fixtures';

const contactRow = (page: Page, name: string) => page.getByRole('option', { name: new RegExp(`^${name},`) });

const firstPart = (label: string) => label.split(',')[0] ?? '';

async function listNames(page: Page): Promise<string[]> {
  const options = await page.getByRole('listbox', { name: 'Contacts' }).getByRole('option').all();
  const names: string[] = [];
  for (const option of options) names.push((await option.getAttribute('aria-label')) ?? '');
  return names;
}

test('a message from another customer raises the unread count and the badge and moves them up; a label filters', async ({
  app,
  host,
}) => {
  await expect(app.getByRole('listbox', { name: 'Contacts' }).getByRole('option').first()).toBeVisible();
  await expect(app).toHaveTitle('CareWindow');
  // A customer who never wrote sits at the bottom of the list.
  const rows = await host.app.handlers.contacts.list();
  const quiet = rows.find((row) => row.window.state === 'none');
  if (!quiet) throw new Error('The demo has no customer who never wrote');
  const name = quiet.contact.name;
  // Its place in the one list order (the row may be scrolled out of the virtualised list).
  const before = sortRows(rows).findIndex((row) => row.contact.id === quiet.contact.id);
  expect(before).toBeGreaterThan(8);
  const badgeBefore = host.notifier.badge.count;

  await host.app.handlers.demo.simulateInbound(quiet.contact.id, 'Is my order ready to collect?');

  await expect(contactRow(app, name)).toHaveAccessibleName(/, Waiting for you, .*, 1 unread message$/);
  await expect(app).toHaveTitle('(1) CareWindow');
  expect(host.notifier.badge.count).toBe(badgeBefore + 1);
  expect(host.notifier.badge.description).toMatch(/^1 unread message/);
  const after = Number(await contactRow(app, name).getAttribute('aria-posinset')) - 1;
  expect(after).toBeLessThan(before);
  await app.screenshot({ path: screenshotPath('waiting-for-you') });

  // Opening the conversation reads it.
  await openContact(app, name);
  await expect(app).toHaveTitle('CareWindow');

  // Label the contact from the header, then filter the list by that label.
  await app.getByRole('button', { name: 'Label…' }).click();
  const dialog = app.getByRole('dialog', { name: `Labels for ${name}` });
  await dialog.getByRole('checkbox', { name: 'New order' }).check();
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  await app.getByRole('button', { name: 'Labels' }).click();
  await app
    .getByRole('group', { name: 'Show contacts with label' })
    .getByRole('button', { name: 'New order' })
    .click();
  await expect.poll(async () => (await listNames(app)).map(firstPart)).toEqual([name]);
  await app.screenshot({ path: screenshotPath('label-filter') });
});

test('the legend explains the window states, and "closing soon" filters the list', async ({ app }) => {
  await app.getByRole('button', { name: 'What the window states mean' }).click();
  const legend = app.getByRole('dialog', { name: 'Window states' });
  await expect(legend).toContainText('Followed up, awaiting customer');
  await expect(legend).toContainText('Waiting for you');
  await app.screenshot({ path: screenshotPath('window-states-legend') });
  await legend.getByRole('button', { name: 'Close' }).click();

  await app.getByRole('button', { name: /^\d+ closing soon$/ }).click();
  const names = await listNames(app);
  expect(names.length).toBeGreaterThan(0);
  for (const label of names) expect(label).toMatch(/, (Closing|Waiting for you), /);
});
