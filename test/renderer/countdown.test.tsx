import { act, screen, within } from '@testing-library/react';
import { rowStatus } from './row-names';
import { describe, expect, it, vi } from 'vitest';
import type { InProcessHost } from '../support/in-process-host';
import { DAY, HOUR, MINUTE, SECOND, T0 } from './moments';
import { openContact, renderApp, startHost } from './render-app';
import { addContact, customerWrites } from './shop-fixtures';

const MARIA = '+31612345678';
const AHMED = '+32470998877';

/** Maria's window closes `mariaLeft` after `now`, Ahmed's 3 h 12 min after it. */
async function shop(now = T0, mariaLeft = 8 * MINUTE): Promise<InProcessHost> {
  const host = await startHost(now - 4 * HOUR);
  await addContact(host, { name: 'Maria Jansen', phone: MARIA });
  await addContact(host, { name: 'Ahmed El Amrani', phone: AHMED });
  await customerWrites(host, MARIA, now + mariaLeft - DAY);
  await customerWrites(host, AHMED, now + 3 * HOUR + 12 * MINUTE - DAY);
  await host.advanceTo(now);
  return host;
}

const option = (name: string) => screen.getByRole('option', { name: new RegExp(`^${name},`) });

describe('countdowns', () => {
  it('follow main’s clock when it jumps', async () => {
    const host = await shop();
    const { user } = await renderApp(host);
    await openContact(user, 'Maria Jansen');
    const header = screen.getByRole('heading', { name: 'Maria Jansen', level: 2 }).closest('header');
    if (!header) throw new Error('no conversation header');
    expect(rowStatus(option('Maria Jansen'))).toBe(
      'Maria Jansen, closes in 8 min, Waiting for you, 1 unread message',
    );
    expect(within(header).getByText('closes in 8 min')).toBeTruthy();

    await act(() => host.jumpTo(T0 + 3 * MINUTE + 48 * SECOND));
    expect(rowStatus(option('Maria Jansen'))).toBe('Maria Jansen, closes in 4 min 12 s, Waiting for you');
    expect(within(header).getByText('closes in 4 min 12 s')).toBeTruthy();
    expect(rowStatus(option('Ahmed El Amrani'))).toBe(
      'Ahmed El Amrani, 3 h 8 min left, Waiting for you, 1 unread message',
    );
  });

  it('tick once a second with this computer’s clock, skewed to main’s', async () => {
    // This computer's second timer is fake, so the test moves it instead of waiting for it.
    vi.useFakeTimers({ now: T0, toFake: ['Date', 'setInterval', 'clearInterval'] });
    // Main's clock runs 2 hours ahead of this computer's.
    const host = await shop(T0 + 2 * HOUR, 6 * MINUTE);
    await renderApp(host);
    expect(rowStatus(option('Maria Jansen'))).toBe(
      'Maria Jansen, closes in 6 min, Waiting for you, 1 unread message',
    );

    vi.setSystemTime(T0 + 60 * SECOND);
    await act(() => vi.advanceTimersByTime(SECOND));
    expect(rowStatus(option('Maria Jansen'))).toBe(
      'Maria Jansen, closes in 4 min 59 s, Waiting for you, 1 unread message',
    );
  });

  it('share one timer between all rows and the header', async () => {
    const host = await startHost();
    for (let i = 0; i < 50; i++) {
      const phone = `+316123${String(40000 + i)}`;
      await addContact(host, { name: `Customer ${i}`, phone });
      await customerWrites(host, phone, T0 + HOUR + i * MINUTE - DAY);
    }
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
    const { user } = await renderApp(host);
    await openContact(user, 'Customer 3');
    const secondTimers = setIntervalSpy.mock.calls.filter(([, delay]) => delay === SECOND);
    expect(secondTimers).toHaveLength(1);
    setIntervalSpy.mockRestore();
  });

  it('show the window’s end in the owner’s zone in the header', async () => {
    const { user } = await renderApp(await shop());
    await openContact(user, 'Maria Jansen');
    // T0 is 14:00 in Amsterdam; the window closes 8 minutes later.
    expect(screen.getByText(/^Window closes today at 14:08/)).toBeTruthy();
  });
});
