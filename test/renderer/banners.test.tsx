import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { unwrapBridgeApi } from '../../main/contract/client';
import { App } from '../../renderer/src/components/App';
import { MissingBridge } from '../../renderer/src/components/MissingBridge';
import { FakeBridge, HOUR, makeRow, T0 } from './fake-api';
import { emit, openContact, renderApp } from './render-app';

function demo() {
  const fake = new FakeBridge([
    makeRow({
      id: 'maria',
      name: 'Maria Jansen',
      state: 'open',
      expiresAt: T0 + 5 * HOUR,
      phone: '+31612345678',
    }),
  ]);
  fake.workspace = { ...fake.workspace, kind: 'demo', accountConfigured: false };
  return fake;
}

describe('the demo workspace banner', () => {
  it('says it is demo data and simulates a message from the selected contact', async () => {
    const fake = demo();
    const { user } = await renderApp(fake);
    const banner = screen.getByRole('region', { name: 'Demo workspace' });
    expect(banner.textContent).toContain('You are looking at demo data — nothing here is sent to WhatsApp.');
    const simulate = within(banner).getByRole('button', { name: 'Simulate customer message' });
    expect(simulate).toHaveProperty('disabled', true);
    expect(within(banner).getByText('Choose a contact first.')).toBeTruthy();

    const log = await openContact(user, 'Maria Jansen');
    expect(simulate).toHaveProperty('disabled', false);
    await user.click(simulate);
    expect(fake.callsTo('demo.simulateInbound')).toEqual([['maria']]);
    expect(await within(log).findByText('Is the blue one back in stock?')).toBeTruthy();
  });

  it('starts the owner’s own workspace after confirming', async () => {
    const fake = demo();
    const { user } = await renderApp(fake);
    await user.click(screen.getByRole('button', { name: 'Start my own workspace' }));
    const confirm = screen.getByRole('dialog', { name: 'Leave the demo?' });
    await user.click(within(confirm).getByRole('button', { name: 'Stay in the demo' }));
    expect(fake.callsTo('workspace.startReal')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Start my own workspace' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Leave the demo?' })).getByRole('button', {
        name: 'Leave the demo',
      }),
    );
    expect(fake.callsTo('workspace.startReal')).toEqual([[]]);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Demo workspace' })).toBeNull());
    expect(
      screen.getByText('No WhatsApp account connected yet — messages are not sent or received.'),
    ).toBeTruthy();
    expect(screen.getByText('No contacts yet — add a contact to get started.')).toBeTruthy();
  });

  it('starts over when main switches the workspace', async () => {
    const fake = demo();
    await renderApp(fake);
    const before = fake.callsTo('contacts.list').length;
    fake.rows.clear();
    fake.workspace = { ...fake.workspace, kind: 'real', accountConfigured: true };
    emit(() => fake.emit('workspace:changed', fake.workspace));
    await screen.findByText('No contacts yet — add a contact to get started.');
    expect(fake.callsTo('contacts.list').length).toBe(before + 1);
    expect(screen.queryByRole('region', { name: 'Demo workspace' })).toBeNull();
    expect(screen.queryByText(/No WhatsApp account connected yet/)).toBeNull();
  });
});

describe('data problems and errors', () => {
  it('reports unreadable files and dismisses them', async () => {
    const fake = new FakeBridge();
    fake.workspace = {
      ...fake.workspace,
      problems: [
        {
          file: 'contacts.json',
          movedTo: 'contacts.json.unreadable-2025-11-26',
          message: 'Your contacts file could not be read.',
          recovery: 'CareWindow opened yesterday’s backup instead.',
        },
      ],
    };
    const { user } = await renderApp(fake);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Your contacts file could not be read.');
    expect(alert.textContent).toContain('CareWindow opened yesterday’s backup instead.');
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(fake.callsTo('workspace.dismissProblems')).toEqual([[]]);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('shows a failed call as a notice that can be closed', async () => {
    const fake = demo();
    fake.fail('demo.simulateInbound', {
      code: 'storage',
      message: 'The message could not be saved. Check the disk.',
    });
    const { user } = await renderApp(fake);
    await openContact(user, 'Maria Jansen');
    await user.click(screen.getByRole('button', { name: 'Simulate customer message' }));
    const toast = await screen.findByRole('alert');
    expect(toast.textContent).toContain('The message could not be saved. Check the disk.');
    await user.click(within(toast).getByRole('button', { name: 'Close notice' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers to try again when the first screen cannot load', async () => {
    const fake = new FakeBridge();
    fake.fail('contacts.list', { code: 'storage', message: 'The data folder cannot be read.' });
    render(<App api={unwrapBridgeApi(fake.bridge)} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The data folder cannot be read.');
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Add contact' })).toBeTruthy();
  });
});

describe('without the bridge', () => {
  it('has no API and explains what to do instead of crashing', async () => {
    vi.resetModules();
    delete window.careWindow;
    const { api } = await import('../../renderer/src/api');
    expect(api).toBeNull();
    render(<MissingBridge />);
    expect(screen.getByRole('alert').textContent).toContain('start CareWindow again');
  });

  it('unwraps the bridge when the preload provides one', async () => {
    vi.resetModules();
    window.careWindow = new FakeBridge().bridge;
    const { api } = await import('../../renderer/src/api');
    await expect(api?.clock.now()).resolves.toBe(T0);
    delete window.careWindow;
  });
});
