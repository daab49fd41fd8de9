import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, startHost } from './render-app';

function csvFile(text: string, name = 'klanten.csv'): File {
  return new File([text], name, { type: 'text/csv' });
}

describe('importing contacts from a CSV', () => {
  it('shows the preview with line numbers, imports, and undoes', async () => {
    const host = await startHost();
    await host.handlers.settings.update({ defaultCountry: 'GB' });
    const { user } = await renderApp(host);
    await user.click(screen.getByText('Import / export'));
    await user.click(screen.getByRole('button', { name: 'Import contacts (CSV)' }));
    const dialog = screen.getByRole('dialog', { name: 'Import contacts (CSV)' });
    await user.upload(
      within(dialog).getByLabelText('CSV file from your spreadsheet'),
      csvFile('Naam;Telefoon\nMaria Jansen;06 12345678\nPiet;12ab\n'),
    );
    // The owner's default country is GB: a Dutch local number needs the country set to NL.
    expect(
      await within(dialog).findByText(/0 new, 0 updated, 0 already saved, 0 duplicates, 2 with errors/),
    ).toBeTruthy();
    const country = within(dialog).getByLabelText('Country for numbers without +country code');
    await user.clear(country);
    await user.type(country, 'NL');
    await user.tab();
    expect(
      await within(dialog).findByText(/1 new, 0 updated, 0 already saved, 0 duplicates, 1 with errors/),
    ).toBeTruthy();
    const errorRow = within(dialog).getByText('Error').closest('tr');
    expect(errorRow?.textContent).toContain('3');
    expect(errorRow?.textContent).toContain('“12ab”');
    expect(within(dialog).getByLabelText<HTMLSelectElement>('Telefoon').value).toBe('phone');

    await user.click(within(dialog).getByRole('button', { name: 'Import 1 contacts' }));
    expect(await within(dialog).findByText('Imported: 1 new, 0 updated.')).toBeTruthy();
    // The list behind the dialog is inert (hidden from the accessibility tree) while it is open.
    expect(await screen.findByRole('option', { name: /Maria Jansen/, hidden: true })).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Undo import' }));
    expect(await within(dialog).findByText(/The import was undone/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('option', { name: /Maria Jansen/ })).toBeNull();
    expect(await screen.findByText(/No contacts yet/)).toBeTruthy();
  });
});

describe('deleting a contact', () => {
  it('says what will be removed, then removes the contact from the list', async () => {
    const host = await startHost();
    const maria = await host.handlers.contacts.create({
      name: 'Maria Jansen',
      phone: '+31612345678',
      notes: '',
      fields: {},
      optIn: { status: 'opted-in', at: null, source: 'in-store', proof: '' },
    });
    const { user } = await renderApp(host);
    await user.click(await screen.findByRole('option', { name: /Maria Jansen/ }));
    await user.click(screen.getByText('Export'));
    await user.click(screen.getByRole('button', { name: 'Delete contact…' }));
    // The menu closes once a choice is made.
    expect(screen.getByText('Export').closest('details')?.open).toBe(false);
    const dialog = screen.getByRole('dialog', { name: 'Delete this contact?' });
    expect(
      await within(dialog).findByText(
        'Maria Jansen, 0 messages, opt-in history. Everything CareWindow keeps about them is removed. This cannot be undone; export first? Backups made before today still hold them until they are rotated out (about five weeks).',
      ),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Delete for good' }));
    expect(await screen.findByText(/No contacts yet/)).toBeTruthy();
    await expect(async () => host.handlers.contacts.get(maria.contact.id)).rejects.toThrow();
  });
});
