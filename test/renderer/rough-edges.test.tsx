import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../main/contract/model';
import { openContact, renderApp } from './render-app';
import { addContact, customerWrites, startShop } from './shop-fixtures';
import { T0 } from './moments';
import { HOUR } from '../../main/domain/durations';

const ARABIC = 'ليلى حداد';
const option = (name: string) => screen.getByRole('option', { name: new RegExp(`^${name},`) });

describe('rough edges of issue 14', () => {
  it('one rule for "follow-up ready": the list says what the Follow-ups view says', async () => {
    const { host } = await startShop();
    const { user } = await renderApp(host);
    // Paul's only fitting template needs a ticket_ID he does not have: blocked, in the list too.
    expect(option('Paul Smit').getAttribute('aria-label')).toContain('missing field');
    expect(option('Paul Smit').getAttribute('aria-label')).not.toContain('follow-up ready');
    expect(option('Sofia Rossi').getAttribute('aria-label')).toContain('follow-up ready');
    await user.click(screen.getByRole('button', { name: 'Follow-ups' }));
    const region = screen.getByRole('region', { name: 'Follow-ups' });
    const missing = await within(region).findByRole('group', { name: 'Missing field' });
    expect(within(missing).getByText('Paul Smit')).toBeTruthy();
  });

  it('right-to-left names and messages keep their own direction, and the row names its preview', async () => {
    const { host } = await startShop();
    const phone = '+212612345678';
    await addContact(host, { name: ARABIC, phone });
    await customerWrites(host, phone, T0 - 2 * HOUR, 'مرحبا، هل طلبي جاهز؟');
    const { user } = await renderApp(host);
    const row = option(ARABIC);
    // The row's accessible name ends with the preview it shows (axe label-content-name-mismatch).
    expect(row.getAttribute('aria-label')).toContain('مرحبا، هل طلبي جاهز؟');
    expect(row.querySelector('.row-snippet bdi')?.textContent).toBe('مرحبا، هل طلبي جاهز؟');
    expect(row.querySelector('.row-name [dir="auto"]')?.textContent).toBe(ARABIC);
    await openContact(user, ARABIC);
    expect(screen.getByRole('heading', { level: 2, name: ARABIC }).getAttribute('dir')).toBe('auto');
    const log = screen.getByRole('log', { name: `Conversation with ${ARABIC}` });
    expect((await within(log).findByText('مرحبا، هل طلبي جاهز؟')).getAttribute('dir')).toBe('auto');
    expect(screen.getByRole('textbox', { name: 'Message' }).getAttribute('dir')).toBe('auto');
  });

  it('the two templates of one name say their language', async () => {
    const { host } = await startShop();
    const { user } = await renderApp(host);
    await user.click(screen.getByRole('button', { name: 'Templates' }));
    const edits = screen.getAllByRole('button', { name: /^Edit / }).map((b) => b.getAttribute('aria-label'));
    expect(new Set(edits).size).toBe(edits.length);
    expect(edits.every((name) => /\(.+\)$/.test(name ?? ''))).toBe(true);
  });

  it('quiet hours are on for a new workspace', () => {
    expect(DEFAULT_SETTINGS.quietHoursEnabled).toBe(true);
  });
});
