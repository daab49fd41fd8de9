import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppNotification } from '../../main/contract/model';
import type { InProcessHost } from '../support/in-process-host';
import { DAY, HOUR, MINUTE, T0 } from './moments';
import { openContact, renderApp, settle, startHost } from './render-app';
import { addContact, customerWrites } from './shop-fixtures';

const PHONE = {
  maria: '+31612340001',
  lena: '+31612340002',
  sofia: '+31612340003',
  ahmed: '+31612340004',
  nina: '+31612340005',
};

const GROUP = '3 windows close in the next 60 min';
const LENA = 'Lena Vogel — window closes in 60 min';

interface Shop {
  host: InProcessHost;
  id: Record<keyof typeof PHONE, string>;
  /** The notifications main made on the way to T0, by title. */
  notification: (title: string) => AppNotification;
}

/**
 * From noon to T0 with quiet hours on: Lena's window closes at 14:10, so her 60-minute reminder came at
 * 13:10; Maria's and Sofia's close at 14:50, so at 13:50 one notification named all three. Ahmed's
 * closes at 02:10 tonight (his reminder moves before closing time), Nina's tomorrow morning.
 */
async function shop(options: { desktopOff?: string } = {}): Promise<Shop> {
  const host = await startHost(T0 - 2 * HOUR);
  if (options.desktopOff !== undefined) host.notifier.setSupported(false, options.desktopOff);
  await host.handlers.settings.update({ quietHoursEnabled: true });
  const id = {
    maria: await addContact(host, { name: 'Maria Jansen', phone: PHONE.maria }),
    lena: await addContact(host, { name: 'Lena Vogel', phone: PHONE.lena }),
    sofia: await addContact(host, { name: 'Sofia Rossi', phone: PHONE.sofia }),
    ahmed: await addContact(host, { name: 'Ahmed El Amrani', phone: PHONE.ahmed }),
    nina: await addContact(host, { name: 'Nina Berg', phone: PHONE.nina }),
  };
  await customerWrites(host, PHONE.maria, T0 + 50 * MINUTE - DAY, 'Is the blue one back in stock?');
  await customerWrites(host, PHONE.sofia, T0 + 50 * MINUTE - DAY);
  await customerWrites(host, PHONE.lena, T0 + 10 * MINUTE - DAY);
  await customerWrites(host, PHONE.ahmed, T0 + 12 * HOUR + 10 * MINUTE - DAY);
  await customerWrites(host, PHONE.nina, T0 + 20 * HOUR - DAY);
  await host.advanceTo(T0);
  const { notifications } = await host.handlers.notifications.centre();
  const notification = (title: string) => {
    const found = notifications.find((n) => n.title === title);
    if (!found) throw new Error(`No notification “${title}”`);
    return found;
  };
  return { host, id, notification };
}

const bell = () => screen.getByRole('button', { name: /^Notifications/ });

async function openCentre(given?: Shop) {
  const { host, id, notification } = given ?? (await shop());
  const view = { ...(await renderApp(host)), id, notification };
  await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('Notifications, 2 unread'));
  await view.user.click(bell());
  return { ...view, dialog: screen.getByRole('dialog', { name: 'Notifications' }) };
}

const item = (dialog: HTMLElement, title: string) =>
  within(dialog).getByRole('button', { name: title }).closest('li') as HTMLElement;

describe('the notification centre', () => {
  it('names the unread count on the bell and shows how many windows close soon', async () => {
    const { host, notification } = await shop();
    await renderApp(host);
    await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('Notifications, 2 unread'));
    expect(screen.getByText('3 closing soon')).toBeTruthy();
    // Read elsewhere (a desktop notification was opened): main pushes notifications:changed.
    await host.handlers.notifications.markRead([notification(GROUP).id, notification(LENA).id]);
    await settle(host);
    expect(bell().getAttribute('aria-label')).toBe('Notifications');
    // The badge counts windows, not unread notifications: it goes when they have closed.
    expect(screen.getByText('3 closing soon')).toBeTruthy();
    await act(() => host.advanceTo(T0 + 51 * MINUTE));
    await waitFor(() => expect(screen.queryByText(/closing soon/)).toBeNull());
  });

  it('lists notifications newest first; opening one shows its conversation and marks it read', async () => {
    const { user, dialog, host, notification } = await openCentre();
    const list = within(dialog).getByRole('list', { name: 'Recent notifications' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.notification-title')?.textContent),
    ).toEqual([GROUP, LENA]);
    expect(item(dialog, LENA).textContent).toContain('13:10');
    await user.click(within(dialog).getByRole('button', { name: LENA }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Lena Vogel' })).toBeTruthy();
    expect(host.callsTo('notifications.markRead')).toEqual([[[notification(LENA).id]]]);
    await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('Notifications, 1 unread'));
  });

  it('opening a notification about several contacts narrows the list to exactly them', async () => {
    const { user, dialog } = await openCentre();
    await user.click(within(dialog).getByRole('button', { name: GROUP }));
    const list = screen.getByRole('listbox', { name: 'Contacts' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.getAttribute('aria-label')?.split(',')[0]),
    ).toEqual(['Lena Vogel', 'Maria Jansen', 'Sofia Rossi']);
    expect(screen.getByText('Showing 3 contacts from a reminder')).toBeTruthy();
  });

  it('snoozes every reminder of a notification', async () => {
    const { user, dialog, host, notification } = await openCentre();
    const group = item(dialog, GROUP);
    await user.click(within(group).getByRole('button', { name: 'Snooze 10 min' }));
    // One call with the notification's id: the main process snoozes every reminder in the group.
    expect(host.callsTo('reminders.snooze')).toEqual([[notification(GROUP).id, '10-minutes']]);
    expect(await within(group).findByText('Snoozed for 10 minutes.')).toBeTruthy();
    const single = item(dialog, LENA);
    await user.click(within(single).getByRole('button', { name: 'Snooze until next reminder' }));
    expect(host.callsTo('reminders.snooze')[1]).toEqual([notification(LENA).id, 'next-lead']);
  });

  it('marks all read', async () => {
    const { user, dialog, host, notification } = await openCentre();
    await user.click(within(dialog).getByRole('button', { name: 'Mark all read' }));
    expect(host.callsTo('notifications.markRead')).toEqual([
      [[notification(GROUP).id, notification(LENA).id]],
    ]);
    await waitFor(() =>
      expect(
        within(dialog).getByRole('button', { name: 'Mark all read' }).getAttribute('aria-disabled'),
      ).toBe('true'),
    );
    await user.keyboard('{Escape}');
    expect(bell().getAttribute('aria-label')).toBe('Notifications');
  });

  it('says when desktop notifications are off and shows the newest reminder in the window', async () => {
    const { host } = await shop({ desktopOff: 'notifications are blocked in System Settings.' });
    const { user } = await renderApp(host);
    expect(
      await screen.findByText(
        'Desktop notifications are off: notifications are blocked in System Settings. CareWindow will show reminders here.',
      ),
    ).toBeTruthy();
    const latest = screen.getByRole('region', { name: 'Latest reminder' });
    expect(latest.textContent).toContain(GROUP);
    await user.click(within(latest).getByRole('button', { name: 'Open latest reminder' }));
    expect(screen.getByText('Showing 3 contacts from a reminder')).toBeTruthy();
  });

  it('starts without notifications or templates when main cannot give them yet', async () => {
    const { host } = await shop();
    host.failNext('notifications.centre', { code: 'internal', message: 'Not wired yet.' });
    host.failNext('templates.list', { code: 'internal', message: 'Not wired yet.' });
    const { user } = await renderApp(host);
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
    const { host, notification } = await shop();
    await renderApp(host);
    await settle(host);
    // The owner clicks desktop notifications: main tells the window where to go.
    act(() => expect(host.notifier.click(notification(LENA).id)).toBe(true));
    await settle(host);
    expect(await screen.findByRole('heading', { level: 2, name: 'Lena Vogel' })).toBeTruthy();

    act(() => expect(host.notifier.click(notification(GROUP).id)).toBe(true));
    await settle(host);
    const list = screen.getByRole('listbox', { name: 'Contacts' });
    const shown = () =>
      within(list)
        .getAllByRole('option')
        .map((o) => o.getAttribute('aria-label')?.split(',')[0]);
    await waitFor(() => expect(shown()).toEqual(['Lena Vogel', 'Maria Jansen', 'Sofia Rossi']));
    expect(screen.getByRole('status').textContent).toBe('Showing 3 contacts from a reminder');
    for (const chip of within(
      screen.getByRole('group', { name: 'Show contacts by window state' }),
    ).getAllByRole('button')) {
      expect(chip.getAttribute('aria-pressed')).toBe('false');
    }
    screen.getByRole('button', { name: 'Show all' }).click();
    await waitFor(() => expect(shown()).toHaveLength(5));
    expect(screen.queryByText(/from a reminder/)).toBeNull();
  });
});

describe('reminders in the conversation', () => {
  it('shows the next reminder, and when quiet hours moved it, when the window closes', async () => {
    const { user } = await renderApp((await shop()).host);
    await openContact(user, 'Maria Jansen');
    expect(screen.getByText('Reminder at 14:35')).toBeTruthy();
    await openContact(user, 'Ahmed El Amrani');
    expect(screen.getByText("closes tomorrow at 02:10 — you'll be reminded at 17:59")).toBeTruthy();
  });

  it('mutes and unmutes reminders for the contact', async () => {
    const { host, id } = await shop();
    const { user } = await renderApp(host);
    await openContact(user, 'Maria Jansen');
    await user.click(screen.getByRole('button', { name: 'Mute reminders' }));
    expect(host.callsTo('contacts.setMuted')).toEqual([[id.maria, true]]);
    expect(await screen.findByRole('button', { name: 'Unmute reminders' })).toBeTruthy();
    // The note and the list row come with the row main pushes, which may land a moment after the button.
    expect(await screen.findByText('Reminders muted for this contact')).toBeTruthy();
    expect(
      await screen.findByRole('option', {
        name: /^Maria Jansen, closes in 50 min, Waiting for you, .+, reminders muted$/,
      }),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Unmute reminders' }));
    expect(host.callsTo('contacts.setMuted')[1]).toEqual([id.maria, false]);
  });
});
