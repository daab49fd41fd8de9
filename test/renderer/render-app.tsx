import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, vi } from 'vitest';
import { unwrapBridgeApi } from '../../main/contract/client';
import type { WorkspaceKind } from '../../main/contract/model';
import { App, type AppProps } from '../../renderer/src/components/App';
import { InProcessHost } from '../support/in-process-host';
import { HOUR, T0 } from './moments';

const hosts: InProcessHost[] = [];

// This computer's clock stands still at T0 (timers still run), so countdowns are exact; a test moves
// main's clock through the host, or this computer's with vi.setSystemTime()/fake timers.
beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['Date'] });
});

afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  delete document.documentElement.dataset.theme;
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

// happy-dom does no layout, so every element is 0 px tall and the virtual list would show no rows.
// Give the list a window-sized viewport (640 px: ten 64 px rows plus overscan) and a scroll height
// from its track, so the virtualizer can scroll.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
  configurable: true,
  get(this: HTMLElement) {
    return this.getAttribute('role') === 'listbox' ? 640 : 0;
  },
});
Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
  configurable: true,
  get(this: HTMLElement) {
    const track = this.firstElementChild;
    return this.getAttribute('role') === 'listbox' && track instanceof HTMLElement
      ? Number.parseFloat(track.style.height) || 0
      : 0;
  },
});

/**
 * The real main process on a temp folder, in the owner's own (empty) workspace unless the demo is asked
 * for, with British formats in Amsterdam time,
 * its clock at `startAt` (by default four hours before T0, so a test can seed a past and then move to
 * T0 with `host.advanceTo(T0)`). Closed after the test.
 */
export async function startHost(
  startAt = T0 - 4 * HOUR,
  workspace: WorkspaceKind = 'real',
): Promise<InProcessHost> {
  const host = await InProcessHost.start({ startAt, workspace });
  hosts.push(host);
  await host.handlers.settings.update({ locale: 'en-GB', timeZone: 'Europe/Amsterdam' });
  return host;
}

export interface RenderOptions extends Partial<Omit<AppProps, 'api'>> {
  /** Options for user-event, e.g. `advanceTimers` when a test uses fake timers. */
  user?: Parameters<typeof userEvent.setup>[0];
}

/**
 * Renders the whole app against the real main process (a fresh empty workspace unless a seeded host is
 * given), with main's clock at T0 unless the host's is later, and waits until the first screen loaded.
 */
export async function renderApp(given?: InProcessHost, options: RenderOptions = {}) {
  const host = given ?? (await startHost());
  if (host.clock.now() < T0) await host.advanceTo(T0);
  host.deliverWith((run) => act(run));
  const { user: userOptions, ...props } = options;
  const api = unwrapBridgeApi(host.bridge);
  const user = userEvent.setup(userOptions);
  const view = render(<App api={api} {...props} />);
  await screen.findByRole('button', { name: 'Add contact' });
  return { host, api, user, ...view };
}

/** Lets main's pushes reach the screen (inside act(), as React expects for updates from outside). */
export async function settle(host: InProcessHost): Promise<void> {
  await act(() => host.idle());
}

/** Opens a contact by clicking its row in the list and waits for its conversation. */
export async function openContact(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByRole('option', { name: new RegExp(`^${name},`) }));
  return screen.findByRole('log', { name: `Conversation with ${name}` });
}
