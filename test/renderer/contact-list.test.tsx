import { act, screen, waitFor, within } from '@testing-library/react';
import { rowStatus } from './row-names';
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, T0 } from './moments';
import { firstScreen, countRows } from '../../main/services/contact-pages';
import { FIRST_ROWS } from '../../renderer/src/state/loading';
import { renderApp, settle, startHost } from './render-app';
import { makeRow } from './rows';
import { addContact, customerWrites, draftOf, SHOP_OPENS } from './shop-fixtures';

const PHONE = {
  tom: '+31201110001',
  sofia: '+390212345678',
  ahmed: '+32470998877',
  maria: '+31612345678',
  nina: '+4930123456',
};

/** One contact in every window state at T0; Tom got his follow-up at 10:02. */
async function shop() {
  const host = await startHost(SHOP_OPENS);
  await addContact(host, { name: 'Tom de Vries', phone: PHONE.tom });
  await addContact(host, { name: 'Sofia Rossi', phone: PHONE.sofia });
  await addContact(host, { name: 'Ahmed El Amrani', phone: PHONE.ahmed });
  await addContact(host, { name: 'Maria Jansen', phone: PHONE.maria });
  await addContact(host, { name: 'Nina Berg', phone: PHONE.nina, optIn: { status: 'none', source: null } });
  const template = await host.handlers.templates.save(draftOf({ name: 'hello', body: 'Hello!' }));
  await customerWrites(host, PHONE.tom, T0 - 2 * DAY);
  await customerWrites(host, PHONE.sofia, T0 - 3 * HOUR - DAY);
  await customerWrites(host, PHONE.ahmed, T0 + 2 * HOUR + 10 * MINUTE - DAY);
  await customerWrites(host, PHONE.maria, T0 + 42 * MINUTE - DAY, 'Is the blue one back in stock?');
  await host.advanceTo(SHOP_OPENS + 2 * MINUTE);
  const tom = (await host.handlers.contacts.list()).find((row) => row.contact.name === 'Tom de Vries');
  if (!tom) throw new Error('Tom is missing');
  await host.handlers.followUps.send(tom.contact.id, template.id);
  return host;
}

const optionNames = () => screen.getAllByRole('option').map(rowStatus);

describe('the contact list', () => {
  it('shows every contact with its state word and countdown, soonest-closing first', async () => {
    await renderApp(await shop());
    const list = screen.getByRole('listbox', { name: 'Contacts' });
    expect(within(list).getAllByRole('option')).toHaveLength(5);
    expect(optionNames()).toEqual([
      'Maria Jansen, closes in 42 min, Waiting for you, 1 unread message',
      'Ahmed El Amrani, 2 h 10 min left, Waiting for you, 1 unread message',
      'Sofia Rossi, closed 3 h ago · follow-up ready, Closed, 1 unread message',
      'Tom de Vries, template sent 10:02, Followed up, awaiting customer, 1 unread message',
      'Nina Berg, never wrote, No window',
    ]);
    const maria = screen.getByRole('option', { name: /^Maria Jansen/ });
    expect(maria.textContent).toContain('●');
    // Her window is closing, but she wrote last and has no answer: the row says so instead.
    expect(maria.textContent).toContain('Waiting for you');
    expect(maria.textContent).not.toContain('Closing');
    expect(maria.textContent).toContain('Is the blue one back in stock?');
    expect(maria.getAttribute('aria-selected')).toBe('false');
    expect(screen.getByRole('option', { name: /^Nina Berg/ }).textContent).toContain('–');
  });

  it('counts and filters by window state with toggle chips', async () => {
    const { user } = await renderApp(await shop());
    const all = screen.getByRole('button', { name: 'All 5' });
    expect(all.getAttribute('aria-pressed')).toBe('true');
    const closing = screen.getByRole('button', { name: 'Closing 1' });
    screen.getByRole('button', { name: 'Open 1' });
    screen.getByRole('button', { name: 'Closed 1' });
    screen.getByRole('button', { name: 'Followed up 1' });
    screen.getByRole('button', { name: 'No window 1' });
    screen.getByRole('button', { name: 'Waiting for you 2' });

    await user.click(closing);
    expect(closing.getAttribute('aria-pressed')).toBe('true');
    expect(all.getAttribute('aria-pressed')).toBe('false');
    expect(optionNames()).toEqual(['Maria Jansen, closes in 42 min, Waiting for you, 1 unread message']);

    await user.click(closing);
    expect(screen.getAllByRole('option')).toHaveLength(5);
  });

  it('searches names and phone digits', async () => {
    const { user } = await renderApp(await shop());
    const search = screen.getByRole('searchbox', { name: 'Search contacts' });
    await user.type(search, '612');
    await waitFor(() =>
      expect(optionNames()).toEqual(['Maria Jansen, closes in 42 min, Waiting for you, 1 unread message']),
    );
    await user.clear(search);
    await user.type(search, 'rossi');
    await waitFor(() =>
      expect(optionNames()).toEqual([
        'Sofia Rossi, closed 3 h ago · follow-up ready, Closed, 1 unread message',
      ]),
    );
    await user.clear(search);
    await user.type(search, 'xyz');
    expect(await screen.findByText('No contact matches “xyz”.')).toBeTruthy();
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('focuses the search with Ctrl+K and goes back to the list with Esc', async () => {
    const { user } = await renderApp(await shop());
    await user.keyboard('{Control>}k{/Control}');
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search contacts' }));
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(screen.getByRole('listbox', { name: 'Contacts' }));
  });

  it('moves with ↑/↓ and opens with Enter', async () => {
    const { user } = await renderApp(await shop());
    const list = screen.getByRole('listbox', { name: 'Contacts' });
    // Focusing a list with nothing selected puts the cursor on the first row.
    list.focus();
    await waitFor(() => expect(list.getAttribute('aria-activedescendant')).toBeTruthy());
    expect(list.getAttribute('aria-activedescendant')).toBe(
      screen.getByRole('option', { name: /^Maria/ }).id,
    );
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    const ahmed = screen.getByRole('option', { name: /^Ahmed/ });
    expect(list.getAttribute('aria-activedescendant')).toBe(ahmed.id);
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('log', { name: 'Conversation with Ahmed El Amrani' })).toBeTruthy();
    expect(ahmed.getAttribute('aria-selected')).toBe('true');
    // The window is open, so the message box takes the focus; Esc goes back to the list.
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Message' }));
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(list);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(await screen.findByRole('log', { name: 'Conversation with Sofia Rossi' })).toBeTruthy();
  });

  it('applies pushed row changes and re-sorts', async () => {
    const host = await shop();
    await renderApp(host);
    // Nina's first message arrives late: her window closes in 5 minutes.
    await act(() => customerWrites(host, PHONE.nina, T0 + 5 * MINUTE - DAY));
    expect(optionNames()[0]).toBe('Nina Berg, closes in 5 min, Waiting for you, 1 unread message');
    expect(screen.getByRole('button', { name: 'Closing 2' })).toBeTruthy();
  });

  it('explains an empty workspace and offers to add a contact', async () => {
    const { user } = await renderApp();
    expect(screen.getByText('No contacts yet — import a chat export or add a contact.')).toBeTruthy();
    expect(
      screen.getByText('Choose a contact to see the conversation and how long you can reply freely.'),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add your first contact' }));
    expect(screen.getByRole('dialog', { name: 'Add contact' })).toBeTruthy();
  });

  it('renders only the visible part of 10,000 contacts', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      makeRow({
        id: `bulk${i}`,
        name: `Customer ${String(i).padStart(5, '0')}`,
        state: 'open',
        expiresAt: T0 + HOUR + i * 1000,
      }),
    );
    // Too many to seed through the services in a test's time: main's answers are canned (the first
    // screen, then the rest in one chunk), and checked against the contract's schema.
    const host = await startHost();
    host.answerNext('contacts.firstScreen', firstScreen(rows, FIRST_ROWS));
    host.answerNext('contacts.page', { rows, next: null, counts: countRows(rows) });
    const { user } = await renderApp(host);
    await waitFor(() => expect(host.callsTo('contacts.page')).toHaveLength(1));
    await settle(host);
    const options = screen.getAllByRole('option');
    expect(options.length).toBeGreaterThan(5);
    expect(options.length).toBeLessThan(40);
    expect(options[0]?.getAttribute('aria-setsize')).toBe('10000');
    expect(screen.getByRole('button', { name: 'All 10000' })).toBeTruthy();
    const list = screen.getByRole('listbox', { name: 'Contacts' });
    list.focus();
    await user.keyboard('{End}');
    // happy-dom does not scroll by itself: report the scroll the virtualizer asked for.
    list.dispatchEvent(new Event('scroll'));
    await waitFor(() => expect(screen.getByRole('option', { name: /^Customer 09999,/ })).toBeTruthy());
  });
});
