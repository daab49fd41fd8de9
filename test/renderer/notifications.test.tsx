import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeBridge, HOUR, makeNotification, makeRow, MINUTE, T0 } from './fake-api';
import { emit, openContact, renderApp } from './render-app';

function bridge() {
  const fake = new FakeBridge([
    makeRow({
      id: 'maria',
      name: 'Maria Jansen',
      state: 'closing',
      expiresAt: T0 + 42 * MINUTE,
      nextReminder: { dueAt: T0 + 27 * MINUTE, leadMinutes: 15, shifted: false },
    }),
    makeRow({
      id: 'ahmed',
      name: 'Ahmed El Amrani',
      state: 'open',
      expiresAt: T0 + 12 * HOUR + 10 * MINUTE,
      nextReminder: { dueAt: T0 + 7 * HOUR + 59 * MINUTE, leadMinutes: 60, shifted: true },
    }),
    makeRow({ id: 'sofia', name: 'Sofia Rossi', state: 'closing', expiresAt: T0 + 50 * MINUTE }),
    makeRow({ id: 'nina', name: 'Nina Berg', state: 'open', expiresAt: T0 + 20 * HOUR }),
  ]);
  fake.setNotifications(
    [
      makeNotification({
        id: 'n1',
        at: T0 - 5 * MINUTE,
        title: 'Maria Jansen’s window closes in 15 min',
        body: 'She asked: Is the blue one back in stock?',
        contactIds: ['maria'],
        reminderIds: ['r-maria-15'],
      }),
      makeNotification({
        id: 'n2',
        at: T0 - 2 * MINUTE,
        kind: 'group',
        title: '2 windows close within the hour',
        body: 'Maria Jansen and Sofia Rossi are waiting for an answer.',
        contactIds: ['maria', 'sofia'],
        reminderIds: ['r-maria-60', 'r-sofia-60'],
      }),
      makeNotification({
        id: 'n0',
        at: T0 - 3 * HOUR,
        title: 'Yesterday’s digest',
        contactIds: [],
        read: true,
      }),
    ],
    { badge: 3 },
  );
  return fake;
}

const bell = () => screen.getByRole('button', { name: /^Notifications/ });

async function openCentre(fake = bridge()) {
  const view = await renderApp(fake);
  await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('Notifications, 2 unread'));
  await view.user.click(bell());
  return { ...view, dialog: screen.getByRole('dialog', { name: 'Notifications' }) };
}

const item = (dialog: HTMLElement, title: string) =>
  within(dialog).getByRole('button', { name: title }).closest('li') as HTMLElement;

describe('the notification centre', () => {
  it('names the unread count on the bell and shows how many windows close soon', async () => {
    const fake = bridge();
    await renderApp(fake);
    await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('Notifications, 2 unread'));
    expect(screen.getByText('3 closing soon')).toBeTruthy();
    emit(() => fake.emit('notifications:changed', { ...fake.notificationCentre, unread: 0, badge: 0 }));
    expect(bell().getAttribute('aria-label')).toBe('Notifications');
    expect(screen.queryByText(/closing soon/)).toBeNull();
  });

  it('lists notifications newest first; opening one shows its conversation and marks it read', async () => {
    const { user, dialog, fake } = await openCentre();
    const list = within(dialog).getByRole('list', { name: 'Recent notifications' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.notification-title')?.textContent),
    ).toEqual([
      '2 windows close within the hour',
      'Maria Jansen’s window closes in 15 min',
      'Yesterday’s digest',
    ]);
    expect(item(dialog, 'Maria Jansen’s window closes in 15 min').textContent).toContain('13:55');
    await user.click(within(dialog).getByRole('button', { name: 'Maria Jansen’s window closes in 15 min' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Maria Jansen' })).toBeTruthy();
    expect(fake.callsTo('notifications.markRead')).toEqual([[['n1']]]);
    await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('Notifications, 1 unread'));
  });

  it('opening a notification about several contacts narrows the list to exactly them', async () => {
    const { user, dialog } = await openCentre();
    await user.click(within(dialog).getByRole('button', { name: '2 windows close within the hour' }));
    const list = screen.getByRole('listbox', { name: 'Contacts' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.getAttribute('aria-label')?.split(',')[0]),
    ).toEqual(['Maria Jansen', 'Sofia Rossi']);
    expect(screen.getByText('Showing 2 contacts from a reminder')).toBeTruthy();
  });

  it('snoozes every reminder of a notification', async () => {
    const { user, dialog, fake } = await openCentre();
    const group = item(dialog, '2 windows close within the hour');
    await user.click(within(group).getByRole('button', { name: 'Snooze 10 min' }));
    // One call with the notification's id: the main process snoozes every reminder in the group.
    expect(fake.callsTo('reminders.snooze')).toEqual([['n2', '10-minutes']]);
    expect(await within(group).findByText('Snoozed for 10 minutes.')).toBeTruthy();
    const single = item(dialog, 'Maria Jansen’s window closes in 15 min');
    await user.click(within(single).getByRole('button', { name: 'Snooze until next reminder' }));
    expect(fake.callsTo('reminders.snooze')[1]).toEqual(['n1', 'next-lead']);
    expect(within(item(dialog, 'Yesterday’s digest')).queryByRole('button', { name: /Snooze/ })).toBeNull();
  });

  it('marks all read', async () => {
    const { user, dialog, fake } = await openCentre();
    await user.click(within(dialog).getByRole('button', { name: 'Mark all read' }));
    expect(fake.callsTo('notifications.markRead')).toEqual([[['n2', 'n1']]]);
    await waitFor(() =>
      expect(
        within(dialog).getByRole('button', { name: 'Mark all read' }).getAttribute('aria-disabled'),
      ).toBe('true'),
    );
    await user.keyboard('{Escape}');
    expect(bell().getAttribute('aria-label')).toBe('Notifications');
  });

  it('says when desktop notifications are off and shows the newest reminder in the window', async () => {
    const fake = bridge();
    fake.notificationCentre = {
      ...fake.notificationCentre,
      desktop: { supported: false, reason: 'notifications are blocked in System Settings.' },
    };
    const { user } = await renderApp(fake);
    expect(
      await screen.findByText(
        'Desktop notifications are off: notifications are blocked in System Settings. CareWindow will show reminders here.',
      ),
    ).toBeTruthy();
    const latest = screen.getByRole('region', { name: 'Latest reminder' });
    expect(latest.textContent).toContain('2 windows close within the hour');
    await user.click(within(latest).getByRole('button', { name: 'Open latest reminder' }));
    expect(screen.getByText('Showing 2 contacts from a reminder')).toBeTruthy();
  });

  it('starts without notifications or templates when main cannot give them yet', async () => {
    const fake = bridge();
    fake.fail('notifications.centre', { code: 'internal', message: 'Not wired yet.' });
    fake.fail('templates.list', { code: 'internal', message: 'Not wired yet.' });
    const { user } = await renderApp(fake);
    expect(bell().getAttribute('aria-label')).toBe('Notifications');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(bell());
    expect(screen.getByRole('dialog', { name: 'Notifications' }).textContent).toContain(
      'Notifications are not available right now.',
    );
  });
});

describe('app:navigate', () => {
  it('opens the one contact, or narrows the list to several until "Show all"', async () => {
    const fake = bridge();
    await renderApp(fake);
    emit(() => fake.emit('app:navigate', { contactIds: ['ahmed'] }));
    expect(screen.getByRole('heading', { level: 2, name: 'Ahmed El Amrani' })).toBeTruthy();

    emit(() => fake.emit('app:navigate', { contactIds: ['nina', 'sofia'] }));
    const list = screen.getByRole('listbox', { name: 'Contacts' });
    const shown = () =>
      within(list)
        .getAllByRole('option')
        .map((o) => o.getAttribute('aria-label')?.split(',')[0]);
    expect(shown()).toEqual(['Sofia Rossi', 'Nina Berg']);
    expect(screen.getByRole('status').textContent).toBe('Showing 2 contacts from a reminder');
    for (const chip of within(
      screen.getByRole('group', { name: 'Show contacts by window state' }),
    ).getAllByRole('button')) {
      expect(chip.getAttribute('aria-pressed')).toBe('false');
    }
    screen.getByRole('button', { name: 'Show all' }).click();
    await waitFor(() => expect(shown()).toHaveLength(4));
    expect(screen.queryByText(/from a reminder/)).toBeNull();
  });
});

describe('reminders in the conversation', () => {
  it('shows the next reminder, and when quiet hours moved it, when the window closes', async () => {
    const { user } = await renderApp(bridge());
    await openContact(user, 'Maria Jansen');
    expect(screen.getByText('Reminder at 14:27')).toBeTruthy();
    await openContact(user, 'Ahmed El Amrani');
    expect(screen.getByText("closes tomorrow at 02:10 — you'll be reminded at 21:59")).toBeTruthy();
  });

  it('mutes and unmutes reminders for the contact', async () => {
    const { user, fake } = await renderApp(bridge());
    await openContact(user, 'Maria Jansen');
    await user.click(screen.getByRole('button', { name: 'Mute reminders' }));
    expect(fake.callsTo('contacts.setMuted')).toEqual([['maria', true]]);
    expect(await screen.findByRole('button', { name: 'Unmute reminders' })).toBeTruthy();
    expect(screen.getByText('Reminders muted for this contact')).toBeTruthy();
    expect(
      screen.getByRole('option', { name: /^Maria Jansen, Closing, closes in 42 min, reminders muted$/ }),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Unmute reminders' }));
    expect(fake.callsTo('contacts.setMuted')[1]).toEqual(['maria', false]);
  });
});
