import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import {
  startPreviewHost,
  type PreviewHost,
  type PreviewHostOptions,
} from '../../main/platform/preview/host';
import type { ContactDraft } from '../../main/contract/model';
import type { Logger } from '../../main/services/ports';

/** Tue 24 Nov 2026 15:20 in Amsterdam: every test starts at the same instant. */
export const START = Date.parse('2026-11-24T14:20:00Z');

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

type Fixtures = {
  /** A fresh, empty data folder; a test may write files into it before the host starts. */
  dataRoot: string;
  /** The app's main process; a spec may override it (connect.spec.ts points it at a fake Graph API). */
  host: PreviewHost;
  app: Page;
};

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  dataRoot: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'carewindow-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  host: async ({ dataRoot }, use) => {
    const host = await startHost(dataRoot);
    await use(host);
    await host.close();
  },
  app: async ({ page, host }, use) => {
    await page.goto(host.url);
    await use(page);
  },
});

/** What a spec may add to the host: a fake provider's address, a webhook port. */
export type HostExtras = Partial<Omit<PreviewHostOptions, 'rendererDir' | 'dataRoot' | 'log'>>;

/** Starts the preview host (the real composition root) on a data folder, at START. */
export function startHost(dataRoot: string, extras: HostExtras = {}): Promise<PreviewHost> {
  return startPreviewHost({
    rendererDir: resolve(__dirname, '../../out/renderer'),
    dataRoot,
    startAt: START,
    systemLocale: 'en-GB',
    // The same zone as the page (playwright.config.ts), as on a real computer.
    systemTimeZone: 'Europe/Amsterdam',
    log: quiet,
    ...extras,
  });
}

/** Moves the app's clock as sleep or a long wait would, and lets the app react to it. */
export function advanceClock(host: PreviewHost, ms: number): void {
  host.clock.advance(ms);
  host.app.clockChanged();
}

/** A customer who signed the opt-in form in the shop, as a spec adds one through the handlers. */
export const customer = (name: string, phone: string): ContactDraft => ({
  name,
  phone,
  notes: '',
  fields: {},
  optIn: { status: 'opted-in', at: null, source: 'in-store', proof: 'Signed the form.' },
});

/** Opens a contact's conversation from the list, found by name, and clears the search again. */
export async function openContact(page: Page, name: string): Promise<void> {
  const search = page.getByRole('searchbox', { name: 'Search contacts' });
  await search.fill(name);
  await page.getByRole('option', { name: new RegExp(`^${name},`) }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await search.fill('');
}

/** The owner leaves the demo for an empty real workspace, as from the demo banner. */
export async function leaveDemo(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start my own workspace' }).click();
  await page
    .getByRole('dialog', { name: 'Leave the demo?' })
    .getByRole('button', { name: 'Leave the demo' })
    .click();
  await expect(page.getByRole('region', { name: 'Demo workspace' })).toHaveCount(0);
}

/** Screenshots are run output, like traces: test-results/ is ignored by git and wiped by `npm run check`. */
export const screenshotPath = (name: string) =>
  resolve(__dirname, '../../test-results/screenshots', `${name}.png`);

export { expect } from '@playwright/test';
