import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, vi } from 'vitest';
import { unwrapBridgeApi } from '../../main/contract/client';
import { App, type AppProps } from '../../renderer/src/components/App';
import { FakeBridge, T0 } from './fake-api';

// The computer's clock stands still at T0 (timers still run), so countdowns are exact; a test moves
// time with fake.moveClock() (main's clock) or vi.setSystemTime()/fake timers (this computer's).
beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['Date'] });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  delete document.documentElement.dataset.theme;
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

export interface RenderOptions extends Partial<Omit<AppProps, 'api'>> {
  /** Options for user-event, e.g. `advanceTimers` when a test uses fake timers. */
  user?: Parameters<typeof userEvent.setup>[0];
}

/** Renders the whole app against a fake bridge and waits until the first screen has loaded. */
export async function renderApp(fake = new FakeBridge(), options: RenderOptions = {}) {
  const { user: userOptions, ...props } = options;
  const api = unwrapBridgeApi(fake.bridge);
  const user = userEvent.setup(userOptions);
  const view = render(<App api={api} {...props} />);
  await screen.findByRole('button', { name: 'Add contact' });
  return { fake, api, user, ...view };
}

/** Runs a main-process event inside act(), as React expects for updates from outside. */
export function emit(action: () => void): void {
  act(action);
}

/** Opens a contact by clicking its row in the list and waits for its conversation. */
export async function openContact(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByRole('option', { name: new RegExp(`^${name},`) }));
  return screen.findByRole('log', { name: `Conversation with ${name}` });
}
