import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeBridge, HOUR, makeRow, MINUTE, T0 } from './fake-api';
import { emit, renderApp } from './render-app';

function shop() {
  return new FakeBridge([
    makeRow({
      id: 'tom',
      name: 'Tom de Vries',
      phone: '+31201110001',
      state: 'awaiting-reply',
      followUpSentAt: Date.UTC(2025, 10, 26, 9, 2),
    }),
    makeRow({
      id: 'sofia',
      name: 'Sofia Rossi',
      phone: '+390212345',
      state: 'closed',
      expiresAt: T0 - 3 * HOUR,
      followUp: 'ready',
    }),
    makeRow({
      id: 'ahmed',
      name: 'Ahmed El Amrani',
      state: 'open',
      expiresAt: T0 + 2 * HOUR + 10 * MINUTE,
      phone: '+32470998877',
    }),
    makeRow({
      id: 'maria',
      name: 'Maria Jansen',
      state: 'closing',
      expiresAt: T0 + 42 * MINUTE,
      phone: '+31612345678',
      lastText: 'Is the blue one back in stock?',
    }),
    makeRow({
      id: 'nina',
      name: 'Nina Berg',
      phone: '+4930123456',
      state: 'none',
      optIn: { status: 'none', at: null, source: null },
    }),
  ]);
}

const optionNames = () => screen.getAllByRole('option').map((option) => option.getAttribute('aria-label'));

describe('the contact list', () => {
  it('shows every contact with its state word and countdown, soonest-closing first', async () => {
    await renderApp(shop());
    const list = screen.getByRole('listbox', { name: 'Contacts' });
    expect(within(list).getAllByRole('option')).toHaveLength(5);
    expect(optionNames()).toEqual([
      'Maria Jansen, Closing, closes in 42 min',
      'Ahmed El Amrani, Open, 2 h 10 min left',
      'Sofia Rossi, Closed, closed 3 h ago · follow-up ready',
      'Tom de Vries, Awaiting reply, template sent 10:02',
      'Nina Berg, No window, never wrote',
    ]);
    const maria = screen.getByRole('option', { name: /^Maria Jansen/ });
    expect(maria.textContent).toContain('●');
    expect(maria.textContent).toContain('Closing');
    expect(maria.textContent).toContain('Is the blue one back in stock?');
    expect(maria.getAttribute('aria-selected')).toBe('false');
    expect(screen.getByRole('option', { name: /^Nina Berg/ }).textContent).toContain('–');
  });

  it('counts and filters by window state with toggle chips', async () => {
    const { user } = await renderApp(shop());
    const all = screen.getByRole('button', { name: 'All 5' });
    expect(all.getAttribute('aria-pressed')).toBe('true');
    const closing = screen.getByRole('button', { name: 'Closing 1' });
    screen.getByRole('button', { name: 'Open 1' });
    screen.getByRole('button', { name: 'Closed 1' });
    screen.getByRole('button', { name: 'Awaiting reply 1' });
    screen.getByRole('button', { name: 'No window 1' });

    await user.click(closing);
    expect(closing.getAttribute('aria-pressed')).toBe('true');
    expect(all.getAttribute('aria-pressed')).toBe('false');
    expect(optionNames()).toEqual(['Maria Jansen, Closing, closes in 42 min']);

    await user.click(closing);
    expect(screen.getAllByRole('option')).toHaveLength(5);
  });

  it('searches names and phone digits', async () => {
    const { user } = await renderApp(shop());
    const search = screen.getByRole('searchbox', { name: 'Search contacts' });
    await user.type(search, '612');
    await waitFor(() => expect(optionNames()).toEqual(['Maria Jansen, Closing, closes in 42 min']));
    await user.clear(search);
    await user.type(search, 'rossi');
    await waitFor(() =>
      expect(optionNames()).toEqual(['Sofia Rossi, Closed, closed 3 h ago · follow-up ready']),
    );
    await user.clear(search);
    await user.type(search, 'xyz');
    expect(await screen.findByText('No contact matches “xyz”.')).toBeTruthy();
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('focuses the search with Ctrl+K and goes back to the list with Esc', async () => {
    const { user } = await renderApp(shop());
    await user.keyboard('{Control>}k{/Control}');
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search contacts' }));
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(screen.getByRole('listbox', { name: 'Contacts' }));
  });

  it('moves with ↑/↓ and opens with Enter', async () => {
    const { user } = await renderApp(shop());
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
    const fake = shop();
    await renderApp(fake);
    const nina = makeRow({ id: 'nina', name: 'Nina Berg', state: 'closing', expiresAt: T0 + 5 * MINUTE });
    emit(() => fake.emit('contacts:changed', { rows: [nina] }));
    expect(optionNames()[0]).toBe('Nina Berg, Closing, closes in 5 min');
    expect(screen.getByRole('button', { name: 'Closing 2' })).toBeTruthy();
  });

  it('explains an empty workspace and offers to add a contact', async () => {
    const { user } = await renderApp(new FakeBridge());
    expect(screen.getByText('No contacts yet — add a contact to get started.')).toBeTruthy();
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
    const { user } = await renderApp(new FakeBridge(rows));
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
