import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUSINESS_HOURS } from '../../main/contract/model';
import type { InProcessHost } from '../support/in-process-host';
import { DAY, HOUR, MINUTE, T0 } from './moments';
import { renderApp, startHost } from './render-app';
import { addContact, customerWrites } from './shop-fixtures';

/** Maria waits for an answer (her window closes at 14:42); Ahmed has been answered. */
async function shop(): Promise<InProcessHost> {
  const host = await startHost();
  await addContact(host, { name: 'Maria Jansen', phone: '+31612340001' });
  const ahmed = await addContact(host, { name: 'Ahmed El Amrani', phone: '+31612340002' });
  await customerWrites(host, '+31612340001', T0 + 42 * MINUTE - DAY);
  await customerWrites(host, '+31612340002', T0 + 12 * HOUR - DAY);
  await host.handlers.conversation.sendText(ahmed, 'See you tomorrow!');
  return host;
}

async function openReminders(given?: InProcessHost) {
  const view = await renderApp(given ?? (await shop()));
  await view.user.click(screen.getByRole('button', { name: 'Settings' }));
  const dialog = screen.getByRole('dialog', { name: 'Settings' });
  const section = within(dialog).getByRole('group', { name: 'Reminders' });
  return { ...view, dialog, section };
}

const leads = (section: HTMLElement) =>
  within(section).getAllByRole('spinbutton', { name: /^Reminder \d+: minutes before close$/ });

describe('the reminder settings', () => {
  it('shows lead times, the two switches, the week from Monday and today’s reminders', async () => {
    const { section } = await openReminders();
    expect(leads(section).map((input) => (input as HTMLInputElement).value)).toEqual(['60', '15']);
    expect(
      within(section).getByRole('checkbox', {
        name: 'Remind only when the customer is waiting for an answer',
      }),
    ).toHaveProperty('checked', true);
    expect(within(section).getByRole('checkbox', { name: 'Quiet outside business hours' })).toHaveProperty(
      'checked',
      true,
    );
    const table = within(section).getByRole('table', { name: 'Business hours' });
    const days = within(table)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(days).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect(within(table).getByRole('checkbox', { name: 'Open on Sunday' })).toHaveProperty('checked', false);
    expect(within(table).getByLabelText('Sunday opens at')).toHaveProperty('disabled', true);
    expect(within(table).getByLabelText('Saturday opens at')).toHaveProperty('value', '10:00');
    const today = await within(section).findByRole('list', { name: "Today's reminders" });
    expect(today.textContent).toBe('14:27Maria Jansen15 min before close');
  });

  it('saves the reminders with the one "Save settings"; the first reminder is the closing warning', async () => {
    const { user, section, host } = await openReminders();
    await within(section).findByRole('list', { name: "Today's reminders" });
    await user.clear(leads(section)[0] as HTMLElement);
    await user.type(leads(section)[0] as HTMLElement, '90');
    await user.click(within(section).getByRole('button', { name: 'Remove reminder 2' }));
    expect(document.activeElement).toBe(within(section).getByRole('button', { name: 'Add reminder' }));
    await user.click(within(section).getByRole('button', { name: 'Add reminder' }));
    await user.type(leads(section)[1] as HTMLElement, '5');
    await user.click(within(section).getByRole('checkbox', { name: 'Quiet outside business hours' }));
    await user.click(within(section).getByRole('checkbox', { name: 'Open on Sunday' }));
    expect(within(section).getByLabelText('Sunday opens at')).toHaveProperty('value', '09:00');
    await user.click(within(section).getByRole('checkbox', { name: 'Open on Saturday' }));
    expect(within(section).queryByRole('button', { name: /^Save/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(host.callsTo('settings.update')).toMatchObject([
      [
        {
          reminderLeadMinutes: [90, 5],
          remindOnlyWhenWaiting: true,
          quietHoursEnabled: false,
          businessHours: [{ start: '09:00', end: '18:00' }, ...DEFAULT_BUSINESS_HOURS.slice(1, 6), null],
        },
      ],
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Settings' })).toBeNull());
    // One model: the first (largest) reminder is when a window turns "Closing".
    expect(await host.handlers.settings.get()).toMatchObject({
      closingLeadMinutes: 90,
      reminderLeadMinutes: [90, 5],
    });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const again = within(screen.getByRole('dialog', { name: 'Settings' })).getByRole('group', {
      name: 'Reminders',
    });
    await waitFor(() =>
      expect(within(again).getByRole('list', { name: "Today's reminders" }).textContent).toBe(
        // 90 minutes before 14:42 has passed; 5 minutes before is next.
        '14:37Maria Jansen5 min before close',
      ),
    );
  });

  it('allows at most six reminders', async () => {
    const { user, section } = await openReminders();
    const add = within(section).getByRole('button', { name: 'Add reminder' });
    for (let i = 0; i < 4; i++) await user.click(add);
    expect(leads(section)).toHaveLength(6);
    expect(add.getAttribute('aria-disabled')).toBe('true');
    await user.click(add);
    expect(leads(section)).toHaveLength(6);
    expect(within(section).getByText('At most 6 reminders.')).toBeTruthy();
  });

  it('shows field errors next to the inputs they are about', async () => {
    const { user, dialog, section, host } = await openReminders();
    // Keys the form knows and one it does not, at once: more than the real main would refuse together.
    host.failNext('settings.update', {
      code: 'invalid-input',
      message: 'Check the reminders.',
      fields: {
        reminderLeadMinutes: 'Each reminder must be shorter than the 24-hour window.',
        'reminderLeadMinutes.1': 'Use at least 1 minute.',
        'businessHours.3.end': 'Closing time must come after opening time.',
        snoozeMinutes: 'Snoozing is not available.',
      },
    });
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    const second = leads(section)[1] as HTMLElement;
    await waitFor(() => expect(second.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(second.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Use at least 1 minute.',
    );
    const group = within(section).getByRole('group', { name: 'Remind me before a window closes' });
    expect(document.getElementById(group.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Each reminder must be shorter than the 24-hour window.',
    );
    const wednesdayEnd = within(section).getByLabelText('Wednesday closes at');
    expect(document.getElementById(wednesdayEnd.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Closing time must come after opening time.',
    );
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'Check the reminders.Snoozing is not available.',
    );
  });

  it('catches an empty lead time before asking main', async () => {
    const { user, section, host } = await openReminders();
    await user.clear(leads(section)[0] as HTMLElement);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(within(section).getByText('Enter whole minutes, for example 15.')).toBeTruthy();
    expect(host.callsTo('settings.update')).toEqual([]);
  });
});
