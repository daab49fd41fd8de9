import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HOUR, T0 } from './moments';
import { renderApp, settle } from './render-app';
import { startShop } from './shop-fixtures';

/** T0 is 14:00 in Amsterdam; 09:00 there the next day. */
const TOMORROW_9 = T0 + 19 * HOUR;

/** Text as axe compares a name with what is shown: no punctuation, single spaces, any case. */
const words = (text: string) =>
  text
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();

const row = (name: string) => screen.getByRole('option', { name: new RegExp(`^${name},`) });

describe('a scheduled follow-up on the contact list', () => {
  it('shows on the row with its time, in the row’s accessible name, and goes when cancelled', async () => {
    const { host, id, templates } = await startShop();
    const { user } = await renderApp(host);
    expect(row('Sofia Rossi').textContent).not.toContain('Follow-up tomorrow');

    await host.handlers.scheduledFollowUps.schedule(id.sofia, templates.ticket, TOMORROW_9);
    await settle(host);
    await waitFor(() => expect(row('Sofia Rossi').textContent).toContain('Follow-up tomorrow 09:00'));
    // Said where it is shown (after the countdown, before the last message), so what a voice-control
    // user reads out names the row (axe: label-content-name-mismatch).
    expect(row('Sofia Rossi').getAttribute('aria-label')).toMatch(
      /^Sofia Rossi, closed 3 h ago[^,]*, [^,]+, Follow-up tomorrow 09:00, Hello!/,
    );
    expect(words(row('Sofia Rossi').getAttribute('aria-label') ?? '')).toContain(
      words(row('Sofia Rossi').textContent),
    );
    expect(within(row('Sofia Rossi')).getByText('Follow-up tomorrow 09:00').className).toBe('row-scheduled');
    // Only on that contact's row.
    expect(row('Lena Vogel').getAttribute('aria-label')).not.toContain('Follow-up tomorrow');

    await user.click(row('Sofia Rossi'));
    await user.click(
      await screen.findByRole('button', { name: 'Cancel the scheduled follow-up to Sofia Rossi' }),
    );
    await waitFor(() => expect(row('Sofia Rossi').getAttribute('aria-label')).not.toContain('Follow-up'));
    expect(row('Sofia Rossi').textContent).not.toContain('Follow-up tomorrow');
  });
});
