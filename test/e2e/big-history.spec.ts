import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAppState } from '../../main/store/app-state';
import { workspaceDir } from '../../main/store/workspace-paths';
import { generateWorkspace, type GeneratedWorkspace } from '../bench/generate-workspace';
import { expect, screenshotPath, START, test as base } from './fixtures';

/**
 * A 50,000-message conversation in the real UI: the owner's workspace generated (the benches' generator,
 * through the store's own API) into the data folder before the preview host opens it.
 */
const made = new Map<string, GeneratedWorkspace>();

const test = base.extend<{ generated: GeneratedWorkspace }>({
  // Generated while the data folder is made, so the host (which needs the folder) opens it complete.
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  dataRoot: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'carewindow-e2e-big-'));
    made.set(
      dir,
      await generateWorkspace(workspaceDir(dir, 'real'), {
        contacts: 30,
        messages: 50_300,
        biggest: 50_000,
        years: 3,
        seed: 12,
        now: START,
      }),
    );
    const state = await openAppState(dir);
    await state.save({ activeWorkspace: 'real' });
    await state.close();
    await use(dir);
    made.delete(dir);
    await rm(dir, { recursive: true, force: true });
  },
  generated: async ({ dataRoot }, use) => {
    const generated = made.get(dataRoot);
    if (!generated) throw new Error('the workspace was not generated');
    await use(generated);
  },
});

test.setTimeout(180_000);

test('a 50,000-message conversation scrolls in pages and jumps to a date', async ({
  app,
  host,
  generated,
}) => {
  const biggest = await host.app.handlers.contacts.get(generated.biggest.id);
  const name = biggest.contact.name;
  await app
    .getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},`) })
    .click();
  const log = app.getByRole('log', { name: `Conversation with ${name}` });
  await expect(log).toHaveAttribute('aria-busy', 'false');
  const items = log.locator('.log-item');
  const newest = (await host.app.handlers.conversation.history(biggest.contact.id, { limit: 1 })).messages[0];
  if (!newest) throw new Error('the generated conversation is empty');
  await expect(log.locator(`time[datetime="${new Date(newest.at).toISOString()}"]`).first()).toBeVisible();
  // Only what is in view is drawn, out of the 200 messages held.
  expect(await items.count()).toBeLessThan(60);

  // Scrolling up pages in older messages and drops the newest once far away.
  const oldestShown = async () =>
    Date.parse((await log.locator('.log-item time').first().getAttribute('datetime')) ?? '');
  const before = await oldestShown();
  for (let i = 0; i < 12; i++) {
    await log.hover();
    await app.mouse.wheel(0, -20_000);
    await expect(log).toHaveAttribute('aria-busy', 'false');
  }
  await expect(log.getByRole('button', { name: 'Load newer messages' })).toBeVisible();
  expect(await oldestShown()).toBeLessThan(before);
  expect(await items.count()).toBeLessThan(60);

  // Jump to a date a year and a half back: the first message of that day is in view and marked.
  const jump = app.getByRole('search', { name: 'Jump to a date' });
  await jump.getByLabel('Jump to').fill('2025-06-02');
  await jump.getByRole('button', { name: 'Go' }).click();
  const focused = log.locator('[aria-current="location"]');
  await expect(focused).toBeVisible();
  const at = Date.parse((await focused.locator('time').first().getAttribute('datetime')) ?? '');
  expect(at).toBeGreaterThanOrEqual(Date.parse('2025-06-01T22:00:00Z'));
  expect(at).toBeLessThan(Date.parse('2025-06-12T22:00:00Z'));
  await app.screenshot({ path: screenshotPath('big-history-jump-to-date') });

  // Back to the latest.
  await log.getByRole('button', { name: 'Jump to the latest' }).click();
  await expect(log.locator(`time[datetime="${new Date(newest.at).toISOString()}"]`).first()).toBeVisible();
});
