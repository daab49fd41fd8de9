import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FakeBridge, HOUR, makeRow, MINUTE, SECOND, T0 } from './fake-api';
import { emit, openContact, renderApp } from './render-app';

function bridge() {
  return new FakeBridge([
    makeRow({
      id: 'maria',
      name: 'Maria Jansen',
      state: 'closing',
      expiresAt: T0 + 8 * MINUTE,
      phone: '+31612345678',
    }),
    makeRow({
      id: 'ahmed',
      name: 'Ahmed El Amrani',
      state: 'open',
      expiresAt: T0 + 3 * HOUR + 12 * MINUTE,
      phone: '+32470998877',
    }),
  ]);
}

const option = (name: string) => screen.getByRole('option', { name: new RegExp(`^${name},`) });

describe('countdowns', () => {
  it('follow main’s clock when it jumps', async () => {
    const fake = bridge();
    const { user } = await renderApp(fake);
    await openContact(user, 'Maria Jansen');
    const header = screen.getByRole('heading', { name: 'Maria Jansen', level: 2 }).closest('header');
    if (!header) throw new Error('no conversation header');
    expect(option('Maria Jansen').getAttribute('aria-label')).toBe('Maria Jansen, Closing, closes in 8 min');
    expect(within(header).getByText('closes in 8 min')).toBeTruthy();

    emit(() => fake.moveClock(T0 + 3 * MINUTE + 48 * SECOND));
    expect(option('Maria Jansen').getAttribute('aria-label')).toBe(
      'Maria Jansen, Closing, closes in 4 min 12 s',
    );
    expect(within(header).getByText('closes in 4 min 12 s')).toBeTruthy();
    expect(option('Ahmed El Amrani').getAttribute('aria-label')).toBe(
      'Ahmed El Amrani, Open, 3 h 8 min left',
    );
  });

  it('tick once a second with this computer’s clock, skewed to main’s', async () => {
    const fake = bridge();
    // Main's clock runs 2 hours ahead of this computer's.
    fake.now = T0 + 2 * HOUR;
    const maria = makeRow({
      id: 'maria',
      name: 'Maria Jansen',
      state: 'closing',
      expiresAt: T0 + 2 * HOUR + 6 * MINUTE,
    });
    fake.rows.set('maria', maria);
    await renderApp(fake);
    expect(option('Maria Jansen').getAttribute('aria-label')).toBe('Maria Jansen, Closing, closes in 6 min');

    vi.setSystemTime(T0 + 61 * SECOND);
    await waitFor(
      () =>
        expect(option('Maria Jansen').getAttribute('aria-label')).toBe(
          'Maria Jansen, Closing, closes in 4 min 59 s',
        ),
      { timeout: 2500 },
    );
  });

  it('share one timer between all rows and the header', async () => {
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
    const rows = Array.from({ length: 50 }, (_, i) =>
      makeRow({ id: `c${i}`, name: `Customer ${i}`, state: 'open', expiresAt: T0 + HOUR + i * MINUTE }),
    );
    const { user } = await renderApp(new FakeBridge(rows));
    await openContact(user, 'Customer 3');
    const secondTimers = setIntervalSpy.mock.calls.filter(([, delay]) => delay === 1000);
    expect(secondTimers).toHaveLength(1);
    setIntervalSpy.mockRestore();
  });

  it('show the window’s end in the owner’s zone in the header', async () => {
    const { user } = await renderApp(bridge());
    await openContact(user, 'Maria Jansen');
    // T0 is 14:00 in Amsterdam; the window closes 8 minutes later.
    expect(screen.getByText(/^Window closes today at 14:08/)).toBeTruthy();
  });
});
