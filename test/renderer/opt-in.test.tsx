import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, T0 } from './moments';
import { openContact, renderApp, startHost } from './render-app';
import { addContact, customerWrites } from './shop-fixtures';

const OTTO = '+4915112345678';

/** Otto opted in at the counter a month ago, wrote STOP yesterday, and wrote again 4 hours ago. */
async function ottosShop(wroteStart: boolean) {
  const host = await startHost(T0 - 30 * DAY);
  const otto = await addContact(host, {
    name: 'Otto Brandt',
    phone: OTTO,
    optIn: { status: 'opted-in', at: T0 - 30 * DAY, source: 'in-store', proof: 'Signed at the counter' },
  });
  // A month passes in one step (as across a sleep), rather than minute by minute.
  await host.jumpTo(T0 - 4 * HOUR);
  await customerWrites(host, OTTO, T0 - DAY, ' STOP ');
  await customerWrites(host, OTTO, T0 - 4 * HOUR, wroteStart ? 'Start' : 'Thanks');
  return { host, otto };
}

describe('consent in the conversation', () => {
  it('marks the message that opted the customer out', async () => {
    const { user } = await renderApp((await ottosShop(false)).host);
    const log = await openContact(user, 'Otto Brandt');
    expect(await within(log).findByText('Otto wrote STOP — opted out of templates')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Opt-in request' })).toBeNull();
  });

  it('asks the owner to confirm a START, and confirms through contacts.confirmOptIn', async () => {
    const { host, otto } = await ottosShop(true);
    const { user } = await renderApp(host);
    const log = await openContact(user, 'Otto Brandt');
    expect(await within(log).findByText('Otto wrote Start — asks to receive templates again')).toBeTruthy();
    const banner = screen.getByRole('region', { name: 'Opt-in request' });
    expect(banner.textContent).toContain('Otto wrote Start. Opt them back in?');
    await user.click(within(banner).getByRole('button', { name: 'Confirm opt-in' }));
    expect(host.callsTo('contacts.confirmOptIn')).toEqual([[otto]]);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Opt-in request' })).toBeNull());
  });

  it('keeps the banner and says why when confirming fails', async () => {
    const { host } = await ottosShop(true);
    // A full disk, say: the real app on a temp folder cannot be brought to fail this way.
    host.failNext('contacts.confirmOptIn', {
      code: 'storage',
      message: 'The contact could not be saved. Try again.',
    });
    const { user } = await renderApp(host);
    await openContact(user, 'Otto Brandt');
    const banner = screen.getByRole('region', { name: 'Opt-in request' });
    await user.click(within(banner).getByRole('button', { name: 'Confirm opt-in' }));
    expect((await within(banner).findByRole('alert')).textContent).toBe(
      'The contact could not be saved. Try again.',
    );
  });
});

describe('the opt-in history', () => {
  it('is shown read-only in the contact editor, newest first', async () => {
    const { user } = await renderApp((await ottosShop(false)).host);
    await openContact(user, 'Otto Brandt');
    await user.click(screen.getByRole('button', { name: 'Edit contact' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit contact' });
    const table = within(dialog).getByRole('table', { name: 'Opt-in history' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Date', 'Change', 'By', 'Note'],
      ['Tue 25 Nov 14:00', 'Opted out · WhatsApp message', 'Customer', 'Wrote “STOP” on WhatsApp.'],
      ['Mon 27 Oct 14:00', 'Opted in · In the shop', 'You', 'Signed at the counter'],
    ]);
    expect(within(table).queryByRole('textbox')).toBeNull();
  });
});
