import { Readable } from 'node:stream';
import type { Message } from '../../main/contract/model';
import type { PreviewHost } from '../../main/platform/preview/host';
import { writeMediaFile } from '../../main/store/media-files';
import { expect, openContact, screenshotPath, test } from './fixtures';

/**
 * An inbound photo, voice note and document shown in the conversation (served by the app's own protocol),
 * a reply that quotes the customer's message, and a reaction on it: in Chromium against the real main
 * process (the preview host's demo, the simulator as WhatsApp).
 */

// A 2×2 red PNG: small enough to inline, real enough for the browser to draw.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);
const OGG = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(200)]);
const PDF = Buffer.from('%PDF-1.4\n% invoice\n');

const NAME = 'Emma de Groot';

function one(bytes: Buffer): AsyncIterable<Uint8Array> {
  return Readable.from([bytes]);
}

/** A media message as a webhook would have left it once its file was downloaded. */
async function receiveMedia(
  host: PreviewHost,
  contactId: string,
  id: string,
  media: Message['media'] & object,
  bytes: Buffer,
  name: string,
  text = '',
) {
  const session = host.app.session();
  const written = await writeMediaFile(session.store.dir, contactId, name, one(bytes), 10_000_000);
  if (!written.ok) throw new Error('could not write the media file');
  const message: Message = {
    id,
    contactId,
    direction: 'inbound',
    kind: 'text',
    text,
    at: host.clock.now(),
    status: 'received',
    providerId: `sim.${id}`,
    followUp: false,
    template: null,
    error: null,
    consent: null,
    media: { ...media, file: written.file, size: bytes.byteLength },
  };
  await session.store.appendMessage(message);
}

test('an inbound photo, voice note and document; a reply with a quote; a reaction', async ({ app, host }) => {
  const rows = await host.app.handlers.contacts.list();
  const emma = rows.find((r) => r.contact.name === NAME)?.contact.id;
  if (!emma) throw new Error(`no demo contact ${NAME}`);
  const question = await host.app.handlers.demo.simulateInbound(emma, 'Is this the scarf you meant?');
  await receiveMedia(
    host,
    emma,
    'e2e-photo',
    { kind: 'image', fileName: null, file: null, mimeType: 'image/png' },
    PNG,
    'e2e-photo.png',
    'The red one',
  );
  await receiveMedia(
    host,
    emma,
    'e2e-voice',
    { kind: 'voice', fileName: null, file: null, mimeType: 'audio/ogg' },
    OGG,
    'e2e-voice.ogg',
    'Voice message',
  );
  await receiveMedia(
    host,
    emma,
    'e2e-doc',
    { kind: 'document', fileName: 'Invoice 17.pdf', file: null, mimeType: 'application/pdf' },
    PDF,
    'e2e-doc.pdf',
  );

  await openContact(app, NAME);
  const log = app.getByRole('log', { name: `Conversation with ${NAME}` });
  const photo = log.getByRole('img', { name: 'Photo: The red one' });
  await expect(photo).toBeVisible();
  // Served by the app's own protocol, and actually drawn (not a broken image).
  await expect
    .poll(() => photo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
    .toBe(2);
  await expect(log.getByLabel('Voice message')).toBeVisible();
  await expect(log.getByText('Invoice 17.pdf')).toBeVisible();
  await expect(log.getByRole('button', { name: 'Save as…' })).toBeVisible();
  await app.screenshot({ path: screenshotPath('media-inbound') });

  await photo.click();
  const viewer = app.getByRole('dialog', { name: 'Photo: The red one' });
  await expect(viewer).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(viewer).toHaveCount(0);

  const asked = log
    .locator('.bubble-row', { hasText: 'Is this the scarf you meant?' })
    // The reply quoting it holds the same words; the question is the first.
    .first();
  await asked.hover();
  await asked.getByRole('button', { name: 'Reply' }).click();
  await expect(app.getByRole('group', { name: 'Replying to' })).toContainText('Is this the scarf you meant?');
  await app.getByRole('textbox', { name: 'Message' }).fill('Yes, that one!');
  await app.keyboard.press('Enter');
  await expect(
    log.getByRole('button', { name: 'Go to the quoted message: Is this the scarf you meant?' }),
  ).toBeVisible();
  expect(host.app.simulator?.sent.at(-1)).toMatchObject({ kind: 'text', replyTo: question.providerId });

  await asked.hover();
  await asked.getByRole('button', { name: 'React' }).click();
  await asked.getByRole('button', { name: 'React 👍' }).click();
  await expect(asked.getByRole('img', { name: 'You reacted 👍' })).toBeVisible();
  expect(host.app.simulator?.sent.at(-1)).toMatchObject({ kind: 'reaction', text: '👍' });
  await app.screenshot({ path: screenshotPath('media-reply-and-reaction') });
});
