import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, T0 } from './moments';
import { openContact, renderApp, settle, startHost } from './render-app';
import { addContact, customerWrites, SHOP_OPENS } from './shop-fixtures';

const PHONE = { ana: '+31201110011', ben: '+31201110012', cas: '+31201110013' };

/** Ana's window closes soonest but she was answered; Ben and Cas wrote last (waiting for you). */
async function inbox() {
  const host = await startHost(SHOP_OPENS);
  const ana = await addContact(host, { name: 'Ana Alves', phone: PHONE.ana });
  await addContact(host, { name: 'Ben Bos', phone: PHONE.ben });
  await addContact(host, { name: 'Cas Claes', phone: PHONE.cas });
  await customerWrites(host, PHONE.ana, T0 + HOUR - DAY, 'Ana here');
  await host.handlers.conversation.sendText(ana, 'Hi Ana');
  await customerWrites(host, PHONE.ben, T0 + 5 * HOUR - DAY, 'Ben here');
  await customerWrites(host, PHONE.cas, T0 + 3 * HOUR - DAY, 'Cas here');
  await customerWrites(host, PHONE.cas, T0 + 3 * HOUR + MINUTE - DAY, 'Cas again');
  return host;
}

const names = () => screen.getAllByRole('option').map((o) => o.getAttribute('aria-label') ?? '');

describe('who is waiting for me', () => {
  it('customers waiting for you come first with their unread count; the title carries the total', async () => {
    await renderApp(await inbox());
    expect(names().map((n) => n.split(',')[0])).toEqual(['Cas Claes', 'Ben Bos', 'Ana Alves']);
    expect(names()[0]).toMatch(/^Cas Claes, .+, Waiting for you, .*, 2 unread messages$/);
    expect(names()[2]).not.toContain('Waiting for you');
    expect(document.title).toBe('(4) CareWindow');
    expect(screen.getByRole('button', { name: 'Waiting for you 2' })).toBeTruthy();
  });

  it('opening the conversation clears its unread count (in main too) and the title follows', async () => {
    const { host, user } = await renderApp(await inbox());
    await openContact(user, 'Cas Claes');
    await settle(host);
    await waitFor(() => expect(document.title).toBe('(2) CareWindow'));
    const cas = (await host.handlers.contacts.list()).find((r) => r.contact.name === 'Cas Claes');
    expect(cas?.unread).toBe(0);
  });

  it('the "Waiting for you" chip shows only them', async () => {
    const { user } = await renderApp(await inbox());
    await user.click(screen.getByRole('button', { name: 'Waiting for you 2' }));
    expect(names().map((n) => n.split(',')[0])).toEqual(['Cas Claes', 'Ben Bos']);
  });

  it('"N closing soon" filters the list to the closing windows', async () => {
    const seeded = await inbox();
    // Cas's window (he is waiting) closes within the first reminder lead (60 min) from here on.
    await seeded.advanceTo(T0 + 2 * HOUR + 10 * MINUTE);
    const { user } = await renderApp(seeded);
    await user.click(await screen.findByRole('button', { name: /^1 closing soon$/ }));
    expect(names().map((n) => n.split(',')[0])).toEqual(['Cas Claes']);
    expect(screen.getByRole('button', { name: /^Closing/ }).getAttribute('aria-pressed')).toBe('true');
  });

  it('a legend of the five window states is one click away', async () => {
    const { user } = await renderApp(await inbox());
    await user.click(screen.getByRole('button', { name: 'What the window states mean' }));
    const legend = screen.getByRole('dialog', { name: 'Window states' });
    for (const word of [
      'Open',
      'Closing',
      'Closed',
      'Followed up, awaiting customer',
      'No window',
      'Waiting for you',
    ]) {
      expect(within(legend).getByText(word)).toBeTruthy();
    }
    await user.click(within(legend).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('labels', () => {
  it('mark several contacts, label them in one go, and filter the list by the label', async () => {
    const { host, user } = await renderApp(await inbox());
    await user.keyboard('{Control>}');
    await user.click(screen.getByRole('option', { name: /^Cas Claes/ }));
    await user.click(screen.getByRole('option', { name: /^Ana Alves/ }));
    await user.keyboard('{/Control}');
    expect(screen.getByRole('status', { name: '' }).textContent).toBe('2 marked');
    await user.click(screen.getByRole('button', { name: 'Label…' }));
    const dialog = screen.getByRole('dialog', { name: 'Labels for 2 contacts' });
    await user.click(within(dialog).getByRole('checkbox', { name: 'Paid' }));
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await settle(host);
    const rows = await host.handlers.contacts.list();
    expect(
      rows
        .filter((r) => r.contact.labels?.includes('paid'))
        .map((r) => r.contact.name)
        .sort(),
    ).toEqual(['Ana Alves', 'Cas Claes']);
    // The row's name says its chips as they are shown (axe label-content-name-mismatch).
    expect(screen.getByRole('option', { name: /^Cas Claes/ }).getAttribute('aria-label')).toContain(
      ', Paid, ',
    );

    await user.click(screen.getByRole('button', { name: 'Labels' }));
    const filter = screen.getByRole('group', { name: 'Show contacts with label' });
    await user.click(within(filter).getByRole('button', { name: 'Paid' }));
    expect(names().map((n) => n.split(',')[0])).toEqual(['Cas Claes', 'Ana Alves']);
    await user.click(within(filter).getByRole('button', { name: 'Paid' }));
    expect(names()).toHaveLength(3);
  });
});
