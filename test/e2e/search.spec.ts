import type { PreviewHost } from '../../main/platform/preview/host';
import { customer, expect, leaveDemo, screenshotPath, test } from './fixtures';

/** A chat export of `lines` ("Shop" or the customer), one a minute from 1 Oct 2025 09:00 UTC. */
async function importHistory(host: PreviewHost, contactId: string, name: string, lines: readonly string[]) {
  const text = lines
    .map((line, i) => {
      const minutes = 9 * 60 + i;
      const stamp = `${String(1 + Math.floor(minutes / 1440)).padStart(2, '0')}/10/2025, ${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      return `${stamp} - ${i % 2 === 0 ? name : 'Shop'}: ${line}`;
    })
    .join('\n');
  const preview = await host.app.handlers.imports.previewChatExport({
    fileName: `WhatsApp Chat with ${name}.txt`,
    text,
    timeZone: 'UTC',
    dateOrder: 'DMY',
    shopParticipant: 'Shop',
    contactId,
  });
  await host.app.handlers.imports.applyChatExport(preview.previewId);
}

test('a word is found across conversations and the hit opens the conversation at that message', async ({
  app,
  host,
}) => {
  await leaveDemo(app);
  const maria = await host.app.handlers.contacts.create(customer('Maria Jansen', '+31612345678'));
  const ahmed = await host.app.handlers.contacts.create(customer('Ahmed El Amrani', '+31687654321'));
  // Maria's umbrella is far back in a long history: opening it needs the page around it, not the newest.
  const long = Array.from({ length: 600 }, (_, i) => `Message number ${i}`);
  long[20] = 'Do you still have the red umbrella?';
  await importHistory(host, maria.contact.id, 'Maria Jansen', long);
  await importHistory(host, ahmed.contact.id, 'Ahmed El Amrani', [
    'My umbrella broke on the first day',
    'Sorry!',
  ]);

  await app.keyboard.press('Control+Shift+F');
  const dialog = app.getByRole('dialog', { name: 'Search messages' });
  await dialog.getByRole('combobox', { name: 'Words to find' }).fill('UMBREL');
  const hits = dialog.getByRole('listbox', { name: 'Messages found' }).getByRole('option');
  await expect(hits).toHaveCount(2);
  await expect(hits.filter({ hasText: 'Maria Jansen' }).locator('mark')).toHaveText('umbrella');
  await app.screenshot({ path: screenshotPath('search-results') });

  await hits.filter({ hasText: 'Maria Jansen' }).click();
  await expect(dialog).toHaveCount(0);
  const log = app.getByRole('log', { name: 'Conversation with Maria Jansen' });
  await expect(log.getByText('Do you still have the red umbrella?')).toBeVisible();
  await app.screenshot({ path: screenshotPath('search-opened-at-hit') });
});
