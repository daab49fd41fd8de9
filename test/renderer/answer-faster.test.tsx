import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HOUR, T0 } from './moments';
import { openContact, renderApp, startHost } from './render-app';
import { addContact, customerWrites } from './shop-fixtures';

const MARIA = '+31612345678';
const composer = () => screen.getByRole('textbox', { name: 'Message' });

/** Maria (ticket 42) wrote an hour before T0: her window is open. */
async function openWindow() {
  const host = await startHost();
  const maria = await addContact(host, { name: 'Maria Jansen', phone: MARIA, fields: { ticket_ID: '42' } });
  await customerWrites(host, MARIA, T0 - HOUR, 'Is my bag ready?');
  return { host, maria };
}

describe('Enter in the message box', () => {
  it('sends with Enter; Shift+Enter adds a line', async () => {
    const { host, maria } = await openWindow();
    const { user } = await renderApp(host);
    await openContact(user, 'Maria Jansen');
    await user.type(composer(), 'Line one{Shift>}{Enter}{/Shift}line two');
    expect(host.callsTo('conversation.sendText')).toEqual([]);
    expect(composer()).toHaveProperty('value', 'Line one\nline two');
    await user.keyboard('{Enter}');
    expect(host.callsTo('conversation.sendText')).toEqual([[maria, 'Line one\nline two']]);
    expect(screen.getByText(/sends ·/).textContent).toContain('Shift+Enter adds a line');
  });

  it('follows the setting: with it off, Enter adds a line and Ctrl+Enter sends', async () => {
    const { host, maria } = await openWindow();
    const { user } = await renderApp(host);
    await user.click(screen.getByRole('button', { name: /Settings/ }));
    await user.click(await screen.findByRole('checkbox', { name: /Enter sends the message/ }));
    await waitFor(() => expect(host.callsTo('settings.update')).toContainEqual([{ enterSends: false }]));
    await user.keyboard('{Escape}');
    await openContact(user, 'Maria Jansen');
    await user.type(composer(), 'One{Enter}two');
    expect(host.callsTo('conversation.sendText')).toEqual([]);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(host.callsTo('conversation.sendText')).toEqual([[maria, 'One\ntwo']]);
  });
});

describe('quick replies', () => {
  it('`/` opens the list, typing filters it, ↓ and Enter insert the answer filled from the contact', async () => {
    const { host } = await openWindow();
    await host.handlers.quickReplies.save({ shortcut: 'hours', text: 'We are open 9–18, {first_name}.' });
    await host.handlers.quickReplies.save({ shortcut: 'ready', text: 'Ticket {ticket_ID} is ready.' });
    await host.handlers.quickReplies.save({ shortcut: 'repair', text: 'Repairs take a week.' });
    const { user } = await renderApp(host);
    await openContact(user, 'Maria Jansen');

    await user.type(composer(), '/');
    const list = await screen.findByRole('listbox', { name: 'Quick replies' });
    expect(within(list).getAllByRole('option')).toHaveLength(3);
    await user.type(composer(), 're');
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(2));
    expect(within(list).getAllByRole('option')[0]?.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowDown}');
    const second = within(list).getAllByRole('option')[1];
    expect(second?.getAttribute('aria-selected')).toBe('true');
    expect(composer().getAttribute('aria-activedescendant')).toBe(second?.id);
    await user.keyboard('{Enter}');
    // Inserted, not sent: the owner reads it first.
    expect(composer()).toHaveProperty('value', 'Repairs take a week.');
    expect(screen.queryByRole('listbox', { name: 'Quick replies' })).toBeNull();
    expect(host.callsTo('conversation.sendText')).toEqual([]);

    await user.clear(composer());
    await user.type(composer(), 'Hi! /rea');
    await user.keyboard('{Enter}');
    expect(composer()).toHaveProperty('value', 'Hi! Ticket 42 is ready.');
    await user.type(composer(), ' /hou');
    await user.keyboard('{Enter}');
    expect(composer()).toHaveProperty('value', 'Hi! Ticket 42 is ready. We are open 9–18, Maria.');
  });

  it('Esc closes the list and keeps the text as typed', async () => {
    const { host } = await openWindow();
    await host.handlers.quickReplies.save({ shortcut: 'hours', text: 'We are open 9–18.' });
    const { user } = await renderApp(host);
    await openContact(user, 'Maria Jansen');
    await user.type(composer(), '/ho');
    await screen.findByRole('listbox', { name: 'Quick replies' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox', { name: 'Quick replies' })).toBeNull();
    expect(composer()).toHaveProperty('value', '/ho');
    expect(composer()).toBe(document.activeElement);
  });
});

describe('the shortcuts sheet', () => {
  it('opens with ? outside a field, not while typing', async () => {
    const { host } = await openWindow();
    const { user } = await renderApp(host);
    await openContact(user, 'Maria Jansen');
    await user.type(composer(), 'Really?');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
    expect(composer()).toHaveProperty('value', 'Really?');
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('?');
    const sheet = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(sheet).getByText('Preview the follow-up of the selected contact')).toBeTruthy();
    expect(within(sheet).getByText(/Insert a quick reply/)).toBeTruthy();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull());
  });
});
