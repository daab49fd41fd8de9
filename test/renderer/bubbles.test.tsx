import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../main/contract/model';
import type { InProcessHost } from '../support/in-process-host';
import { HOUR, T0 } from './moments';
import { openContact, renderApp, startHost } from './render-app';
import { addContact, customerWrites } from './shop-fixtures';

/**
 * Every kind of message content shown in the real app against the real main process (the simulator as
 * the customer), and the owner's reply, reaction and attach actions going through main.
 */

const PHONE = '+31612345678';
const NAME = 'Sanne de Vries';

/** A message as main would have stored it (a webhook's media, an import), appended to the history. */
async function stored(host: InProcessHost, contactId: string, patch: Partial<Message> & { id: string }) {
  const message: Message = {
    contactId,
    direction: 'inbound',
    kind: 'text',
    text: '',
    at: host.clock.now(),
    status: 'received',
    providerId: `wamid.${patch.id}`,
    followUp: false,
    template: null,
    error: null,
    consent: null,
    ...patch,
  };
  await host.app.session().store.appendMessage(message);
  return message;
}

async function seeded() {
  const host = await startHost();
  const sanne = await addContact(host, { name: NAME, phone: PHONE });
  await customerWrites(host, PHONE, T0 - 3 * HOUR, 'Do you have it in red?');
  const at = T0 - 2 * HOUR;
  await stored(host, sanne, {
    id: 'photo1',
    at,
    text: 'This scarf',
    media: { kind: 'image', fileName: null, file: 'media/c/photo1.jpg', mimeType: 'image/jpeg', size: 2000 },
  });
  await stored(host, sanne, {
    id: 'voice1',
    at: at + 1,
    text: 'Voice message',
    media: { kind: 'voice', fileName: null, file: 'media/c/voice1.ogg', mimeType: 'audio/ogg', size: 900 },
  });
  await stored(host, sanne, {
    id: 'doc1',
    at: at + 2,
    media: {
      kind: 'document',
      fileName: 'Invoice 17.pdf',
      file: 'media/c/doc1.pdf',
      mimeType: 'application/pdf',
      size: 250_000,
    },
  });
  await stored(host, sanne, {
    id: 'failed1',
    at: at + 3,
    text: 'Photo',
    media: {
      kind: 'image',
      fileName: null,
      file: null,
      download: {
        state: 'failed',
        attempts: 5,
        error: 'WhatsApp does not know this file.',
        problem: 'not-found',
        nextAttemptAt: null,
      },
    },
  });
  await stored(host, sanne, {
    id: 'loc1',
    at: at + 4,
    text: 'Location',
    location: { latitude: 52.3676, longitude: 4.9041, name: 'The shop', address: 'Damrak 1', url: null },
  });
  await stored(host, sanne, {
    id: 'card1',
    at: at + 5,
    text: 'Contact card',
    contacts: [
      {
        name: 'Piet Jansen',
        phones: [{ phone: '+31687654321', waId: null, type: null }],
        emails: [],
        organization: null,
      },
    ],
  });
  await stored(host, sanne, {
    id: 'choice1',
    at: at + 6,
    kind: 'button',
    text: 'Pick up tomorrow',
    choice: { source: 'button-reply', id: 'pickup', title: 'Pick up tomorrow', description: null },
  });
  await stored(host, sanne, {
    id: 'odd1',
    at: at + 7,
    text: '',
    unsupported: { type: 'poll', detail: null },
  });
  await stored(host, sanne, {
    id: 'reply1',
    at: at + 8,
    text: 'Yes that one',
    replyTo: { messageId: 'photo1', providerId: 'wamid.photo1' },
    reactions: [{ by: 'customer', emoji: '❤️', at: at + 9, messageId: 'r1' }],
  });
  await stored(host, sanne, { id: 'call1', at: at + 10, kind: 'call', text: 'Missed voice call' });
  await host.advanceTo(T0);
  return { host, sanne };
}

describe('message bubbles', () => {
  it('shows each kind as the customer sent it', async () => {
    const { host } = await seeded();
    const { user } = await renderApp(host);
    const log = await openContact(user, NAME);
    const photo = await within(log).findByRole('img', { name: 'Photo: This scarf' });
    expect(photo.getAttribute('src')).toBe('/media/c/photo1.jpg');
    expect(within(log).getByLabelText('Voice message').tagName).toBe('AUDIO');
    expect(within(log).getByText('Invoice 17.pdf')).toBeTruthy();
    expect(within(log).getByText('244 KB')).toBeTruthy();
    expect(within(log).getByRole('button', { name: 'Open' })).toBeTruthy();
    expect(within(log).getByRole('button', { name: 'Save as…' })).toBeTruthy();
    expect(
      within(log).getByText(/could not be downloaded\. WhatsApp does not know this file\./),
    ).toBeTruthy();
    expect(within(log).getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(within(log).getByText('52.37° N, 4.90° E')).toBeTruthy();
    expect(within(log).getByText('Piet Jansen')).toBeTruthy();
    expect(within(log).getByText('Pick up tomorrow').closest('.bubble-choice')?.textContent).toBe(
      'Chose: Pick up tomorrow',
    );
    expect(within(log).getByText('Unsupported message (poll)')).toBeTruthy();
    expect(within(log).getByRole('button', { name: 'Go to the quoted message: This scarf' })).toBeTruthy();
    expect(within(log).getByRole('img', { name: 'Customer reacted ❤️' })).toBeTruthy();
    expect(within(log).getByText('Missed voice call').closest('.call-line')).toBeTruthy();
  });

  it('opens a photo in a viewer that Esc closes, giving the focus back', async () => {
    const { host } = await seeded();
    const { user } = await renderApp(host);
    const log = await openContact(user, NAME);
    const thumbnail = (await within(log).findByRole('img', { name: 'Photo: This scarf' })).closest('button');
    if (!thumbnail) throw new Error('no thumbnail button');
    await user.click(thumbnail);
    const viewer = await screen.findByRole('dialog', { name: 'Photo: This scarf' });
    expect(within(viewer).getByRole('img').getAttribute('src')).toBe('/media/c/photo1.jpg');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(thumbnail);
  });

  it('opens a location only after the owner chose the site and confirmed', async () => {
    const { host } = await seeded();
    const { user } = await renderApp(host);
    const log = await openContact(user, NAME);
    await user.click(await within(log).findByRole('button', { name: 'Open in OpenStreetMap' }));
    const confirm = within(log).getByRole('group', { name: 'Open the location' });
    await user.click(within(confirm).getByRole('button', { name: 'Open' }));
    // No shell in the in-process host: main refuses to open links, and says so.
    expect(await within(log).findByRole('alert')).toBeTruthy();
  });

  it('adds a shared contact after a confirmation', async () => {
    const { host } = await seeded();
    const { user } = await renderApp(host);
    const log = await openContact(user, NAME);
    await user.click(await within(log).findByRole('button', { name: 'Add as contact' }));
    await user.click(within(log).getByRole('button', { name: 'Add' }));
    await within(log).findByText('Added to your contacts.');
    expect((await host.handlers.contacts.list()).map((r) => r.contact.name)).toContain('Piet Jansen');
  });
});

describe('reply, react and attach', () => {
  it('replies with a quote and reacts, through main', async () => {
    const { host, sanne } = await seeded();
    const { user } = await renderApp(host);
    const log = await openContact(user, NAME);
    const question = (await within(log).findByText('Do you have it in red?')).closest('.bubble-row');
    if (!(question instanceof HTMLElement)) throw new Error('no bubble row');
    await user.click(within(question).getByRole('button', { name: 'Reply' }));
    const strip = screen.getByRole('group', { name: 'Replying to' });
    expect(strip.textContent).toContain('Do you have it in red?');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Message' }));
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Yes, in red too.{Enter}');
    // The send goes through main's outbox (written to disk first), then the strip goes.
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Replying to' })).toBeNull());
    const sent = host.simulator.sent.at(-1);
    expect(sent).toMatchObject({
      kind: 'text',
      text: 'Yes, in red too.',
      replyTo: expect.stringMatching(/^sim\./) as unknown,
    });
    expect(
      within(log).getAllByRole('button', { name: /Go to the quoted message: Do you have it in red\?/ }),
    ).toHaveLength(1);

    await user.click(within(question).getByRole('button', { name: 'React' }));
    await user.click(within(question).getByRole('button', { name: 'React 👍' }));
    await within(question).findByRole('img', { name: 'You reacted 👍' });
    expect(host.simulator.sent.at(-1)).toMatchObject({ kind: 'reaction', text: '👍' });
    const history = await host.handlers.conversation.history(sanne, { limit: 50 });
    expect(history.messages.find((m) => m.text === 'Do you have it in red?')?.reactions).toMatchObject([
      { by: 'business', emoji: '👍' },
    ]);
  });

  it('sends a dropped photo with its caption after a preview; refuses a wrong type before any upload', async () => {
    const { host } = await seeded();
    const { user } = await renderApp(host);
    await openContact(user, NAME);
    const form = screen.getByRole('textbox', { name: 'Message' }).closest('form');
    if (!form) throw new Error('no composer');
    const exe = new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' });
    fireEvent.drop(form, { dataTransfer: { files: [exe], types: ['Files'] } });
    expect((await within(form).findByRole('alert')).textContent).toMatch(/cannot be sent/);

    const jpeg = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], 'scarf.jpg', {
      type: 'image/jpeg',
    });
    fireEvent.drop(form, { dataTransfer: { files: [jpeg], types: ['Files'] } });
    const preview = await within(form).findByRole('group', { name: 'File to send: scarf.jpg' });
    expect(within(preview).getByRole('img', { name: 'Preview of scarf.jpg' }).getAttribute('src')).toMatch(
      /^\/media\/.+\.jpg$/,
    );
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Here it is{Enter}');
    await waitFor(() => expect(within(form).queryByRole('group', { name: /File to send/ })).toBeNull());
    expect(host.simulator.sent.at(-1)).toMatchObject({
      kind: 'media',
      text: 'Here it is',
      media: { kind: 'image', mimeType: 'image/jpeg' },
    });
    expect(within(form).queryByRole('group', { name: /File to send/ })).toBeNull();
  });

  it('offers no reply or react once the window closed', async () => {
    const { host } = await seeded();
    await host.advanceTo(T0 + 24 * HOUR);
    const { user } = await renderApp(host);
    const log = await openContact(user, NAME);
    await within(log).findByText('Do you have it in red?');
    expect(within(log).queryByRole('button', { name: 'Reply' })).toBeNull();
    expect(within(log).queryByRole('button', { name: 'React' })).toBeNull();
  });
});
