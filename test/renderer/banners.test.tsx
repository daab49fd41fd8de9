import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { unwrapBridgeApi } from '../../main/contract/client';
import { App } from '../../renderer/src/components/App';
import { MissingBridge } from '../../renderer/src/components/MissingBridge';
import { T0 } from './moments';
import { openContact, renderApp, settle, startHost } from './render-app';

/** The demo workspace, as on a first start. */
const demo = () => startHost(T0, 'demo');

async function idOf(host: Awaited<ReturnType<typeof demo>>, name: string): Promise<string> {
  const row = (await host.handlers.contacts.list()).find((r) => r.contact.name === name);
  if (!row) throw new Error(`${name} is not in the demo`);
  return row.contact.id;
}

describe('the demo workspace banner', () => {
  it('says it is demo data and simulates a message from a contact the owner chooses', async () => {
    const host = await demo();
    const { user } = await renderApp(host);
    const banner = screen.getByRole('region', { name: 'Demo workspace' });
    expect(banner.textContent).toContain('You are looking at demo data — nothing here is sent to WhatsApp.');
    const log = await openContact(user, 'Maria Jansen');
    await user.click(within(banner).getByRole('button', { name: 'Simulate customer message' }));
    const dialog = screen.getByRole('dialog', { name: 'Simulate a customer message' });
    // The selected contact is the one proposed; an empty message is a line of the demo.
    expect(within(dialog).getByRole('combobox', { name: 'From' })).toHaveProperty(
      'value',
      await idOf(host, 'Maria Jansen'),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Send as the customer' }));
    const maria = await idOf(host, 'Maria Jansen');
    await waitFor(() => expect(host.callsTo('demo.simulateInbound')).toEqual([[maria]]));
    await settle(host);
    const [simulated] = (await host.handlers.conversation.history(maria, { limit: 1 })).messages;
    expect(simulated?.direction).toBe('inbound');
    expect(await within(log).findByText(simulated?.text ?? '')).toBeTruthy();
  });

  it('starts the owner’s own workspace after confirming', async () => {
    const host = await demo();
    const { user } = await renderApp(host);
    await user.click(screen.getByRole('button', { name: 'Start my own workspace' }));
    const confirm = screen.getByRole('dialog', { name: 'Leave the demo?' });
    await user.click(within(confirm).getByRole('button', { name: 'Stay in the demo' }));
    expect(host.callsTo('workspace.startReal')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Start my own workspace' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Leave the demo?' })).getByRole('button', {
        name: 'Leave the demo',
      }),
    );
    expect(host.callsTo('workspace.startReal')).toEqual([[]]);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Demo workspace' })).toBeNull());
    expect(
      screen.getByText('No WhatsApp account connected yet — messages are not sent or received.'),
    ).toBeTruthy();
    expect(await screen.findByText('No contacts yet — import a chat export or add a contact.')).toBeTruthy();
  });

  it('goes back to the demo from the owner’s workspace without a WhatsApp account', async () => {
    const host = await demo();
    const { user } = await renderApp(host);
    await host.handlers.workspace.startReal();
    await settle(host);
    const banner = await screen.findByRole('region', { name: 'No WhatsApp account' });
    await user.click(within(banner).getByRole('button', { name: 'Open the demo' }));
    expect(host.callsTo('workspace.openDemo')).toEqual([[]]);
    expect(await screen.findByRole('region', { name: 'Demo workspace' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'No WhatsApp account' })).toBeNull();
  });

  it('starts over when main switches the workspace', async () => {
    const host = await demo();
    await renderApp(host);
    const before = host.callsTo('contacts.firstScreen').length;
    // Switched from elsewhere (the app's menu): main pushes workspace:changed.
    await host.handlers.workspace.startReal();
    await settle(host);
    await screen.findByText('No contacts yet — import a chat export or add a contact.');
    expect(host.callsTo('contacts.firstScreen').length).toBe(before + 1);
    expect(screen.queryByRole('region', { name: 'Demo workspace' })).toBeNull();
    // The test host has no WhatsApp account behind the owner's workspace.
    expect(screen.getByText(/No WhatsApp account connected yet/)).toBeTruthy();
  });
});

describe('data problems and errors', () => {
  it('reports unreadable files and dismisses them', async () => {
    const host = await startHost(T0);
    const info = await host.handlers.workspace.info();
    // Damaged files are the store's tests' business; here main's answer about them is canned.
    host.answerNext('workspace.info', {
      ...info,
      problems: [
        {
          file: 'contacts.json',
          movedTo: 'contacts.json.unreadable-2025-11-26',
          message: 'Your contacts file could not be read.',
          recovery: 'CareWindow opened yesterday’s backup instead.',
        },
      ],
    });
    const { user } = await renderApp(host);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Your contacts file could not be read.');
    expect(alert.textContent).toContain('CareWindow opened yesterday’s backup instead.');
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(host.callsTo('workspace.dismissProblems')).toEqual([[]]);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('shows a failed simulation in its dialog', async () => {
    const host = await demo();
    // A full disk: the real app on a temp folder cannot be brought to it.
    host.failNext('demo.simulateInbound', {
      code: 'storage',
      message: 'The message could not be saved. Check the disk.',
    });
    const { user } = await renderApp(host);
    await openContact(user, 'Maria Jansen');
    await user.click(screen.getByRole('button', { name: 'Simulate customer message' }));
    const dialog = screen.getByRole('dialog', { name: 'Simulate a customer message' });
    await user.click(within(dialog).getByRole('button', { name: 'Send as the customer' }));
    // Said in the dialog, next to the message, which stays open to try again.
    const message = within(dialog).getByRole('textbox', { name: 'Message' });
    await waitFor(() => expect(message.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(message.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'The message could not be saved. Check the disk.',
    );
  });

  it('offers to try again when the first screen cannot load', async () => {
    const host = await startHost(T0);
    host.failNext('contacts.firstScreen', { code: 'storage', message: 'The data folder cannot be read.' });
    render(<App api={unwrapBridgeApi(host.bridge)} />);
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
    window.careWindow = (await startHost(T0)).bridge;
    const { api } = await import('../../renderer/src/api');
    await expect(api?.clock.now()).resolves.toBe(T0);
    delete window.careWindow;
  });
});
