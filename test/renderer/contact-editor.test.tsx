import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ContactDraft } from '../../main/contract/model';
import { DAY, HOUR, T0 } from './moments';
import { renderApp, startHost } from './render-app';
import { addContact, customerWrites } from './shop-fixtures';

/** Maria, whose window is open for 5 more hours. */
async function shop() {
  const host = await startHost();
  const maria = await addContact(host, {
    name: 'Maria Jansen',
    phone: '+31612345678',
    fields: { ticket_ID: 'T-42' },
    notes: 'Prefers mornings',
  });
  await customerWrites(host, '+31612345678', T0 + 5 * HOUR - DAY);
  return { host, maria };
}

async function openEditor() {
  const { host, maria } = await shop();
  const view = { ...(await renderApp(host)), maria };
  await view.user.click(screen.getByRole('button', { name: 'Add contact' }));
  const dialog = screen.getByRole('dialog', { name: 'Add contact' });
  return { ...view, dialog };
}

describe('the contact editor', () => {
  it('is a labelled modal dialog that takes focus, traps it and closes with Esc', async () => {
    const { user, dialog } = await openEditor();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    expect(document.activeElement).toBe(name);
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Save contact' }));
    await user.keyboard('{Tab}');
    expect(document.activeElement).toBe(name);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add contact' }));
  });

  it('creates a contact from what was typed and opens it', async () => {
    const { user, dialog, host } = await openEditor();
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Sofia Rossi');
    const phone = within(dialog).getByRole('textbox', { name: 'WhatsApp number' });
    expect(phone.getAttribute('placeholder')).toBe('+31 6 1234 5678');
    await user.type(phone, '+39 02 1234 5678');
    await user.type(within(dialog).getByRole('textbox', { name: 'Notes' }), 'Regular');
    await user.click(within(dialog).getByRole('button', { name: 'Add field' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Field 1' }), 'ticket_ID');
    await user.type(within(dialog).getByRole('textbox', { name: 'Value 1' }), 'T-7');
    await user.click(within(dialog).getByRole('radio', { name: 'Opted in' }));
    const date = within(dialog).getByLabelText('Opt-in date');
    expect(date).toHaveProperty('value', '2025-11-26');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Opt-in source' }), 'In the shop');
    await user.type(within(dialog).getByRole('textbox', { name: 'Proof note' }), 'Signed at the counter');
    await user.click(within(dialog).getByRole('button', { name: 'Save contact' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [draft] = host.callsTo('contacts.create')[0] as [ContactDraft];
    expect(draft).toEqual({
      name: 'Sofia Rossi',
      phone: '+39 02 1234 5678',
      notes: 'Regular',
      fields: { ticket_ID: 'T-7' },
      optIn: {
        status: 'opted-in',
        // The start of 26 Nov in Amsterdam.
        at: Date.UTC(2025, 10, 25, 23, 0),
        source: 'in-store',
        proof: 'Signed at the counter',
      },
    });
    expect(await screen.findByRole('log', { name: 'Conversation with Sofia Rossi' })).toBeTruthy();
    expect(screen.getByRole('option', { name: /^Sofia Rossi,/ }).getAttribute('aria-selected')).toBe('true');
  });

  it('shows each error from the main process next to its field and keeps what was typed', async () => {
    const { user, dialog } = await openEditor();
    await user.type(within(dialog).getByRole('textbox', { name: 'WhatsApp number' }), '0612');
    await user.click(within(dialog).getByRole('button', { name: 'Add field' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Field 1' }), '1ticket');
    await user.type(within(dialog).getByRole('textbox', { name: 'Value 1' }), 'x');
    await user.click(within(dialog).getByRole('radio', { name: 'Opted in' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save contact' }));

    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    const describedText = (el: HTMLElement) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    expect(describedText(name)).toBe('Enter a name, so you know who you are talking to.');
    const phone = within(dialog).getByRole('textbox', { name: 'WhatsApp number' });
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(phone)).toContain('Add the country code');
    expect(phone).toHaveProperty('value', '0612');
    const field = within(dialog).getByRole('textbox', { name: 'Field 1' });
    expect(describedText(field)).toContain('cannot be a field name');
    const source = within(dialog).getByRole('combobox', { name: 'Opt-in source' });
    expect(describedText(source)).toBe(
      'Say where the customer agreed (in the shop, on the website, on WhatsApp…).',
    );
    expect(within(dialog).getByRole('alert').textContent).toContain('Some fields need your attention.');

    // Fixing a field clears its error.
    await user.type(name, 'Sofia');
    expect(name.getAttribute('aria-invalid')).toBeNull();
  });

  it('offers to open the contact that already has the number', async () => {
    const { user, dialog } = await openEditor();
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'M. Jansen');
    await user.type(within(dialog).getByRole('textbox', { name: 'WhatsApp number' }), '+31 6 12345678');
    await user.click(within(dialog).getByRole('button', { name: 'Save contact' }));
    const open = await within(dialog).findByRole('button', { name: 'Open Maria Jansen' });
    expect(within(dialog).getByText('Already saved for Maria Jansen.')).toBeTruthy();
    expect(
      within(dialog).getByRole('textbox', { name: 'WhatsApp number' }).getAttribute('aria-invalid'),
    ).toBe('true');
    await user.click(open);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByRole('log', { name: 'Conversation with Maria Jansen' })).toBeTruthy();
  });

  it('edits an existing contact, custom fields included', async () => {
    const { host, maria } = await shop();
    const { user } = await renderApp(host);
    await user.click(screen.getByRole('option', { name: /^Maria Jansen,/ }));
    await user.click(await screen.findByRole('button', { name: 'Edit contact' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit contact' });
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveProperty('value', 'Maria Jansen');
    expect(within(dialog).getByRole('textbox', { name: 'Field 1' })).toHaveProperty('value', 'ticket_ID');
    expect(within(dialog).getByRole('textbox', { name: 'Value 1' })).toHaveProperty('value', 'T-42');
    expect(within(dialog).getByRole('radio', { name: 'Opted in' })).toHaveProperty('checked', true);
    await user.click(within(dialog).getByRole('button', { name: 'Remove field ticket_ID' }));
    await user.clear(within(dialog).getByRole('textbox', { name: 'Name' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Maria de Jong');
    await user.click(within(dialog).getByRole('button', { name: 'Save contact' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [id, draft] = host.callsTo('contacts.update')[0] as [string, ContactDraft];
    expect(id).toBe(maria);
    expect(draft.name).toBe('Maria de Jong');
    expect(draft.fields).toEqual({});
    expect(screen.getByRole('heading', { name: 'Maria de Jong', level: 2 })).toBeTruthy();
  });

  it('catches a custom field without a name before saving', async () => {
    const { user, dialog, host } = await openEditor();
    await user.click(within(dialog).getByRole('button', { name: 'Add field' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Value 1' }), 'T-7');
    await user.click(within(dialog).getByRole('button', { name: 'Save contact' }));
    expect(within(dialog).getByText('Give this field a name, like ticket_ID.')).toBeTruthy();
    expect(host.callsTo('contacts.create')).toEqual([]);
  });
});
