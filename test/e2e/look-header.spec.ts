import type { Locator, Page } from '@playwright/test';
import { expect, openContact, screenshotPath, test } from './fixtures';

/**
 * Issue 14, small windows: at 1024×700 the phone number ran into Follow up, and at 800×600 the name was
 * cut to a few letters while the header's buttons ate the conversation. In the three kinds of header
 * (open, closed with Follow up, followed up and waiting) the name and number show in full, nothing in
 * the header lies on top of them, and the conversation keeps most of the height.
 */
const SIZES = [
  { width: 800, height: 600 },
  { width: 1024, height: 700 },
] as const;

const CONTACTS = [
  { name: 'ليلى حداد', state: 'open' },
  { name: 'Sofia Rossi', state: 'closed' },
  { name: 'Mohammed Ouali', state: 'followed-up' },
] as const;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function boxOf(locator: Locator, what: string): Promise<Box> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error(`${what} is not on screen`);
  return box;
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** True when the text is cut (an ellipsis or hidden overflow): it needs more room than it was given. */
const isCut = (locator: Locator) =>
  locator.evaluate((el: unknown) => {
    const e = el as { scrollWidth: number; clientWidth: number };
    return e.scrollWidth > e.clientWidth;
  });

async function headerControls(page: Page): Promise<{ what: string; box: Box }[]> {
  const actions = page.locator('.conversation-header .conversation-actions');
  const controls = actions.locator('button, summary, input, label');
  const found: { what: string; box: Box }[] = [];
  for (const control of await controls.all()) {
    const what = `"${(await control.textContent())?.trim() ?? ''}" (${await control.evaluate((el: unknown) => (el as { tagName: string }).tagName)})`;
    found.push({ what, box: await boxOf(control, what) });
  }
  return found;
}

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} the conversation header shows each name and number whole, clear of its buttons`, async ({
    app,
  }) => {
    await app.setViewportSize(size);
    // The narrower sidebar of a small window still holds its title, bell and screen buttons.
    const sidebar = await boxOf(app.getByRole('region', { name: 'Contact list' }), 'the sidebar');
    for (const button of await app.locator('.sidebar-header button, .sidebar-nav button').all()) {
      const box = await boxOf(button, 'a sidebar button');
      expect
        .soft(box.x + box.width, `"${await button.textContent()}" runs out of the sidebar`)
        .toBeLessThanOrEqual(sidebar.x + sidebar.width);
    }
    for (const contact of CONTACTS) {
      await openContact(app, contact.name);
      const header = app.locator('.conversation-header');
      const name = header.getByRole('heading', { level: 2, name: contact.name });
      const phone = header.locator('.conversation-phone');
      expect.soft(await isCut(name), `${contact.name}: the name is cut`).toBe(false);
      expect.soft(await isCut(phone), `${contact.name}: the number is cut`).toBe(false);
      const nameBox = await boxOf(name, 'the name');
      const phoneBox = await boxOf(phone, 'the number');
      expect.soft(overlap(nameBox, phoneBox), `${contact.name}: name and number overlap`).toBe(false);
      const controls = await headerControls(app);
      if (contact.state !== 'open') {
        expect.soft(controls.map((c) => c.what).join(' ')).toContain('"Follow up');
      }
      for (const control of controls) {
        expect
          .soft(overlap(nameBox, control.box), `${contact.name}: ${control.what} lies on the name`)
          .toBe(false);
        expect
          .soft(overlap(phoneBox, control.box), `${contact.name}: ${control.what} lies on the number`)
          .toBe(false);
        expect
          .soft(control.box.x + control.box.width, `${control.what} runs off the window`)
          .toBeLessThanOrEqual(size.width);
      }
      // The conversation, not the header, gets most of the pane.
      const headerBox = await boxOf(header, 'the header');
      const log = await boxOf(app.getByRole('log', { name: `Conversation with ${contact.name}` }), 'the log');
      expect
        .soft(headerBox.height, `${contact.name}: the header is taller than the conversation`)
        .toBeLessThan(log.height);
      await app.screenshot({
        path: screenshotPath(`look-header-${size.width}x${size.height}-${contact.state}`),
      });
    }
  });
}
