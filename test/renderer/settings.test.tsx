import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPT_OUT_KEYWORDS } from '../../main/contract/consent-words';
import { DEFAULT_BUSINESS_HOURS } from '../../main/contract/model';
import type { InProcessHost } from '../support/in-process-host';
import { DAY, MINUTE, T0 } from './moments';
import { openContact, renderApp, settle, startHost } from './render-app';
import { addContact, customerWrites } from './shop-fixtures';

/** Maria's window closes 42 minutes after T0. */
async function shop(): Promise<InProcessHost> {
  const host = await startHost();
  await addContact(host, { name: 'Maria Jansen', phone: '+31612345678' });
  await customerWrites(host, '+31612345678', T0 + 42 * MINUTE - DAY);
  return host;
}

async function openSettings(given?: InProcessHost) {
  const view = await renderApp(given ?? (await shop()));
  await view.user.click(screen.getByRole('button', { name: 'Settings' }));
  return { ...view, dialog: screen.getByRole('dialog', { name: 'Settings' }) };
}

describe('settings', () => {
  it('shows the current settings and where the data lives', async () => {
    const { dialog, host } = await openSettings();
    const { dataDir } = await host.handlers.workspace.info();
    expect(
      within(dialog).getByRole('spinbutton', { name: 'Reminder 1: minutes before close' }),
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
    expect(dialog.textContent).toContain(`Where your data lives: ${dataDir}`);
  });

  it('saves through settings.update and applies the theme', async () => {
    const { user, dialog, host } = await openSettings();
    const lead = within(dialog).getByRole('spinbutton', { name: 'Reminder 1: minutes before close' });
    await user.clear(lead);
    await user.type(lead, '90');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Time zone' }), 'America/New_York');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Language & format' }), '');
    await user.click(within(dialog).getByRole('radio', { name: 'Dark' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(host.callsTo('settings.update')).toEqual([
      [
        {
          timeZone: 'America/New_York',
          locale: null,
          // Set once from the computer's region (the test host's NL) when the workspace first opened.
          defaultCountry: 'NL',
          theme: 'dark',
          // The sections below are saved as they are.
          defaultTemplateId: null,
          optOutKeywords: [...DEFAULT_OPT_OUT_KEYWORDS],
          reminderLeadMinutes: [90, 15],
          remindOnlyWhenWaiting: true,
          quietHoursEnabled: true,
          businessHours: DEFAULT_BUSINESS_HOURS,
        },
      ],
    ]);
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(await host.handlers.settings.get()).toMatchObject({
      closingLeadMinutes: 90,
      timeZone: 'America/New_York',
      locale: null,
      theme: 'dark',
    });
  });

  it('shows field errors from the main process', async () => {
    const { user, dialog } = await openSettings();
    const lead = within(dialog).getByRole('spinbutton', { name: 'Reminder 1: minutes before close' });
    await user.clear(lead);
    await user.type(lead, '2000');
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));
    const group = within(dialog).getByRole('group', { name: 'Remind me before a window closes' });
    await waitFor(() => expect(group.getAttribute('aria-describedby')).toBeTruthy());
    expect(document.getElementById(group.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'Use at most 1440 minutes (24 hours).',
    );
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();
  });

  it('refuses a lead that is not a whole number without calling main', async () => {
    const { user, dialog, host } = await openSettings();
    const lead = within(dialog).getByRole('spinbutton', { name: 'Reminder 1: minutes before close' });
    await user.clear(lead);
    await user.click(within(dialog).getByRole('button', { name: 'Save settings' }));
    expect(within(dialog).getByText('Enter whole minutes, for example 15.')).toBeTruthy();
    expect(host.callsTo('settings.update')).toEqual([]);
  });

  it('formats times in the zone that main pushes', async () => {
    const host = await shop();
    const { user } = await renderApp(host);
    await openContact(user, 'Maria Jansen');
    expect(screen.getByText(/^Window closes today at 14:42/)).toBeTruthy();
    // Changed elsewhere (another window of the app): main pushes settings:changed.
    await host.handlers.settings.update({ timeZone: 'America/New_York' });
    await settle(host);
    expect(screen.getByText('Window closes today at 08:42 (America/New_York)')).toBeTruthy();
  });
});
