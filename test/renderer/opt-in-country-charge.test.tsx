import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../main/contract/errors';
import type { ContactDraft } from '../../main/contract/model';
import { openContact, renderApp, startHost } from './render-app';
import { customerWrites, PHONES, startShop } from './shop-fixtures';
import { HOUR, T0 } from './moments';
import { InProcessHost } from '../support/in-process-host';

const draft = (phone: string): ContactDraft => ({
  name: 'Eva Bakker',
  phone,
  notes: '',
  fields: {},
  optIn: { status: 'none', at: null, source: null, proof: '' },
});

/** The field errors of a refused call; fails the test when the call was not refused. */
async function fieldsOfRefusal(call: () => unknown): Promise<Record<string, string>> {
  let error: unknown = null;
  try {
    await call();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(AppError);
  return error instanceof AppError ? (error.fields ?? {}) : {};
}

describe('issue 14, rough edges 8–10', () => {
  it('"Add opt-in" opens a small dialog: Esc closes it and focus returns; saving records the opt-in now', async () => {
    const { host, id } = await startShop();
    const { user } = await renderApp(host);
    await openContact(user, 'Carl Meyer');
    const add = within(screen.getByRole('status')).getByRole('button', { name: 'Add opt-in' });
    await user.click(add);
    const dialog = screen.getByRole('dialog', { name: 'Add opt-in for Carl Meyer' });
    // Not the whole editor: no name or number to retype.
    expect(within(dialog).queryByRole('textbox', { name: 'Name' })).toBeNull();
    expect(within(dialog).getByLabelText('When')).toHaveProperty('value', '2025-11-26');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(add);

    await user.click(add);
    const again = screen.getByRole('dialog', { name: 'Add opt-in for Carl Meyer' });
    await user.selectOptions(within(again).getByRole('combobox', { name: 'How they agreed' }), 'In the shop');
    await user.type(within(again).getByRole('textbox', { name: 'Proof' }), 'Signed the form at the counter');
    await user.click(within(again).getByRole('button', { name: 'Save opt-in' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const carl = (await host.handlers.contacts.list()).find((row) => row.contact.id === id.carl);
    expect(carl?.contact.optIn).toEqual({
      status: 'opted-in',
      at: host.clock.now(),
      source: 'in-store',
      proof: 'Signed the form at the counter',
    });
    expect(screen.queryByRole('button', { name: 'Add opt-in' })).toBeNull();
  });

  it('"Add opt-in" without saying how keeps the dialog open and says what to fill in', async () => {
    const { host } = await startShop();
    const { user } = await renderApp(host);
    await openContact(user, 'Carl Meyer');
    await user.click(within(screen.getByRole('status')).getByRole('button', { name: 'Add opt-in' }));
    const dialog = screen.getByRole('dialog', { name: 'Add opt-in for Carl Meyer' });
    await user.click(within(dialog).getByRole('button', { name: 'Save opt-in' }));
    expect(await within(dialog).findByText(/Say where the customer agreed/)).toBeTruthy();
    expect(
      within(dialog).getByRole('combobox', { name: 'How they agreed' }).getAttribute('aria-invalid'),
    ).toBe('true');
  });

  it('a local number is read in the default country: NL from the computer, then the one chosen in Settings', async () => {
    const host = await startHost();
    expect((await host.handlers.settings.get()).defaultCountry).toBe('NL');
    const saved = await host.handlers.contacts.create(draft('06 12345678'));
    expect(saved.contact.phone).toBe('+31612345678');

    const { user } = await renderApp(host);
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const settings = screen.getByRole('dialog', { name: 'Settings' });
    const country = within(settings).getByRole('combobox', { name: 'Default country for phone numbers' });
    expect(country).toHaveProperty('value', 'NL');
    await user.selectOptions(country, 'US');
    await user.click(within(settings).getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await host.handlers.settings.get()).defaultCountry).toBe('US');
    const refused = await fieldsOfRefusal(() =>
      host.handlers.contacts.create({ ...draft('06 87654321'), name: 'Sam' }),
    );
    expect(refused.phone).toContain(
      'not a valid phone number in United States (your default country in Settings)',
    );
  });

  it('without a region from the computer the language’s region is the default; an unknown country is refused', async () => {
    const host = await InProcessHost.start({ startAt: T0, systemCountry: null });
    try {
      // The test host's language is en-GB.
      expect((await host.handlers.settings.get()).defaultCountry).toBe('GB');
      const saved = await host.handlers.contacts.create(draft('07400 123456'));
      expect(saved.contact.phone).toBe('+447400123456');
    } finally {
      await host.close();
    }
    const other = await startHost();
    const refused = await fieldsOfRefusal(() => other.handlers.settings.update({ defaultCountry: 'XX' }));
    expect(refused.defaultCountry).toContain('Pick one from the list');
  });

  it('"Follow up all eligible" states what WhatsApp charges for those follow-ups', async () => {
    const { host } = await startShop();
    const { user } = await renderApp(host);
    await user.click(screen.getByRole('button', { name: 'Follow-ups' }));
    const region = screen.getByRole('region', { name: 'Follow-ups' });
    await user.click(await within(region).findByRole('button', { name: /^Follow up all eligible/ }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('WhatsApp charges for all 2 follow-ups (2 utility).');
    expect(dialog.textContent).toContain('Import your rate card under Costs to see an estimated price.');
    expect(dialog.textContent).not.toMatch(/\bfree\b/i);
  });

  it('"Send template" is not offered to a customer who wrote STOP: the opt-out is said instead', async () => {
    const { host } = await startShop();
    // Inside her open window Maria writes STOP.
    await customerWrites(host, PHONES.maria, host.clock.now() - HOUR, 'STOP');
    const { user } = await renderApp(host);
    await openContact(user, 'Maria Jansen');
    expect(screen.queryByRole('button', { name: 'Send template' })).toBeNull();
    expect(screen.getByRole('note').textContent).toBe('Customer opted out — no templates');
    // F opens the template preview all the same: it says why, and offers no send.
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('f');
    const dialog = await screen.findByRole('dialog', { name: 'Send template to Maria Jansen' });
    expect(await within(dialog).findByText(/Maria Jansen opted out of messages/)).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Send template' })).toHaveProperty('disabled', true);
  });
});
