import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Template } from '../../main/contract/model';
import { buttonMappingKey } from '../../main/domain/templates/send-parts';
import { openContact, renderApp } from './render-app';
import { SHOP_OPENS, startShop } from './shop-fixtures';

/**
 * The follow-up dialog shows a template as the customer will see it: the photo header, the body filled
 * by main, the footer, and the buttons, a link button with this customer's own address.
 */

const ORDER_READY: Template = {
  id: 'tpl-order-ready',
  name: 'order_ready',
  language: 'en',
  category: 'utility',
  status: 'approved',
  body: 'Hi {{1}}, your repair {{2}} is ready.',
  header: null,
  footer: 'Fietsen Jansen, Utrecht',
  buttons: ['Track repair', 'Thanks!', 'Call the shop'],
  mapping: {
    '1': { kind: 'field', field: 'first_name' },
    '2': { kind: 'field', field: 'ticket_ID' },
    [buttonMappingKey(0)]: { kind: 'field', field: 'ticket_ID' },
  },
  createdAt: SHOP_OPENS,
  updatedAt: SHOP_OPENS,
  source: 'platform',
  headerMedia: {
    kind: 'image',
    sample: 'template-samples/x.jpg',
    fileName: 'bike.jpg',
    mimeType: 'image/jpeg',
  },
  buttonSpecs: [
    { type: 'url', text: 'Track repair', url: 'https://shop.example/repairs/{{1}}', example: 'T-1' },
    { type: 'quick_reply', text: 'Thanks!' },
    { type: 'phone_number', text: 'Call the shop', phone: '+31201234567' },
  ],
};

describe('the follow-up dialog’s template preview', () => {
  it('shows the header photo, the filled body, the footer and the buttons with this customer’s link', async () => {
    const { host } = await startShop({
      before: async ({ host }) => {
        await host.app.session().store.saveTemplate(ORDER_READY);
        await host.handlers.settings.update({ defaultTemplateId: ORDER_READY.id });
      },
    });
    const { user } = await renderApp(host);
    await openContact(user, 'Sofia Rossi');
    await user.click(screen.getByRole('button', { name: 'Follow up' }));
    const dialog = screen.getByRole('dialog', { name: 'Follow up with Sofia Rossi' });
    const card = await within(dialog).findByRole('figure', { name: 'What Sofia Rossi will see' });
    expect(within(card).getByText('Photo: bike.jpg')).toBeTruthy();
    expect(within(card).getByText('Hi Sofia, your repair T-42 is ready.')).toBeTruthy();
    expect(within(card).getByText('Fietsen Jansen, Utrecht')).toBeTruthy();
    const buttons = within(
      within(card).getByRole('list', { name: 'Buttons the customer sees' }),
    ).getAllByRole('listitem');
    expect(buttons.map((b) => b.textContent)).toEqual(['Track repair ↗', 'Thanks!', 'Call the shop ☎']);
    expect(buttons[0]?.getAttribute('title')).toBe('https://shop.example/repairs/T-42');
    expect(buttons[2]?.getAttribute('title')).toBe('+31201234567');
  });

  it('names a link button whose value the customer lacks, and keeps Send disabled', async () => {
    const { host } = await startShop({
      before: async ({ host }) => {
        await host.app.session().store.saveTemplate({
          ...ORDER_READY,
          body: 'Hi {{1}}, your repair is ready.',
          mapping: {
            '1': { kind: 'field', field: 'first_name' },
            [buttonMappingKey(0)]: { kind: 'field', field: 'repair_code' },
          },
        });
        await host.handlers.settings.update({ defaultTemplateId: ORDER_READY.id });
      },
    });
    const { user } = await renderApp(host);
    await openContact(user, 'Sofia Rossi');
    await user.click(screen.getByRole('button', { name: 'Follow up' }));
    const dialog = screen.getByRole('dialog', { name: 'Follow up with Sofia Rossi' });
    await within(dialog).findByText('{{1}} in the “Track repair” button — Sofia Rossi has no repair_code');
    expect(within(dialog).getByRole('button', { name: 'Send now' })).toHaveProperty('disabled', true);
  });
});
