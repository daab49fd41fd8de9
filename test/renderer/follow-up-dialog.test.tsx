import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openContact, renderApp } from './render-app';
import { shopBridge } from './shop-fixtures';

async function openFollowUp(name: string, fake = shopBridge()) {
  const view = await renderApp(fake);
  await openContact(view.user, name);
  await view.user.click(screen.getByRole('button', { name: 'Follow up' }));
  const dialog = screen.getByRole('dialog', { name: `Follow up with ${name}` });
  return { ...view, dialog };
}

const sendButton = (dialog: HTMLElement) => within(dialog).getByRole('button', { name: 'Send follow-up' });

describe('the follow-up preview', () => {
  it('shows exactly what will be sent and what it costs, then sends it', async () => {
    const { user, dialog, fake } = await openFollowUp('Sofia Rossi');
    const text = await within(dialog).findByRole('textbox', { name: 'Text that will be sent' });
    expect(text).toHaveProperty('value', 'Hi Sofia, there is news about your ticket T-42.');
    expect(text).toHaveProperty('readOnly', true);
    const picker = within(dialog).getByRole('combobox', { name: 'Template' });
    expect(picker).toHaveProperty('value', 't-ticket');
    const pending = within(dialog).getByRole('option', { name: 'draft_offer (nl) — Pending review' });
    expect(pending).toHaveProperty('disabled', true);
    expect(within(dialog).getByRole('option', { name: 'spring_sale (en)' })).toHaveProperty(
      'disabled',
      false,
    );
    expect(dialog.textContent).toContain('Reply STOP to opt out');
    expect(within(dialog).getByRole('list', { name: 'Template buttons' }).textContent).toContain(
      'Yes, continue',
    );
    expect(within(dialog).getByText('Charged — templates outside the window are charged')).toBeTruthy();
    expect(fake.callsTo('followUps.preview')).toEqual([['sofia']]);

    await user.click(sendButton(dialog));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('followUps.send')).toEqual([['sofia', 't-ticket']]);
    expect(screen.getByRole('option', { name: /^Sofia Rossi, Awaiting reply/ })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Follow-up sent at 14:00.');
  });

  it('previews another template when one is chosen, with its warning', async () => {
    const { user, dialog, fake } = await openFollowUp('Sofia Rossi');
    await within(dialog).findByRole('textbox', { name: 'Text that will be sent' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Template' }), 'spring_sale (en)');
    await waitFor(() =>
      expect(within(dialog).getByRole('textbox', { name: 'Text that will be sent' })).toHaveProperty(
        'value',
        'Hello Sofia Rossi, our spring sale starts today!',
      ),
    );
    expect(fake.callsTo('followUps.preview')).toEqual([['sofia'], ['sofia', 't-sale']]);
    expect(within(dialog).getByText('Charged — marketing templates are always charged')).toBeTruthy();
    expect(within(dialog).getByRole('note').textContent).toContain('This is a marketing template');
    await user.click(sendButton(dialog));
    await waitFor(() => expect(fake.callsTo('followUps.send')).toEqual([['sofia', 't-sale']]));
  });

  it('without an opt-in: says why, disables Send and offers "Add opt-in", then comes back', async () => {
    const { user, dialog } = await openFollowUp('Carl Meyer');
    await within(dialog).findByText('No opt-in recorded for Carl Meyer.');
    expect(sendButton(dialog)).toHaveProperty('disabled', true);
    expect(sendButton(dialog).getAttribute('aria-describedby')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Add opt-in' }));
    const editor = screen.getByRole('dialog', { name: 'Edit contact' });
    expect(within(editor).getByRole('radio', { name: 'No opt-in' })).toBe(document.activeElement);
    await user.click(within(editor).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('dialog', { name: 'Follow up with Carl Meyer' })).toBeTruthy();
  });

  it('with a missing field: offers to add it to the contact', async () => {
    const { user, dialog } = await openFollowUp('Paul Smit');
    await within(dialog).findByText('Paul Smit has no ticket_ID.');
    expect(within(dialog).queryByRole('textbox', { name: 'Text that will be sent' })).toBeNull();
    expect(dialog.textContent).toContain('{ticket_ID} — Paul Smit has no ticket_ID');
    await user.click(within(dialog).getByRole('button', { name: 'Add ticket_ID to Paul Smit' }));
    const editor = screen.getByRole('dialog', { name: 'Edit contact' });
    expect(within(editor).getByRole('textbox', { name: 'Field 1' })).toHaveProperty('value', 'ticket_ID');
    expect(within(editor).getByRole('textbox', { name: 'Value 1' })).toBe(document.activeElement);
  });

  it('after the one follow-up: the header button is disabled and says why; the preview (F) agrees', async () => {
    const view = await renderApp(shopBridge());
    await openContact(view.user, 'Tom de Vries');
    const button = screen.getByRole('button', { name: 'Follow up' });
    expect(button).toHaveProperty('disabled', true);
    expect(button.getAttribute('aria-describedby')).toBeTruthy();
    const reason = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toBe('Follow-up already sent at 10:02 — waiting for a reply');
    // F still opens the preview, which shows the same reason next to a disabled Send.
    (document.activeElement as HTMLElement | null)?.blur();
    await view.user.keyboard('f');
    const dialog = screen.getByRole('dialog', { name: 'Follow up with Tom de Vries' });
    await within(dialog).findByText('Follow-up already sent at 10:02 — waiting for a reply');
    expect(sendButton(dialog)).toHaveProperty('disabled', true);
  });

  it('with a template that is not approved: "Choose another template" moves to the picker', async () => {
    const fake = shopBridge();
    fake.settings = { ...fake.settings, defaultTemplateId: 't-draft' };
    const { user, dialog } = await openFollowUp('Sofia Rossi', fake);
    await within(dialog).findByText('draft_offer is not approved by WhatsApp.');
    expect(sendButton(dialog)).toHaveProperty('disabled', true);
    await user.click(within(dialog).getByRole('button', { name: 'Choose another template' }));
    const picker = within(dialog).getByRole('combobox', { name: 'Template' });
    expect(document.activeElement).toBe(picker);
    await user.selectOptions(picker, 'ticket_update (en_US)');
    await waitFor(() => expect(sendButton(dialog)).toHaveProperty('disabled', false));
  });

  it('keeps a refused send in the dialog, as an alert', async () => {
    const fake = shopBridge();
    fake.fail('followUps.send', {
      code: 'send-failed',
      message: 'WhatsApp could not be reached. Check the internet connection and try again.',
    });
    const { user, dialog } = await openFollowUp('Sofia Rossi', fake);
    await within(dialog).findByRole('textbox', { name: 'Text that will be sent' });
    await user.click(sendButton(dialog));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe(
      'WhatsApp could not be reached. Check the internet connection and try again.',
    );
    expect(screen.getByRole('dialog', { name: 'Follow up with Sofia Rossi' })).toBeTruthy();
  });

  it('for a customer who wrote START: "Confirm opt-in" fixes it in place', async () => {
    const fake = shopBridge();
    const otto = fake.rows.get('otto');
    if (otto) {
      fake.rows.set('otto', {
        ...otto,
        contact: { ...otto.contact, optInRequestedAt: fake.now, fields: { ticket_ID: 'T-5' } },
      });
    }
    const { user, dialog } = await openFollowUp('Otto Brandt', fake);
    await within(dialog).findByText('Otto Brandt opted out of templates.');
    expect(sendButton(dialog)).toHaveProperty('disabled', true);
    await user.click(within(dialog).getByRole('button', { name: 'Confirm opt-in' }));
    expect(fake.callsTo('contacts.confirmOptIn')).toEqual([['otto']]);
    await waitFor(() => expect(sendButton(dialog)).toHaveProperty('disabled', false));
    expect(within(dialog).getByRole('textbox', { name: 'Text that will be sent' })).toHaveProperty(
      'value',
      'Hi Otto, there is news about your ticket T-5.',
    );
  });

  it('is offered in the closed panel too', async () => {
    const { user } = await renderApp(shopBridge());
    await openContact(user, 'Sofia Rossi');
    await user.click(within(screen.getByRole('status')).getByRole('button', { name: 'Preview follow-up' }));
    expect(screen.getByRole('dialog', { name: 'Follow up with Sofia Rossi' })).toBeTruthy();
  });
});

describe('the F key', () => {
  it('opens the preview of the selected contact, or of the one under the list cursor', async () => {
    const { user } = await renderApp(shopBridge());
    await openContact(user, 'Sofia Rossi');
    await user.keyboard('f');
    expect(screen.getByRole('dialog', { name: 'Follow up with Sofia Rossi' })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();

    screen.getByRole('listbox', { name: 'Contacts' }).focus();
    await user.keyboard('{ArrowDown}');
    const active = document.getElementById(
      screen.getByRole('listbox', { name: 'Contacts' }).getAttribute('aria-activedescendant') ?? '',
    );
    const name = (active?.getAttribute('aria-label') ?? '').split(',')[0] ?? '';
    expect(name).not.toBe('Sofia Rossi');
    await user.keyboard('F');
    expect(
      screen.getByRole('dialog', { name: new RegExp(`^(Follow up with|Send template to) ${name}$`) }),
    ).toBeTruthy();
  });

  it('types an f in a field instead', async () => {
    const { user } = await renderApp(shopBridge());
    await openContact(user, 'Maria Jansen');
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'fine');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveProperty('value', 'fine');
  });
});

describe('a template inside an open window', () => {
  it('opens the same preview from "Send template" and sends through conversation.sendTemplate', async () => {
    const fake = shopBridge();
    const row = fake.rows.get('maria');
    if (row) fake.rows.set('maria', { ...row, contact: { ...row.contact, fields: { ticket_ID: 'T-1' } } });
    const { user } = await renderApp(fake);
    await openContact(user, 'Maria Jansen');
    await user.click(screen.getByRole('button', { name: 'Send template' }));
    const dialog = screen.getByRole('dialog', { name: 'Send template to Maria Jansen' });
    await within(dialog).findByText('Free — utility template inside the window');
    expect(within(dialog).queryByText(/still open/)).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Send template' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('conversation.sendTemplate')).toEqual([['maria', 't-ticket']]);
    expect(fake.callsTo('followUps.send')).toEqual([]);
    const log = screen.getByRole('log', { name: 'Conversation with Maria Jansen' });
    expect(within(log).getByText('Hi Maria, there is news about your ticket T-1.')).toBeTruthy();
  });
});
