import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { advanceClock, expect, openContact, screenshotPath, startHost, test } from './fixtures';
import { MINUTE } from '../../main/domain/durations';

const contactRow = (page: Page, name: string) => page.getByRole('option', { name: new RegExp(`^${name},`) });

test('the demo workspace loads with every window state, sorted by what closes first', async ({ app }) => {
  await expect(app.getByRole('region', { name: 'Demo workspace' })).toContainText('demo data');
  const list = app.getByRole('listbox', { name: 'Contacts' });
  await expect(list.getByRole('option').first()).toHaveAccessibleName(
    /^Lucas Bakker, closes in 1[23] min, Waiting for you/,
  );
  const chips = app.getByRole('group', { name: 'Show contacts by window state' });
  for (const chip of [
    /^Waiting for you \d+$/,
    /^Closing \d+$/,
    /^Open \d+$/,
    /^Closed \d+$/,
    /^Followed up \d+$/,
    /^No window \d+$/,
  ]) {
    await expect(chips.getByRole('button', { name: chip })).toBeVisible();
  }
  await chips.getByRole('button', { name: /^Followed up/ }).click();
  await expect(list.getByRole('option').first()).toHaveAccessibleName(/Followed up, awaiting customer/);
  await chips.getByRole('button', { name: /^All/ }).click();
  await openContact(app, 'Maria Jansen');
  await expect(app.getByRole('log', { name: 'Conversation with Maria Jansen' })).toContainText(
    'Is the blue one back in stock?',
  );
  await app.getByRole('searchbox', { name: 'Search contacts' }).fill('');
  await app.screenshot({ path: screenshotPath('main-window-light') });
  await app.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot({ path: screenshotPath('main-window-dark') });
});

test('a countdown ticks and a window goes from open to closing to closed as the clock moves; the composer locks', async ({
  app,
  host,
}) => {
  // Zeynep wrote 22 h 30 min before the test's start: 1 h 30 min left; unanswered, so she is waiting.
  // (A text typed but not sent is no answer: she stays "Waiting for you" until the window closes.)
  await openContact(app, 'Zeynep Kaya');
  const row = contactRow(app, 'Zeynep Kaya');
  await expect(row).toHaveAccessibleName(/1 h 29 min left, Waiting for you/);
  const composer = app.getByRole('textbox', { name: 'Message' });
  await expect(composer).toBeEditable();
  await composer.fill('Yes, gift wrapping is free!');

  advanceClock(host, 31 * MINUTE);
  await expect(row).toHaveAccessibleName(/closes in 5\d min, Waiting for you/);
  await expect(app.getByRole('heading', { level: 2, name: 'Zeynep Kaya' })).toBeVisible();

  advanceClock(host, 56 * MINUTE);
  await expect(row).toHaveAccessibleName(/closes in [23] min \d+ s, Waiting for you/);
  await app.screenshot({ path: screenshotPath('closing-under-5-minutes') });

  advanceClock(host, 3 * MINUTE);
  await expect(row).toHaveAccessibleName(/closed .*follow-up ready, Closed/);
  await expect(app.getByRole('textbox', { name: 'Message' })).toHaveCount(0);
  await expect(app.getByRole('status').filter({ hasText: '24-hour window closed' })).toBeVisible();
  // What the owner had typed is still there to copy.
  await expect(app.getByRole('textbox', { name: /unsent text/ })).toHaveValue('Yes, gift wrapping is free!');
  await app.screenshot({ path: screenshotPath('window-closed') });
});

test('a simulated customer message reopens a closed window', async ({ app }) => {
  await openContact(app, 'Sofia Rossi');
  // Her row stays in view while the list moves her up.
  await app.getByRole('searchbox', { name: 'Search contacts' }).fill('Sofia Rossi');
  await expect(contactRow(app, 'Sofia Rossi')).toHaveAccessibleName(/Closed/);
  await expect(app.getByRole('textbox', { name: 'Message' })).toHaveCount(0);
  await app.getByRole('button', { name: 'Simulate customer message' }).click();
  const simulate = app.getByRole('dialog', { name: 'Simulate a customer message' });
  await simulate.getByRole('combobox', { name: 'From' }).selectOption({ label: 'Sofia Rossi' });
  // Left empty, the customer writes one of the demo's lines.
  await expect(simulate.getByRole('textbox', { name: 'Message' })).toHaveValue('');
  await simulate.getByRole('button', { name: 'Send as the customer' }).click();
  await expect(simulate).toHaveCount(0);
  // She has just written and nobody answered yet: "Waiting for you", not "Open".
  await expect(contactRow(app, 'Sofia Rossi')).toHaveAccessibleName(/23 h 59 min left, Waiting for you/);
  await expect(app.getByRole('textbox', { name: 'Message' })).toBeEditable();
});

test('sending inside the window shows the message; a refused send keeps the draft', async ({ app, host }) => {
  await openContact(app, 'Emma de Groot');
  const composer = app.getByRole('textbox', { name: 'Message' });
  await composer.fill('Your order ships tomorrow.');
  await app.getByRole('button', { name: 'Send', exact: true }).click();
  const log = app.getByRole('log', { name: 'Conversation with Emma de Groot' });
  await expect(log).toContainText('Your order ships tomorrow.');
  await expect(composer).toHaveValue('');

  host.app.simulator?.refuseNext('the network is unreachable');
  await composer.fill('And the gift wrapping is included.');
  await composer.press('Control+Enter');
  await expect(
    app.getByRole('alert').filter({ hasText: 'the network is unreachable' }).first(),
  ).toBeVisible();
  await expect(composer).toHaveValue('And the gift wrapping is included.');
});

test('adding a contact with a bad phone number shows what to fix and keeps what was typed', async ({
  app,
}) => {
  await app.getByRole('button', { name: 'Add contact' }).click();
  const dialog = app.getByRole('dialog', { name: 'Add contact' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Jan Pieters');
  await dialog.getByRole('textbox', { name: 'WhatsApp number' }).fill('06 123');
  await dialog.getByRole('button', { name: 'Save contact' }).click();
  await expect(dialog.getByRole('textbox', { name: 'WhatsApp number' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(dialog).toContainText('not a valid phone number');
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('Jan Pieters');
  await app.screenshot({ path: screenshotPath('contact-editor-error') });

  await dialog.getByRole('textbox', { name: 'WhatsApp number' }).fill('+31 6 1234 5678');
  await dialog.getByRole('button', { name: 'Save contact' }).click();
  await expect(dialog).toContainText(/already saved for Maria Jansen/i);
  await dialog.getByRole('button', { name: 'Open Maria Jansen' }).click();
  await expect(app.getByRole('heading', { level: 2, name: 'Maria Jansen' })).toBeVisible();
});

test('the keyboard reaches the list, opens a contact and searches', async ({ app }) => {
  await expect(app.getByRole('listbox', { name: 'Contacts' }).getByRole('option').first()).toBeVisible();
  await app.keyboard.press('Control+k');
  await expect(app.getByRole('searchbox', { name: 'Search contacts' })).toBeFocused();
  await app.keyboard.type('Tom');
  // The owner sees the search narrow the list before moving into it.
  await expect(app.getByRole('listbox', { name: 'Contacts' }).getByRole('option')).toHaveCount(1);
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { level: 2, name: 'Tom de Vries' })).toBeVisible();
  await expect(contactRow(app, 'Tom de Vries')).toHaveAccessibleName(/Followed up, awaiting customer/);
});

test('a damaged data file is reported, kept aside, and the app still starts', async ({ page, dataRoot }) => {
  const workspace = join(dataRoot, 'workspaces', 'real');
  await mkdir(workspace, { recursive: true });
  await writeFile(
    join(dataRoot, 'app.json'),
    JSON.stringify({ schemaVersion: 1, activeWorkspace: 'real', windowBounds: null }),
  );
  const damaged = '{"schemaVersion":1,"contacts":[{"id":"c1","name":"Maria"';
  await writeFile(join(workspace, 'contacts.json'), damaged);

  const host = await startHost(dataRoot);
  try {
    await page.goto(host.url);
    const alert = page.getByRole('alert').filter({ hasText: 'contacts.json' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('corrupt');
    await page.screenshot({ path: screenshotPath('damaged-file-reported') });
    const kept = await readdir(join(workspace, 'corrupt'));
    const copy = kept.find((name) => name.startsWith('contacts'));
    expect(copy).toBeDefined();
    expect(await readFile(join(workspace, 'corrupt', copy ?? ''), 'utf8')).toBe(damaged);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert).toHaveCount(0);
  } finally {
    await host.close();
  }
});
