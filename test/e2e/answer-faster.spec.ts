import type { PreviewHost } from '../../main/platform/preview/host';
import { DEFAULT_AUTO_REPLIES } from '../../main/contract/model';
import { advanceClock, expect, openContact, screenshotPath, START, test } from './fixtures';

async function idOf(host: PreviewHost, name: string): Promise<string> {
  const rows = await host.app.handlers.contacts.list();
  const row = rows.find((r) => r.contact.name === name);
  if (!row) throw new Error(`no demo contact ${name}`);
  return row.contact.id;
}

test('`/` in the message box inserts a quick reply filled from the contact', async ({ app, host }) => {
  await host.app.handlers.quickReplies.save({ shortcut: 'hours', text: 'We are open 9–18, {first_name}.' });
  await host.app.handlers.quickReplies.save({ shortcut: 'thanks', text: 'Thank you for your order!' });
  await openContact(app, 'Emma de Groot');
  const box = app.getByRole('textbox', { name: 'Message' });
  await box.click();
  await app.keyboard.type('/ho');
  const list = app.getByRole('listbox', { name: 'Quick replies' });
  await expect(list.getByRole('option')).toHaveCount(1);
  await app.screenshot({ path: screenshotPath('quick-reply-picker') });
  await app.keyboard.press('Enter');
  await expect(box).toHaveValue('We are open 9–18, Emma.');
  await expect(list).toHaveCount(0);
});

test('an away message goes out once at night, and never to an opted-out customer', async ({ app, host }) => {
  await host.app.handlers.autoReplies.update({
    greeting: DEFAULT_AUTO_REPLIES.greeting,
    away: { ...DEFAULT_AUTO_REPLIES.away, enabled: true, text: 'We are closed; back at 9.' },
  });
  // 15:20 → 22:30 in Amsterdam: outside business hours.
  advanceClock(host, Date.UTC(2026, 10, 24, 21, 30) - START);
  const emma = await idOf(host, 'Emma de Groot');
  const ruben = await idOf(host, 'Ruben Willems');
  await host.app.handlers.demo.simulateInbound(emma, 'Are you open tomorrow?');
  await host.app.handlers.demo.simulateInbound(emma, 'Hello?');
  await host.app.handlers.demo.simulateInbound(ruben, 'Is my order there?');
  await host.app.session().answerFaster.idle();

  const away = (host.app.simulator?.sent ?? []).filter((s) => s.text === 'We are closed; back at 9.');
  expect(away).toHaveLength(1);

  await openContact(app, 'Emma de Groot');
  const log = app.getByRole('log', { name: 'Conversation with Emma de Groot' });
  await expect(log.getByText('Sent automatically · away message')).toHaveCount(1);
  await app.screenshot({ path: screenshotPath('away-message-in-conversation') });
  await openContact(app, 'Ruben Willems');
  await expect(app.getByRole('log', { name: 'Conversation with Ruben Willems' })).toBeVisible();
  await expect(app.getByText('Sent automatically · away message')).toHaveCount(0);
});

test('a scheduled follow-up shows on the contact and is dropped with a note when the customer writes first', async ({
  app,
  host,
}) => {
  await openContact(app, 'Sofia Rossi');
  await app
    .getByRole('button', { name: /^Follow up/ })
    .first()
    .click();
  const dialog = app.getByRole('dialog', { name: 'Follow up with Sofia Rossi' });
  await dialog.getByRole('button', { name: 'Schedule…' }).click();
  await dialog.getByRole('radio', { name: /Tomorrow at 09:00/ }).check();
  await app.screenshot({ path: screenshotPath('schedule-follow-up') });
  await dialog.getByRole('button', { name: 'Schedule follow-up' }).click();
  await expect(dialog).toHaveCount(0);
  const line = app.locator('.conversation-header').getByText(/Follow-up scheduled for tomorrow at 09:00/);
  await expect(line).toBeVisible();
  await app.getByRole('button', { name: 'Follow-ups', exact: true }).click();
  await expect(app.getByRole('region', { name: 'Scheduled' })).toContainText('Sofia Rossi');

  await host.app.handlers.demo.simulateInbound(await idOf(host, 'Sofia Rossi'), 'Never mind, found it!');
  await host.app.session().answerFaster.idle();
  await expect(app.getByRole('region', { name: 'Scheduled' })).toHaveCount(0);
  const centre = await host.app.handlers.notifications.centre();
  expect(centre.notifications[0]?.title).toBe('Scheduled follow-up dropped: Sofia Rossi');

  advanceClock(host, 24 * 3_600_000);
  await host.app.session().answerFaster.idle();
  expect((host.app.simulator?.sent ?? []).filter((s) => s.kind === 'template')).toEqual([]);
});
