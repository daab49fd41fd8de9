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

// happy-dom does no layout, so every element is 0 px tall and the virtual lists would show nothing.
// Give the contact list and the message log a window-sized viewport (640 px: ten 64 px rows plus
// overscan), each drawn message a height (as a browser measures it), and each a scroll height from its
// track, so the virtualizers can scroll.
export const VIEWPORT = 640;
export const MESSAGE_HEIGHT = 40;
Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
  configurable: true,
  get(this: HTMLElement) {
    const role = this.getAttribute('role');
    return role === 'listbox' || role === 'log' ? VIEWPORT : 0;
  },
});
Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
  configurable: true,
  get(this: HTMLElement) {
    return this.classList.contains('log-item') ? MESSAGE_HEIGHT : 0;
  },
});
Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
  configurable: true,
  get(this: HTMLElement) {
    const role = this.getAttribute('role');
    const track = role === 'log' ? this.querySelector('.log-track') : this.firstElementChild;
    return (role === 'listbox' || role === 'log') && track instanceof HTMLElement
      ? Number.parseFloat(track.style.height) || 0
      : 0;
  },
});

// A browser clamps a scroll to what there is to scroll and then reports it with a scroll event; happy-dom
// does neither, and the message log's virtualizer follows the position through those events.
const scrollTo = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTo')?.value as (
  this: Element,
  ...args: unknown[]
) => void;
HTMLElement.prototype.scrollTo = function (this: HTMLElement, ...args: unknown[]) {
  scrollTo.apply(this, args);
  if (this.getAttribute('role') !== 'log') return;
  this.scrollTop = Math.max(0, Math.min(this.scrollTop, this.scrollHeight - this.clientHeight));
  setTimeout(() => act(() => void this.dispatchEvent(new Event('scroll'))), 0);
};

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
