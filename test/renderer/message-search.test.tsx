import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openContact, renderApp, settle, startHost } from './render-app';
import { HOUR, T0 } from './moments';
import { addContact, customerWrites } from './shop-fixtures';

describe('Searching messages', () => {
  it('finds a word across conversations, marks it, and opens the conversation at that message', async () => {
    const host = await startHost();
    await addContact(host, { name: 'Maria Jansen', phone: '+31612345001' });
    await addContact(host, { name: 'Ahmed El Amrani', phone: '+31612345002' });
    await customerWrites(host, '+31612345001', T0 - 3 * HOUR, 'Is the blue coat back in stock?');
    await customerWrites(host, '+31612345002', T0 - 2 * HOUR, 'Ik wil de Blauwe jas ruilen');
    await customerWrites(host, '+31612345002', T0 - HOUR, 'The coat fits, thank you!');
    const { user } = await renderApp(host);

    await user.keyboard('{Control>}{Shift>}f{/Shift}{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Search messages' });
    await user.type(within(dialog).getByRole('combobox', { name: 'Words to find' }), 'COAT');
    const hits = await within(within(dialog).getByRole('listbox', { name: 'Messages found' })).findAllByRole(
      'option',
    );
    // Newest first; the word marked in each, as the customer wrote it.
    expect(hits.map((hit) => hit.textContent)).toEqual([
      expect.stringContaining('Ahmed El Amrani'),
      expect.stringContaining('Maria Jansen'),
    ]);
    expect(hits.map((hit) => [...hit.querySelectorAll('mark')].map((mark) => mark.textContent))).toEqual([
      ['coat'],
      ['coat'],
    ]);
    expect(hits[0]?.getAttribute('aria-selected')).toBe('true');

    // ↓ then Enter: Maria's conversation opens at her message.
    await user.keyboard('{ArrowDown}');
    expect(hits[1]?.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Enter}');
    await settle(host);
    const log = await screen.findByRole('log', { name: 'Conversation with Maria Jansen' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(log).toBeTruthy();
    // Opened at that message: the page asked for is the one around it (the log itself is S4's to draw).
    const [maria] = (await host.handlers.search.messages({ query: 'blue coat', limit: 5 })).hits;
    await waitFor(() =>
      expect(host.calls.map((call) => [call.channel, call.args[0], call.args[1]])).toContainEqual([
        'conversation:history',
        maria?.contactId,
        expect.objectContaining({ around: { id: maria?.messageId, at: T0 - 3 * HOUR } }),
      ]),
    );
  });

  it('searches within one conversation from its header, with filters', async () => {
    const host = await startHost();
    await addContact(host, { name: 'Maria Jansen', phone: '+31612345001' });
    await addContact(host, { name: 'Ahmed El Amrani', phone: '+31612345002' });
    await customerWrites(host, '+31612345001', T0 - 3 * HOUR, 'Is the blue coat back in stock?');
    await customerWrites(host, '+31612345002', T0 - 2 * HOUR, 'Ik wil de blauwe jas ruilen');
    const { user } = await renderApp(host);
    await openContact(user, 'Ahmed El Amrani');

    await user.click(screen.getByRole('button', { name: 'Search in this conversation' }));
    const dialog = await screen.findByRole('dialog', { name: 'Search in Ahmed El Amrani' });
    const field = within(dialog).getByRole('combobox', { name: 'Words to find' });
    await user.type(field, 'blau');
    const found = within(dialog).getByRole('listbox', { name: 'Messages found' });
    const [hit] = await within(found).findAllByRole('option');
    expect(hit?.textContent).toContain('Ik wil de blauwe jas ruilen');
    expect(within(found).getAllByRole('option')).toHaveLength(1);

    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Written by' }), 'You');
    expect(await within(dialog).findByText(/No messages found/)).toBeTruthy();
    expect(within(found).queryAllByRole('option')).toHaveLength(0);
  });
});
