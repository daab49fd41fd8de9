import { readdir, readFile } from 'node:fs/promises';
import { customer, expect, leaveDemo, screenshotPath, test } from './fixtures';

test('a backup made in Settings is restored with a preview, and the data it replaced is kept', async ({
  app,
  host,
  dataRoot,
}) => {
  await leaveDemo(app);
  await host.app.handlers.contacts.create(customer('Maria Jansen', '+31612345678'));
  await host.app.handlers.contacts.create(customer('Ahmed El Amrani', '+31687654321'));
  const list = app.getByRole('listbox', { name: 'Contacts' });
  await expect(list.getByRole('option')).toHaveCount(2);

  await app.getByRole('button', { name: 'Settings' }).click();
  const settings = app.getByRole('dialog', { name: 'Settings' });
  const backups = settings.getByRole('group', { name: 'Backups' });
  await expect(backups).toContainText('No backup yet.');
  await expect(backups.getByLabel('Backup folder')).toHaveValue(`${dataRoot}/backups`);
  await backups.getByRole('button', { name: 'Back up now' }).click();
  await expect(backups).toContainText('Last backup: Tue 24 Nov, 15:20.');
  await expect(backups.getByRole('list', { name: 'Backups' }).getByRole('listitem')).toHaveText([
    /Tue 24 Nov, 15:20 · 2 contacts, 0 messages/,
  ]);
  await settings.getByRole('button', { name: 'Cancel' }).click();

  // A change after the backup, which the restore takes back.
  await host.app.handlers.contacts.create(customer('Sofia Rossi', '+31611122233'));
  await expect(list.getByRole('option')).toHaveCount(3);

  await app.getByRole('button', { name: 'Settings' }).click();
  await backups.getByRole('button', { name: 'Restore the backup of Tue 24 Nov, 15:20…' }).click();
  const preview = backups.getByRole('region', { name: 'Backup of Tue 24 Nov, 15:20' });
  await expect(preview).toContainText('It holds 2 contacts, 0 messages of your own workspace.');
  await expect(preview).toContainText(/Checked: (its one file is|all \d+ files are) exactly as/);
  await app.screenshot({ path: screenshotPath('restore-backup-preview') });
  await preview.getByRole('button', { name: 'Restore this backup' }).click();

  await expect(settings).toHaveCount(0);
  await expect(list.getByRole('option')).toHaveCount(2);
  await expect(list.getByRole('option', { name: /^Sofia Rossi,/ })).toHaveCount(0);
  expect((await readdir(dataRoot)).filter((name) => name.startsWith('before-restore-'))).toHaveLength(1);
});

/** An Android "Export chat" of a customer saved only by number, with WhatsApp's own notice on top. */
const CHAT_EXPORT = [
  '24/11/2026, 09:00 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
  '24/11/2026, 09:01 - +31 6 5555 1234: Is the blue one back in stock?',
  '24/11/2026, 09:05 - Bakkerij de Vries: Yes, from Thursday.',
  '24/11/2026, 09:06 - +31 6 5555 1234: Great, thanks!',
  '',
].join('\r\n');

test('a chat export is imported with a preview, undone, imported again, exported, and the contact deleted', async ({
  app,
  host,
}) => {
  await leaveDemo(app);
  const list = app.getByRole('listbox', { name: 'Contacts' });

  /** A <details> menu stays open after a choice, and clicking its summary again would close it. */
  const menuItem = async (menu: string, item: string) => {
    const button = app.getByRole('button', { name: item });
    if (!(await button.isVisible())) await app.getByText(menu, { exact: true }).click();
    await button.click();
  };

  const importOnce = async () => {
    await menuItem('Import / export', 'Import chat export (WhatsApp)');
    const dialog = app.getByRole('dialog', { name: 'Import chat export' });
    await dialog.getByLabel('The .txt or .zip file from WhatsApp’s “Export chat”').setInputFiles({
      name: 'WhatsApp Chat with +31 6 5555 1234.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(CHAT_EXPORT),
    });
    const shop = dialog.getByRole('radio', { name: 'Bakkerij de Vries' });
    await expect(shop).toBeVisible();
    if (!(await shop.isChecked())) await shop.check();
    await expect(dialog.getByRole('status')).toContainText(
      '3 new messages (2 from the customer, 1 from you), 0 already imported, 1 WhatsApp notices left out.',
    );
    await dialog.getByRole('button', { name: 'Import 3 messages' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Imported 3 messages.');
    return dialog;
  };

  // The list behind the dialog is inert (hidden from roles) while it is open: ask the main process.
  const contacts = async () => (await host.app.handlers.contacts.list()).length;
  const first = await importOnce();
  expect(await contacts()).toBe(1);
  await first.getByRole('button', { name: 'Undo' }).click();
  await expect(first.getByRole('status')).toHaveText(
    'The import was undone: the conversation is as it was before.',
  );
  expect(await contacts()).toBe(0);
  await first.getByRole('button', { name: 'Done' }).click();

  const second = await importOnce();
  await second.getByRole('button', { name: 'Open the conversation' }).click();
  await expect(second).toHaveCount(0);
  const log = app.getByRole('log');
  await expect(log).toContainText('Is the blue one back in stock?');
  await expect(log).toContainText('Yes, from Thursday.');
  await app.screenshot({ path: screenshotPath('imported-conversation') });

  const downloading = app.waitForEvent('download');
  await menuItem('Export', 'Conversation as HTML (to read or print)');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.html$/);
  const html = await readFile(await download.path(), 'utf8');
  expect(html).toContain('Is the blue one back in stock?');
  expect(html).toContain('Yes, from Thursday.');

  await menuItem('Export', 'Delete contact…');
  const confirm = app.getByRole('dialog', { name: 'Delete this contact?' });
  await expect(confirm).toContainText('3 messages');
  await confirm.getByRole('button', { name: 'Delete for good' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(list.getByRole('option')).toHaveCount(0);
});
