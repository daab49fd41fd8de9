import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openContact, renderApp } from './render-app';
import { startShop, TICKET_UPDATE, type Shop } from './shop-fixtures';

async function openFollowUp(name: string, shop?: Shop) {
  const { id, templates, host } = shop ?? (await startShop());
  const view = { ...(await renderApp(host)), id, templates };
  await openContact(view.user, name);
  await view.user.click(screen.getByRole('button', { name: 'Follow up' }));
  const dialog = screen.getByRole('dialog', { name: `Follow up with ${name}` });
  return { ...view, dialog };
}

const sendButton = (dialog: HTMLElement) => within(dialog).getByRole('button', { name: 'Send now' });

describe('the follow-up preview', () => {
  it('shows exactly what will be sent and what it costs, then sends it', async () => {
    const { user, dialog, host, id, templates } = await openFollowUp('Sofia Rossi');
    // What the customer will see: the body exactly as main fills it, with the footer and the buttons.
    const card = await within(dialog).findByRole('figure', { name: 'What Sofia Rossi will see' });
    expect(within(card).getByText('Hi Sofia, there is news about your ticket T-42.')).toBeTruthy();
    const picker = within(dialog).getByRole('combobox', { name: 'Template' });
    expect(picker).toHaveProperty('value', templates.ticket);
    const pending = within(dialog).getByRole('option', { name: 'draft_offer (nl) — Pending review' });
    expect(pending).toHaveProperty('disabled', true);
    expect(within(dialog).getByRole('option', { name: 'spring_sale (en)' })).toHaveProperty(
      'disabled',
      false,
    );
    expect(dialog.textContent).toContain('Reply STOP to opt out');
    expect(within(dialog).getByRole('list', { name: 'Buttons the customer sees' }).textContent).toContain(
      'Yes, continue',
    );
    // The cost in main's words (the pricing rules are the domain's tests' business).
    const { cost } = await host.handlers.followUps.preview(id.sofia);
    expect(cost?.billed).toBe('yes');
    expect(within(dialog).getByText(cost?.explanation ?? 'no cost shown')).toBeTruthy();
    expect(host.callsTo('followUps.preview')).toEqual([[id.sofia]]);

    await user.click(sendButton(dialog));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(host.callsTo('followUps.send')).toEqual([[id.sofia, templates.ticket]]);
    expect(
      screen.getByRole('option', { name: /^Sofia Rossi, .+, Followed up, awaiting customer/ }),
    ).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Follow-up sent at 14:00.');
  });

  it('previews another template when one is chosen, with its warning', async () => {
    const { user, dialog, host, id, templates } = await openFollowUp('Sofia Rossi');
    await within(dialog).findByRole('figure', { name: 'What Sofia Rossi will see' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Template' }), 'spring_sale (en)');
    await within(dialog).findByText('Hello Sofia Rossi, our spring sale starts today!');
    expect(host.callsTo('followUps.preview')).toEqual([[id.sofia], [id.sofia, templates.sale]]);
    const { cost, warning } = await host.handlers.followUps.preview(id.sofia, templates.sale);
    expect(within(dialog).getByText(cost?.explanation ?? 'no cost shown')).toBeTruthy();
    expect(warning).toContain('marketing template');
    expect(within(dialog).getByRole('note').textContent).toContain(warning);
    await user.click(sendButton(dialog));
    await waitFor(() => expect(host.callsTo('followUps.send')).toEqual([[id.sofia, templates.sale]]));
  });

  it('without an opt-in: says why, disables Send and offers "Add opt-in", then comes back', async () => {
    const { user, dialog } = await openFollowUp('Carl Meyer');
    await within(dialog).findByText(
      'Carl Meyer has not opted in to messages from you. WhatsApp allows templates only to customers who opted in: record when and where Carl Meyer agreed.',
    );
    expect(sendButton(dialog)).toHaveProperty('disabled', true);
    expect(sendButton(dialog).getAttribute('aria-describedby')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Add opt-in' }));
    const editor = screen.getByRole('dialog', { name: 'Add opt-in for Carl Meyer' });
    expect(within(editor).getByRole('combobox', { name: 'How they agreed' })).toBe(document.activeElement);
    await user.click(within(editor).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('dialog', { name: 'Follow up with Carl Meyer' })).toBeTruthy();
  });

  it('with a missing field: offers to add it to the contact', async () => {
    const { user, dialog } = await openFollowUp('Paul Smit');
    await within(dialog).findByText(
      'Not sent to Paul Smit: {ticket_ID} would be empty (no “ticket_ID”). Fill in ticket_ID on Paul Smit’s contact, or choose another template.',
    );
    // The template with its gap, as far as it can be filled.
    expect(within(dialog).getByRole('figure', { name: 'What Paul Smit will see' }).textContent).toContain(
      '{ticket_ID}',
    );
    expect(dialog.textContent).toContain('{ticket_ID} — Paul Smit has no ticket_ID');
    await user.click(within(dialog).getByRole('button', { name: 'Add ticket_ID to Paul Smit' }));
    const editor = screen.getByRole('dialog', { name: 'Edit contact' });
    expect(within(editor).getByRole('textbox', { name: 'Field 1' })).toHaveProperty('value', 'ticket_ID');
    expect(within(editor).getByRole('textbox', { name: 'Value 1' })).toBe(document.activeElement);
  });

  it('after the one follow-up: the header button is disabled and says why; the preview (F) agrees', async () => {
    const view = await renderApp((await startShop()).host);
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
    // ticket_update went back to review, so no approved utility template is left to fall back on.
    const shop = await startShop({
      before: async ({ host, templates }) => {
        await host.handlers.templates.save({ ...TICKET_UPDATE, status: 'pending' }, templates.ticket);
        await host.handlers.settings.update({ defaultTemplateId: templates.draft });
      },
    });
    const { user, dialog } = await openFollowUp('Sofia Rossi', shop);
    await within(dialog).findByText(
      'The template “draft_offer” (nl) is pending, not approved: WhatsApp sends only approved templates. Choose an approved one.',
    );
    expect(sendButton(dialog)).toHaveProperty('disabled', true);
    await user.click(within(dialog).getByRole('button', { name: 'Choose another template' }));
    const picker = within(dialog).getByRole('combobox', { name: 'Template' });
    expect(document.activeElement).toBe(picker);
    await user.selectOptions(picker, 'spring_sale (en)');
    await waitFor(() => expect(sendButton(dialog)).toHaveProperty('disabled', false));
  });

  it('keeps a refused send in the dialog, as an alert', async () => {
    const { user, dialog, host } = await openFollowUp('Sofia Rossi');
    await within(dialog).findByRole('figure', { name: 'What Sofia Rossi will see' });
    host.simulator.refuseNext('WhatsApp could not be reached.');
    await user.click(sendButton(dialog));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('WhatsApp could not be reached.');
    expect(screen.getByRole('dialog', { name: 'Follow up with Sofia Rossi' })).toBeTruthy();
  });

  it('for a customer who wrote START: "Confirm opt-in" fixes it in place', async () => {
    const shop = await startShop({ ottoAsksToOptIn: true });
    const { user, dialog, host, id } = await openFollowUp('Otto Brandt', shop);
    await within(dialog).findByText(
      'Otto Brandt opted out of messages, then wrote START. Confirm the new opt-in before sending a template.',
    );
    expect(sendButton(dialog)).toHaveProperty('disabled', true);
    await user.click(within(dialog).getByRole('button', { name: 'Confirm opt-in' }));
    expect(host.callsTo('contacts.confirmOptIn')).toEqual([[id.otto]]);
    await waitFor(() => expect(sendButton(dialog)).toHaveProperty('disabled', false));
    expect(within(dialog).getByText('Hi Otto, there is news about your ticket T-5.')).toBeTruthy();
  });

  it('is offered in the closed panel too', async () => {
    const { user } = await renderApp((await startShop()).host);
    await openContact(user, 'Sofia Rossi');
    await user.click(within(screen.getByRole('status')).getByRole('button', { name: 'Preview follow-up' }));
    expect(screen.getByRole('dialog', { name: 'Follow up with Sofia Rossi' })).toBeTruthy();
  });
});

describe('the F key', () => {
  it('opens the preview of the selected contact, or of the one under the list cursor', async () => {
    const { user } = await renderApp((await startShop()).host);
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
    const { user } = await renderApp((await startShop()).host);
    await openContact(user, 'Maria Jansen');
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'fine');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveProperty('value', 'fine');
  });
});

describe('a template inside an open window', () => {
  it('opens the same preview from "Send template" and sends through conversation.sendTemplate', async () => {
    const { host, id, templates } = await startShop({
      before: async ({ host, id }) => {
        const { contact } = await host.handlers.contacts.get(id.maria);
        await host.handlers.contacts.update(id.maria, { ...contact, fields: { ticket_ID: 'T-1' } });
      },
    });
    const { user } = await renderApp(host);
    await openContact(user, 'Maria Jansen');
    await user.click(screen.getByRole('button', { name: 'Send template' }));
    const dialog = screen.getByRole('dialog', { name: 'Send template to Maria Jansen' });
    const { cost } = await host.handlers.followUps.preview(id.maria, templates.ticket);
    await within(dialog).findByText(cost?.explanation ?? 'no cost shown');
    expect(within(dialog).queryByText(/still open/)).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Send template' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(host.callsTo('conversation.sendTemplate')).toEqual([[id.maria, templates.ticket]]);
    expect(host.callsTo('followUps.send')).toEqual([]);
    const log = screen.getByRole('log', { name: 'Conversation with Maria Jansen' });
    expect(within(log).getByText('Hi Maria, there is news about your ticket T-1.')).toBeTruthy();
  });
});
