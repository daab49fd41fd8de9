import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUSINESS_HOURS } from '../../main/contract/model';
import { FakeBridge, HOUR, makeRow, MINUTE, T0 } from './fake-api';
import { renderApp } from './render-app';

function bridge() {
  const fake = new FakeBridge([
    makeRow({ id: 'maria', name: 'Maria Jansen', state: 'closing', expiresAt: T0 + 42 * MINUTE }),
    makeRow({ id: 'ahmed', name: 'Ahmed El Amrani', state: 'open', expiresAt: T0 + 12 * HOUR }),
  ]);
  fake.reminders = [
    {
      id: 'r1',
      contactId: 'maria',
      leadMinutes: 15,
      windowOpenedAt: T0 - 23 * HOUR,
      expiresAt: T0 + 42 * MINUTE,
      dueAt: T0 + 27 * MINUTE,
      shifted: false,
    },
  ];
  return fake;
}

async function openReminders(fake = bridge()) {
  const view = await renderApp(fake);
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
      false,
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

  it('saves the reminder section on its own, stays open and refreshes today’s reminders', async () => {
    const { user, section, fake } = await openReminders();
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
    fake.reminders = [
      {
        ...(fake.reminders[0] ?? ({} as never)),
        id: 'r2',
        contactId: 'ahmed',
        leadMinutes: 90,
        shifted: true,
      },
    ];
    await user.click(within(section).getByRole('button', { name: 'Save reminders' }));

    expect(fake.callsTo('settings.update')).toEqual([
      [
        {
          reminderLeadMinutes: [90, 5],
          remindOnlyWhenWaiting: true,
          quietHoursEnabled: true,
          businessHours: [{ start: '09:00', end: '18:00' }, ...DEFAULT_BUSINESS_HOURS.slice(1, 6), null],
        },
      ],
    ]);
    expect(await within(section).findByText('Reminder settings saved.')).toBeTruthy();
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();
    await waitFor(() =>
      expect(within(section).getByRole('list', { name: "Today's reminders" }).textContent).toBe(
        '14:27Ahmed El Amrani1 h 30 min before closemoved earlier: outside business hours',
      ),
    );
    expect(fake.callsTo('reminders.upcoming')).toHaveLength(2);
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
    const { user, dialog, section, fake } = await openReminders();
    fake.fail('settings.update', {
      code: 'invalid-input',
      message: 'Check the reminders.',
      fields: {
        reminderLeadMinutes: 'Each reminder must be shorter than the 24-hour window.',
        'reminderLeadMinutes.1': 'Use at least 1 minute.',
        'businessHours.3.end': 'Closing time must come after opening time.',
        snoozeMinutes: 'Snoozing is not available.',
      },
    });
    await user.click(within(section).getByRole('button', { name: 'Save reminders' }));
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
    const { user, section, fake } = await openReminders();
    await user.clear(leads(section)[0] as HTMLElement);
    await user.click(within(section).getByRole('button', { name: 'Save reminders' }));
    expect(within(section).getByText('Enter whole minutes, for example 15.')).toBeTruthy();
    expect(fake.callsTo('settings.update')).toEqual([]);
  });
});
