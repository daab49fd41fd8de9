import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './render-app';
import { customerWrites, PHONES, startShop, TICKET_UPDATE, type Shop } from './shop-fixtures';

async function openFollowUps(shop?: Shop) {
  const { host, id, templates } = shop ?? (await startShop());
  const view = { ...(await renderApp(host)), id, templates };
  await view.user.click(screen.getByRole('button', { name: 'Follow-ups' }));
  const region = screen.getByRole('region', { name: 'Follow-ups' });
  await within(region).findByRole('region', { name: 'Ready for a follow-up' });
  return { ...view, region };
}

const names = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.follow-up-name')?.textContent);

describe('the Follow-ups view', () => {
  it('lists who can get a follow-up, and who cannot grouped by why, each with its fix', async () => {
    const { region } = await openFollowUps();
    const ready = within(region).getByRole('list', { name: 'Ready for a follow-up' });
    // The latest-closed first, as in the contact list.
    expect(names(ready)).toEqual(['Lena Vogel', 'Sofia Rossi']);
    expect(ready.textContent).toContain('closed 3 h ago · ticket_update (en_US)');
    expect(within(ready).getByRole('button', { name: 'Send follow-up to Sofia Rossi' })).toBeTruthy();

    const group = (title: string) => within(region).getByRole('group', { name: title });
    expect(within(group('No opt-in')).getByText('Carl Meyer')).toBeTruthy();
    expect(
      within(group('No opt-in')).getByRole('button', { name: 'Add opt-in for Carl Meyer' }),
    ).toBeTruthy();
    expect(
      within(group('Opted out')).getByRole('button', { name: 'Open conversation with Otto Brandt' }),
    ).toBeTruthy();
    expect(group('Already followed up').textContent).toContain(
      'Tom de VriesFollow-up already sent at 10:02 — waiting for a reply',
    );
    expect(
      within(group('Missing field')).getByRole('button', { name: 'Add ticket_ID to Paul Smit' }),
    ).toBeTruthy();
    expect(within(region).queryByRole('group', { name: 'No approved template' })).toBeNull();
    expect(within(region).queryByText('Maria Jansen')).toBeNull();
  });

  it('sends one follow-up with one click', async () => {
    const { user, region, host, id, templates } = await openFollowUps();
    await user.click(within(region).getByRole('button', { name: 'Send follow-up to Sofia Rossi' }));
    expect(host.callsTo('followUps.send')).toEqual([[id.sofia, templates.ticket]]);
    await waitFor(() =>
      expect(names(within(region).getByRole('list', { name: 'Ready for a follow-up' }))).toEqual([
        'Lena Vogel',
      ]),
    );
    await waitFor(() =>
      expect(within(region).getByRole('status').textContent).toBe('Follow-up sent to Sofia Rossi.'),
    );
  });

  it('follows up with everyone eligible after one confirmation, then shows each result', async () => {
    const { user, region, host, id, templates } = await openFollowUps();
    await user.click(within(region).getByRole('button', { name: 'Follow up all eligible (2)' }));
    const confirm = screen.getByRole('dialog', { name: 'Send 2 follow-ups?' });
    const who = within(confirm).getByRole('list', { name: 'Who gets what' });
    expect(
      within(who)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Lena Vogel — ticket_update (en_US)', 'Sofia Rossi — ticket_update (en_US)']);
    expect(host.callsTo('followUps.sendAll')).toEqual([]);
    // Lena writes STOP just before main gets the batch: main refuses her follow-up.
    host.beforeNext('followUps.sendAll', () => customerWrites(host, PHONES.lena, host.clock.now(), 'STOP'));

    await user.click(within(confirm).getByRole('button', { name: 'Send 2 follow-ups' }));
    expect(host.callsTo('followUps.sendAll')).toEqual([
      [
        [
          { contactId: id.lena, templateId: templates.ticket },
          { contactId: id.sofia, templateId: templates.ticket },
        ],
      ],
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Her STOP opened a new window, which main checks first; the result says so in main's words.
    const { refusal } = await host.handlers.followUps.preview(id.lena);
    expect(refusal?.code).toBe('window-open');
    const results = within(region).getByRole('list', { name: 'Results per contact' });
    expect(
      within(results)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      `⚠Lena VogelNot sent — ${refusal?.message ?? ''}`,
      '✓Sofia RossiSent — Sent “ticket_update” (en_US).',
    ]);
    expect(within(region).getByText('1 sent, 1 not sent.')).toBeTruthy();
    expect(document.activeElement).toBe(within(region).getByRole('heading', { name: 'Follow-up results' }));
  });

  it('cancelling the confirmation sends nothing', async () => {
    const { user, region, host } = await openFollowUps();
    await user.click(within(region).getByRole('button', { name: 'Follow up all eligible (2)' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(host.callsTo('followUps.sendAll')).toEqual([]);
  });

  it('opens the opt-in dialog from a fix, and the conversation from "Open conversation"', async () => {
    const { user, region } = await openFollowUps();
    await user.click(within(region).getByRole('button', { name: 'Add opt-in for Carl Meyer' }));
    const editor = screen.getByRole('dialog', { name: 'Add opt-in for Carl Meyer' });
    expect(within(editor).getByRole('textbox', { name: 'Proof' })).toBeTruthy();
    await user.keyboard('{Escape}');
    await user.click(within(region).getByRole('button', { name: 'Open conversation with Otto Brandt' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Otto Brandt' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Follow-ups' })).toBeNull();
  });

  it('groups missing templates under "No approved template" with a way to choose one', async () => {
    // No default, and the one utility template went back to review: nothing approved fits a follow-up.
    const shop = await startShop({
      before: async ({ host, templates }) => {
        await host.handlers.templates.save({ ...TICKET_UPDATE, status: 'pending' }, templates.ticket);
        await host.handlers.settings.update({ defaultTemplateId: null });
      },
    });
    const { user, region } = await openFollowUps(shop);
    expect(within(region).getByText('No closed windows are waiting for a follow-up right now.')).toBeTruthy();
    const group = within(region).getByRole('group', { name: 'No approved template' });
    await user.click(within(group).getByRole('button', { name: 'Choose a template for Sofia Rossi' }));
    const dialog = screen.getByRole('dialog', { name: 'Follow up with Sofia Rossi' });
    expect(document.activeElement).toBe(within(dialog).getByRole('combobox', { name: 'Template' }));
  });
});
