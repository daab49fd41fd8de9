import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './render-app';

const EXPORT = [
  '20/11/2026, 10:00 - +31 6 1234 5678: Is the blue one back in stock?',
  '20/11/2026, 10:05 - Bloemenwinkel: Yes, from Thursday.',
  '20/11/2026, 10:06 - +31 6 1234 5678: <Media omitted>',
].join('\n');

describe('importing a WhatsApp chat export', () => {
  it('starts from the empty list, shows the preview, imports as history only, and undoes', async () => {
    const { user } = await renderApp();
    expect(await screen.findByText('No contacts yet — import a chat export or add a contact.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Import a chat export' }));
    const dialog = screen.getByRole('dialog', { name: 'Import chat export' });
    expect(within(dialog).getByText(/history only; it does not open the 24-hour window/)).toBeTruthy();

    await user.upload(
      within(dialog).getByLabelText('The .txt or .zip file from WhatsApp’s “Export chat”'),
      new File([EXPORT], 'WhatsApp Chat with +31 6 1234 5678.txt', { type: 'text/plain' }),
    );
    expect(
      await within(dialog).findByText(
        /3 new messages \(2 from the customer, 1 from you\), 0 already imported/,
      ),
    ).toBeTruthy();
    expect(within(dialog).getByText(/A new contact will be made: \+31 6 12345678/)).toBeTruthy();
    expect(within(dialog).getByRole<HTMLInputElement>('radio', { name: 'Bloemenwinkel' }).checked).toBe(true);

    await user.click(within(dialog).getByRole('button', { name: 'Import 3 messages' }));
    expect(await within(dialog).findByText('Imported 3 messages.')).toBeTruthy();
    expect(await screen.findByRole('option', { name: /\+31 6/, hidden: true })).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    expect(await within(dialog).findByText(/The import was undone/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(await screen.findByText(/No contacts yet/)).toBeTruthy();
  });
});
