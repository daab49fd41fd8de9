import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DAY, FakeBridge, HOUR, makeMessage, makeRow, T0 } from './fake-api';
import { openContact, renderApp } from './render-app';

function bridge(requested: boolean) {
  const fake = new FakeBridge([
    makeRow({
      id: 'otto',
      name: 'Otto Brandt',
      state: 'open',
      expiresAt: T0 + 20 * HOUR,
      optIn: { status: 'opted-out', at: T0 - DAY, source: null },
      optInRequestedAt: requested ? T0 - 4 * HOUR : null,
      optInHistory: [
        {
          at: T0 - 30 * DAY,
          status: 'opted-in',
          source: 'in-store',
          by: 'owner',
          note: 'Signed at the counter',
        },
        { at: T0 - DAY, status: 'opted-out', source: 'whatsapp', by: 'customer', note: 'Wrote STOP' },
      ],
    }),
  ]);
  fake.addMessages(
    makeMessage({ id: 'stop', contactId: 'otto', at: T0 - DAY, text: ' STOP ', consent: 'opted-out' }),
    ...(requested
      ? [
          makeMessage({
            id: 'start',
            contactId: 'otto',
            at: T0 - 4 * HOUR,
            text: 'Start',
            consent: 'opt-in-requested',
          }),
        ]
      : []),
  );
  return fake;
}

describe('consent in the conversation', () => {
  it('marks the message that opted the customer out', async () => {
    const { user } = await renderApp(bridge(false));
    const log = await openContact(user, 'Otto Brandt');
    expect(await within(log).findByText('Otto wrote STOP — opted out of templates')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Opt-in request' })).toBeNull();
  });

  it('asks the owner to confirm a START, and confirms through contacts.confirmOptIn', async () => {
    const fake = bridge(true);
    const { user } = await renderApp(fake);
    const log = await openContact(user, 'Otto Brandt');
    expect(await within(log).findByText('Otto wrote Start — asks to receive templates again')).toBeTruthy();
    const banner = screen.getByRole('region', { name: 'Opt-in request' });
    expect(banner.textContent).toContain('Otto wrote Start. Opt them back in?');
    await user.click(within(banner).getByRole('button', { name: 'Confirm opt-in' }));
    expect(fake.callsTo('contacts.confirmOptIn')).toEqual([['otto']]);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Opt-in request' })).toBeNull());
  });

  it('keeps the banner and says why when confirming fails', async () => {
    const fake = bridge(true);
    fake.fail('contacts.confirmOptIn', {
      code: 'storage',
      message: 'The contact could not be saved. Try again.',
    });
    const { user } = await renderApp(fake);
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
    const { user } = await renderApp(bridge(false));
    await openContact(user, 'Otto Brandt');
    await user.click(screen.getByRole('button', { name: 'Edit contact' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit contact' });
    const table = within(dialog).getByRole('table', { name: 'Opt-in history' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Date', 'Change', 'By', 'Note'],
      ['Tue 25 Nov 14:00', 'Opted out · WhatsApp message', 'Customer', 'Wrote STOP'],
      ['Mon 27 Oct 14:00', 'Opted in · In the shop', 'You', 'Signed at the counter'],
    ]);
    expect(within(table).queryByRole('textbox')).toBeNull();
  });
});
