import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openContact, screenshotPath, test } from './fixtures';

/**
 * How the app looks and reads (issue 14): every screen and dialog scanned with axe-core with 0
 * violations, and screenshots at the three sizes the app must work at, light and dark, with the demo's
 * Arabic conversation open and nothing overflowing sideways.
 *
 * The page's Content-Security-Policy blocks script tags, so axe's source is evaluated in the page.
 */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const ARABIC = 'ليلى حداد';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function axeViolations(page: Page, within: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  // Strings, not functions: this file is type-checked without the DOM library.
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(${within}).then((result) => result.violations)`,
  );
  return violations.map(
    (v) => `${v.id} (${v.impact ?? '?'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  );
}

/** `within`: the whole page, or (as a script expression) the one part a check is about. */
async function expectAccessible(page: Page, where: string, within = 'document'): Promise<void> {
  expect(await axeViolations(page, within), where).toEqual([]);
}

/**
 * How many lines each matching element's text is laid out on: its pieces' boxes, top to bottom, and a
 * new line wherever a piece starts below the one before (a <kbd> sits a pixel off the words beside it).
 */
function linesOf(page: Page, selector: string): Promise<{ text: string; lines: number }[]> {
  return page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const boxes = [...range.getClientRects()].filter((box) => box.height > 0).sort((a, b) => a.top - b.top);
    let lines = 0;
    let bottom = -Infinity;
    for (const box of boxes) {
      if (box.top >= bottom - 1) lines += 1;
      bottom = Math.max(bottom, box.bottom);
    }
    return { text: el.textContent, lines };
  })`);
}

async function noSidewaysOverflow(page: Page): Promise<void> {
  const widths = await page.evaluate<{ scroll: number; inner: number }>(
    '({ scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth })',
  );
  expect(widths.scroll, 'the page scrolls sideways').toBeLessThanOrEqual(widths.inner);
}

test('every screen and dialog passes axe-core with 0 violations', async ({ app }) => {
  await expect(app.getByRole('region', { name: 'Demo workspace' })).toBeVisible();
  await expectAccessible(app, 'inbox');

  await openContact(app, ARABIC);
  await expectAccessible(app, 'Arabic conversation');

  await openContact(app, 'Sofia Rossi');
  await expectAccessible(app, 'closed conversation');
  await app.getByRole('button', { name: 'Preview follow-up' }).click();
  await expect(app.getByRole('dialog')).toBeVisible();
  await expectAccessible(app, 'follow-up preview');
  await app.keyboard.press('Escape');

  for (const screen of ['Follow-ups', 'Templates', 'Costs']) {
    await app.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen }).click();
    await expect(app.getByRole('button', { name: screen, pressed: true })).toBeVisible();
    await expectAccessible(app, screen);
  }
  await app.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Costs' }).click();

  await app.getByRole('button', { name: 'Settings' }).click();
  await expect(app.getByRole('dialog')).toBeVisible();
  await expectAccessible(app, 'settings');
  await app.keyboard.press('Escape');

  await app.getByRole('button', { name: 'Add contact' }).click();
  await expect(app.getByRole('dialog')).toBeVisible();
  await expectAccessible(app, 'add contact');
  await app.keyboard.press('Escape');

  await app.getByRole('button', { name: /^Notifications/ }).click();
  await expect(app.getByRole('dialog')).toBeVisible();
  await expectAccessible(app, 'notification centre');
  await app.keyboard.press('Escape');

  await app.getByRole('button', { name: 'Simulate customer message' }).click();
  await expect(app.getByRole('dialog', { name: 'Simulate a customer message' })).toBeVisible();
  await expectAccessible(app, 'simulate a customer message');
  await app.keyboard.press('Escape');
});

const SIZES = [
  { width: 800, height: 600 },
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
] as const;

for (const size of SIZES) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`at ${size.width}×${size.height} (${scheme}) the Arabic conversation fits and reads right to left`, async ({
      app,
    }) => {
      await app.setViewportSize(size);
      await app.emulateMedia({ colorScheme: scheme });
      await openContact(app, ARABIC);
      const log = app.getByRole('log', { name: `Conversation with ${ARABIC}` });
      const bubble = log.getByText('شكرا! سأمر غدا بعد الساعة 10 صباحا.');
      await expect(bubble).toBeVisible();
      expect(
        await bubble.evaluate(
          (el: unknown) =>
            (
              globalThis as unknown as { getComputedStyle(e: unknown): { direction: string } }
            ).getComputedStyle(el).direction,
        ),
      ).toBe('rtl');
      // The names stay visible: in the header, and in the list (not cut to nothing by the status).
      await expect(app.getByRole('heading', { level: 2, name: ARABIC })).toBeVisible();
      // Every row on screen keeps room for the name, however long its status text.
      const nameWidths = await app
        .getByRole('listbox', { name: 'Contacts' })
        .locator('.row-name')
        .evaluateAll((names: unknown[]) =>
          names.map(
            (el) => (el as { getBoundingClientRect(): { width: number } }).getBoundingClientRect().width,
          ),
        );
      expect(nameWidths.length).toBeGreaterThan(3);
      for (const nameWidth of nameWidths) {
        expect(nameWidth).toBeGreaterThan(50);
      }
      await expect(app.getByRole('region', { name: 'Demo workspace' })).toBeVisible();
      await noSidewaysOverflow(app);
      // The message box gets the room, not the buttons beside it (at 800 wide it once held a dozen
      // letters), and the shortcut hint reads on one line.
      const messageBox = await app.getByRole('textbox', { name: 'Message' }).boundingBox();
      expect.soft(messageBox?.width, 'the message box is squeezed').toBeGreaterThanOrEqual(280);
      for (const hint of await linesOf(app, '.composer-hint')) {
        expect.soft(hint.lines, `the hint "${hint.text}" wraps`).toBe(1);
      }
      await app.screenshot({ path: screenshotPath(`look-${size.width}x${size.height}-${scheme}`) });
      // What a small window shows differs (other rows in view, wrapped parts): scanned at every size.
      await expectAccessible(app, `conversation at ${size.width}×${size.height} (${scheme})`);

      await app
        .getByRole('navigation', { name: 'Screens' })
        .getByRole('button', { name: 'Templates' })
        .click();
      await expect(app.getByRole('button', { name: /^Edit order_ready \(nl\)/ })).toBeVisible();
      await noSidewaysOverflow(app);
      // Each name reads whole (at 800 wide they once broke a letter a line), still as the row's header.
      await expect(app.getByRole('rowheader', { name: 'appointment_reminder' })).toBeVisible();
      const names = await linesOf(app, '.templates-table .template-name');
      expect(names.length).toBeGreaterThan(3);
      for (const name of names) {
        expect.soft(name.lines, `the template name ${name.text} is broken up`).toBeLessThanOrEqual(2);
      }
      const table = await app.getByRole('table', { name: 'Your templates' }).boundingBox();
      expect(
        (table?.x ?? Infinity) + (table?.width ?? 0),
        'the table runs off the window',
      ).toBeLessThanOrEqual(size.width);
      // Laid out as two lines a template, the table still reads as a table.
      await expectAccessible(
        app,
        `Templates at ${size.width}×${size.height} (${scheme})`,
        "document.querySelector('.templates-table')",
      );
      await app.screenshot({ path: screenshotPath(`look-templates-${size.width}x${size.height}-${scheme}`) });
    });
  }
}
