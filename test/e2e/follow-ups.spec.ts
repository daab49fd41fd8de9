import type { Page } from '@playwright/test';
import { expect, openContact, screenshotPath, test } from './fixtures';

const contactRow = (page: Page, name: string) => page.getByRole('option', { name: new RegExp(`^${name},`) });

test('one click in the Follow-ups view sends the follow-up; a simulated reply opens a new window', async ({
  app,
  host,
}) => {
  await app.getByRole('button', { name: 'Follow-ups', exact: true }).click();
  const view = app.getByRole('region', { name: 'Follow-ups' });
  const ready = view.getByRole('region', { name: 'Ready for a follow-up' });
  await expect(ready).toContainText('Sofia Rossi');
  await app.screenshot({ path: screenshotPath('follow-ups-view') });

  await ready.getByRole('button', { name: 'Send follow-up to Sofia Rossi' }).click();
  await expect(view.getByText('Follow-up sent to Sofia Rossi.')).toBeVisible();
  await expect(ready).not.toContainText('Sofia Rossi');
  await app.getByRole('searchbox', { name: 'Search contacts' }).fill('Sofia');
  await expect(contactRow(app, 'Sofia Rossi')).toHaveAccessibleName(/Followed up, awaiting customer/);
  // The provider received exactly one template, filled with Sofia's ticket number.
  const sent = host.app.simulator?.sent ?? [];
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ kind: 'template', to: '+393471234567' });
  expect(sent[0]?.kind === 'template' && sent[0].text).toContain('R-2198');

  await openContact(app, 'Sofia Rossi');
  await expect(app.getByRole('log', { name: 'Conversation with Sofia Rossi' })).toContainText('R-2198');
  await app.getByRole('button', { name: 'Simulate customer message' }).click();
  const simulate = app.getByRole('dialog', { name: 'Simulate a customer message' });
  await simulate.getByRole('combobox', { name: 'From' }).selectOption({ label: 'Sofia Rossi' });
  await simulate.getByRole('textbox', { name: 'Message' }).fill('Thanks, the repair can go ahead.');
  await simulate.getByRole('button', { name: 'Send as the customer' }).click();
  await expect(simulate).toHaveCount(0);
  await expect(app.getByRole('log', { name: 'Conversation with Sofia Rossi' })).toContainText(
    'Thanks, the repair can go ahead.',
  );
  // She has just written and nobody answered yet: she waits for the owner.
  await expect(contactRow(app, 'Sofia Rossi')).toHaveAccessibleName(/23 h 59 min left, Waiting for you/);
  await expect(app.getByRole('textbox', { name: 'Message' })).toBeEditable();
});

test('a contact without opt-in shows the reason and the fix; after the fix the next missing piece is named', async ({
  app,
}) => {
  await app.getByRole('button', { name: 'Follow-ups', exact: true }).click();
  const view = app.getByRole('region', { name: 'Follow-ups' });
  const noOptIn = view.getByRole('group', { name: 'No opt-in' });
  await expect(noOptIn).toContainText('Kevin Jacobs has not opted in');
  await noOptIn.getByRole('button', { name: 'Add opt-in for Kevin Jacobs' }).click();

  // A small dialog for the opt-in alone (how, when, proof), not the whole contact editor.
  const editor = app.getByRole('dialog', { name: 'Add opt-in for Kevin Jacobs' });
  await editor.getByRole('combobox', { name: 'How they agreed' }).selectOption({ label: 'In the shop' });
  await editor.getByRole('button', { name: 'Save opt-in' }).click();
  await expect(editor).toHaveCount(0);

  // With the opt-in recorded, the next thing in the way is named: his templates need a field he lacks.
  await expect(noOptIn).not.toContainText('Kevin Jacobs');
  const missing = view.getByRole('group', { name: 'Missing field' });
  await expect(missing).toContainText('Kevin Jacobs');
  await expect(missing.getByRole('button', { name: /^Add \w+ to Kevin Jacobs$/ })).toBeVisible();
});

test('a template with a missing field cannot be sent and says which field', async ({ app, host }) => {
  await openContact(app, 'Jesse Vermeulen');
  await app.getByRole('button', { name: 'Follow up', exact: true }).click();
  const dialog = app.getByRole('dialog', { name: 'Follow up with Jesse Vermeulen' });
  await dialog.getByRole('combobox', { name: 'Template' }).selectOption({ label: 'ticket_update (en_US)' });
  await expect(dialog).toContainText('ticket_ID');
  await expect(dialog.getByRole('button', { name: 'Add ticket_ID to Jesse Vermeulen' })).toBeVisible();
  // The preview refuses before anything is sent: the button stays disabled and nothing reaches WhatsApp.
  await expect(dialog.getByRole('button', { name: 'Send now' })).toBeDisabled();
  expect(host.app.simulator?.sent ?? []).toEqual([]);
  await app.screenshot({ path: screenshotPath('follow-up-missing-field') });
});
