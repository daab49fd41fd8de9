import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './render-app';

/** The provider choice in "Connect WhatsApp", on the real handlers (the test host keeps no secrets). */
describe('choosing the provider when connecting', () => {
  it('shows Meta’s fields by default and CM.com’s own fields and help once CM.com is chosen', async () => {
    const { user } = await renderApp();
    const banner = await screen.findByRole('region', { name: 'No WhatsApp account' });
    await user.click(within(banner).getByRole('button', { name: 'Connect WhatsApp' }));
    const dialog = await screen.findByRole('dialog', { name: 'Connect WhatsApp' });

    const choice = within(dialog).getByRole('group', { name: 'Connect through' });
    expect(within(choice).getByRole('radio', { name: /WhatsApp Cloud API \(Meta\)/ })).toHaveProperty(
      'checked',
      true,
    );
    expect(within(dialog).getByLabelText('Phone number ID')).toBeTruthy();
    expect(within(dialog).queryByLabelText('Product token')).toBeNull();

    await user.click(within(choice).getByRole('radio', { name: /CM\.com/ }));
    expect(within(dialog).queryByLabelText('Phone number ID')).toBeNull();
    const token = within(dialog).getByLabelText('Product token');
    expect(token.getAttribute('type')).toBe('password');
    expect(within(dialog).getByText(/Channels app → Gateway/)).toBeTruthy();
    expect(within(dialog).getByLabelText('WhatsApp number')).toBeTruthy();
    expect(within(dialog).getByLabelText('Template namespace')).toBeTruthy();

    // Nothing filled: the form says what is missing, per field, before asking anyone.
    await user.click(within(dialog).getByRole('button', { name: 'Test connection' }));
    expect(within(dialog).getByText('Paste the product token.')).toBeTruthy();

    // A token without its hyphens: the main process's check names the field.
    await user.type(token, 'abc123');
    await user.type(within(dialog).getByLabelText('WhatsApp number'), '+31 6 12345678');
    await user.click(within(dialog).getByRole('button', { name: 'Test connection' }));
    // Said above the form and under the field it is about.
    expect(await within(dialog).findAllByText(/copy it again in full, with its hyphens/)).toHaveLength(2);
    expect(token.getAttribute('aria-invalid')).toBe('true');
  });
});
