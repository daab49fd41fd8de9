import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HOUR, T0 } from './moments';
import { openContact, renderApp, startHost } from './render-app';
import { addContact, customerWrites } from './shop-fixtures';

const PHONE = '+31612345678';
const NAME = 'Sanne de Vries';

describe('a photo WhatsApp refused', () => {
  it('offers "Send again" in its bubble, which sends the kept file as a new message through main', async () => {
    const host = await startHost();
    await addContact(host, { name: NAME, phone: PHONE });
    await customerWrites(host, PHONE, T0 - 2 * HOUR, 'Do you have it in red?');
    const { user } = await renderApp(host);
    const log = await openContact(user, NAME);
    const form = screen.getByRole('textbox', { name: 'Message' }).closest('form');
    if (!form) throw new Error('no composer');

    host.simulator.refuseNext('the media could not be fetched');
    const jpeg = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], 'scarf.jpg', {
      type: 'image/jpeg',
    });
    fireEvent.drop(form, { dataTransfer: { files: [jpeg], types: ['Files'] } });
    await within(form).findByRole('group', { name: 'File to send: scarf.jpg' });
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'In red{Enter}');

    const again = await within(log).findByRole('button', { name: 'Send again' });
    const sends = host.simulator.sent.length;
    await user.click(again);

    await waitFor(() => expect(host.simulator.sent.length).toBe(sends + 1));
    expect(host.simulator.sent.at(-1)).toMatchObject({
      kind: 'media',
      text: 'In red',
      media: { kind: 'image', mimeType: 'image/jpeg' },
    });
    // The failed one stays as what happened; the new one is in the log after it.
    await waitFor(() => expect(within(log).getAllByText('In red')).toHaveLength(2));
    expect(within(log).getAllByRole('button', { name: 'Send again' })).toHaveLength(1);
  });
});
