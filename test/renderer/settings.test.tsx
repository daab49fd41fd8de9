import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUSINESS_HOURS } from '../../main/contract/model';
import { FakeBridge, makeRow, MINUTE, T0 } from './fake-api';
import { emit, openContact, renderApp } from './render-app';

function bridge() {
  return new FakeBridge([
    makeRow({
      id: 'maria',
      name: 'Maria Jansen',
      state: 'closing',
      expiresAt: T0 + 42 * MINUTE,
      phone: '+31612345678',
    }),
  ]);
}

async function openSettings(fake = bridge()) {
  const view = await renderApp(fake);
  await view.user.click(screen.getByRole('button', { name: 'Settings' }));
  return { ...view, dialog: screen.getByRole('dialog', { name: 'Settings' }) };
}

describe('settings', () => {
  it('shows the current settings and where the data lives', async () => {
    const { dialog } = await openSettings();
    expect(
      within(dialog).getByRole('spinbutton', { name: /Warn when a window has less than/ }),
    ).toHaveProperty('value', '60');
    expect(within(dialog).getByRole('combobox', { name: 'Time zone' })).toHaveProperty(
      'value',
      'Europe/Amsterdam',
    );
    expect(within(dialog).getByRole('combobox', { name: 'Language & format' })).toHaveProperty(
      'value',
      'en-GB',
    );
    expect(within(dialog).getByRole('radio', { name: 'System' })).toHaveProperty('checked', true);
    expect(dialog.textContent).toContain('Where your data lives: /home/owner/.config/CareWindow/workspace');
  });

  it('saves through settings.update and applies the theme', async () => {
    const { user, dialog, fake } = await openSettings();
    const lead = within(dialog).getByRole('spinbutton', { name: /Warn when a window has less than/ });
    await user.clear(lead);
    await user.type(lead, '90');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Time zone' }), 'America/New_York');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Language & format' }), '');
    await user.click(within(dialog).getByRole('radio', { name: 'Dark' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsTo('settings.update')).toEqual([
      [
        {
          closingLeadMinutes: 90,
          timeZone: 'America/New_York',
          locale: null,
          theme: 'dark',
          // The sections below are saved as they are.
          defaultTemplateId: null,
          optOutKeywords: ['STOP', 'STOPP', 'UNSUBSCRIBE', 'AFMELDEN'],
          reminderLeadMinutes: [60, 15],
          remindOnlyWhenWaiting: true,
          quietHoursEnabled: false,
          businessHours: DEFAULT_BUSINESS_HOURS,
        },
      ],
    ]);
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('shows field errors from the main process', async () => {
    const { user, dialog, fake } = await openSettings();
    fake.fail('settings.update', {
      code: 'invalid-input',
      message: 'Check the settings.',
      fields: { closingLeadMinutes: 'The closing warning must be shorter than the 24-hour window.' },
    });
    const lead = within(dialog).getByRole('spinbutton', { name: /Warn when a window has less than/ });
    await user.clear(lead);
    await user.type(lead, '2000');
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(lead.getAttribute('aria-invalid')).toBe('true'));
    const errorId = lead.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(errorId)?.textContent).toBe(
      'The closing warning must be shorter than the 24-hour window.',
    );
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();
  });

  it('refuses a lead that is not a whole number without calling main', async () => {
    const { user, dialog, fake } = await openSettings();
    const lead = within(dialog).getByRole('spinbutton', { name: /Warn when a window has less than/ });
    await user.clear(lead);
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));
    expect(within(dialog).getByText('Enter a whole number of minutes, for example 60.')).toBeTruthy();
    expect(fake.callsTo('settings.update')).toEqual([]);
  });

  it('formats times in the zone that main pushes', async () => {
    const fake = bridge();
    const { user } = await renderApp(fake);
    await openContact(user, 'Maria Jansen');
    expect(screen.getByText(/^Window closes today at 14:42/)).toBeTruthy();
    emit(() => fake.emit('settings:changed', { ...fake.settings, timeZone: 'America/New_York' }));
    expect(screen.getByText('Window closes today at 08:42 (America/New_York)')).toBeTruthy();
  });
});
