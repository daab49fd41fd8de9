import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOUR } from './outbox-kit';
import { drop, JPEG, OGG, PDF, refusal, requestsTo, useMediaRig } from './media-send-kit';

/**
 * Replies, reactions and media sent through the owner's real workspace session and the Cloud API
 * provider, over real HTTP to the fake Graph API: the payloads as the platform documents them, the
 * upload before the message, and every refusal (wrong type, too large, window closed) before any request.
 */

const { graph, tempDir, rig } = useMediaRig();

describe('replies and reactions (Cloud API payloads)', () => {
  it('a reply quotes the message by its wamid in context.message_id and is stored with the quote', async () => {
    const { session, contactId, question } = await rig();
    const sent = await session.conversation.sendText(contactId, 'Yes, in red too.', question.id);
    const [body] = requestsTo(graph.api, '/messages').map((r) => r.body);
    expect(body).toMatchObject({
      type: 'text',
      context: { message_id: 'wamid.IN1' },
      text: { body: 'Yes, in red too.' },
    });
    expect(sent.replyTo).toEqual({ messageId: question.id, providerId: 'wamid.IN1' });
  });

  it('a reaction is type reaction on the wamid, shown on the message, and replaced when changed', async () => {
    const { session, contactId, question } = await rig();
    const first = await session.sends.rich.react(contactId, question.id, '👍');
    expect(first.reactions).toMatchObject([{ by: 'business', emoji: '👍' }]);
    const changed = await session.sends.rich.react(contactId, question.id, '❤️');
    expect(changed.reactions).toMatchObject([{ by: 'business', emoji: '❤️' }]);
    const bodies = requestsTo(graph.api, '/messages').map((r) => r.body);
    expect(bodies[1]).toMatchObject({ type: 'reaction', reaction: { message_id: 'wamid.IN1', emoji: '❤️' } });
    expect(bodies[1]).not.toHaveProperty('context');
  });

  it('refuses a reaction to the business’s own message and anything but one emoji', async () => {
    const { session, contactId, question } = await rig();
    const own = await session.conversation.sendText(contactId, 'Hello');
    expect((await refusal(session.sends.rich.react(contactId, own.id, '👍'))).message).toMatch(
      /customer sent/,
    );
    expect((await refusal(session.sends.rich.react(contactId, question.id, 'ok'))).message).toMatch(
      /one emoji/,
    );
  });
});

describe('sending media', () => {
  it('uploads a dropped photo as multipart, then sends it by the returned id with its caption, as a reply', async () => {
    const { session, contactId, question } = await rig();
    const photo = await drop(session, contactId, 'red scarf.jpg', JPEG);
    expect(photo).toMatchObject({ kind: 'image', mimeType: 'image/jpeg', size: JPEG.byteLength });
    expect(photo.previewUrl).toMatch(/^\/media\/.+\.jpg$/);
    const sent = await session.sends.rich.sendMedia(contactId, {
      attachmentId: photo.id,
      caption: 'This one?',
      replyToId: question.id,
    });
    const [upload] = requestsTo(graph.api, '/media');
    expect(upload?.form?.fields).toEqual({ messaging_product: 'whatsapp', type: 'image/jpeg' });
    expect(upload?.form?.file?.bytes.equals(JPEG)).toBe(true);
    expect(upload?.form?.file?.type).toBe('image/jpeg');
    const [message] = requestsTo(graph.api, '/messages');
    expect(message?.body).toMatchObject({
      type: 'image',
      image: { id: 'media.upload.1', caption: 'This one?' },
      context: { message_id: 'wamid.IN1' },
    });
    expect(sent).toMatchObject({
      status: 'sent',
      text: 'This one?',
      media: { kind: 'image', file: expect.stringMatching(/^media\//) as unknown },
    });
  });

  it('sends a document picked in the main process’s dialog with its file name', async () => {
    const source = path.join(await tempDir(), 'offer.pdf');
    await writeFile(source, PDF);
    const { session, contactId } = await rig(source);
    const picked = await session.sends.attachments.pick(contactId);
    if (!picked) throw new Error('nothing picked');
    await session.sends.rich.sendMedia(contactId, {
      attachmentId: picked.id,
      caption: 'Our offer',
      replyToId: null,
    });
    expect(requestsTo(graph.api, '/media')[0]?.form?.fields.type).toBe('application/pdf');
    expect(requestsTo(graph.api, '/messages')[0]?.body).toMatchObject({
      type: 'document',
      document: { id: 'media.upload.1', caption: 'Our offer', filename: 'offer.pdf' },
    });
  });

  it('sends audio without a caption (the platform takes none)', async () => {
    const { session, contactId } = await rig();
    const audio = await drop(session, contactId, 'note.ogg', OGG);
    await session.sends.rich.sendMedia(contactId, {
      attachmentId: audio.id,
      caption: 'ignored',
      replyToId: null,
    });
    const body = requestsTo(graph.api, '/messages')[0]?.body;
    expect(body).toMatchObject({ type: 'audio', audio: { id: 'media.upload.1' } });
    expect(JSON.stringify(body)).not.toContain('caption');
  });

  it('refuses a file too large or of the wrong type before anything is uploaded', async () => {
    const { session, contactId } = await rig();
    const tooLarge = await refusal(() =>
      session.sends.attachments.begin(contactId, {
        fileName: 'big.jpg',
        mimeType: 'image/jpeg',
        size: 5 * 1024 * 1024 + 1,
      }),
    );
    expect(tooLarge.message).toMatch(/up to 5 MB/);
    const wrongType = await refusal(() =>
      session.sends.attachments.begin(contactId, { fileName: 'setup.exe', mimeType: '', size: 10 }),
    );
    expect(wrongType.message).toMatch(/cannot be sent/);
    // A name that lies about the bytes is found once they are in.
    const renamed = await refusal(drop(session, contactId, 'photo.png', Buffer.from('MZ not a png at all')));
    expect(renamed.message).toMatch(/not the kind of file/);
    expect(requestsTo(graph.api, '/media')).toHaveLength(0);
    expect(requestsTo(graph.api, '/messages')).toHaveLength(0);
  });

  it('refuses more bytes than announced', async () => {
    const { session, contactId } = await rig();
    const started = session.sends.attachments.begin(contactId, { fileName: 'a.jpg', mimeType: '', size: 10 });
    const error = await refusal(
      session.sends.attachments.chunk({ attachmentId: started.id, offset: 0, data: JPEG.toString('base64') }),
    );
    expect(error.message).toMatch(/did not arrive whole/);
  });
});

describe('after the window closed', () => {
  it('the main process refuses a reply, a reaction, a file and a media send, and nothing reaches the platform', async () => {
    const { session, clock, contactId, question } = await rig();
    const photo = await drop(session, contactId, 'scarf.jpg', JPEG);
    clock.jump(24 * HOUR);
    const codes = await Promise.all([
      refusal(session.conversation.sendText(contactId, 'Still there?', question.id)),
      refusal(session.sends.rich.react(contactId, question.id, '👍')),
      refusal(
        session.sends.rich.sendMedia(contactId, { attachmentId: photo.id, caption: '', replyToId: null }),
      ),
      refusal(() =>
        session.sends.attachments.begin(contactId, { fileName: 'b.jpg', mimeType: '', size: 10 }),
      ),
    ]);
    expect(codes.map((e) => e.code)).toEqual([
      'window-closed',
      'window-closed',
      'window-closed',
      'window-closed',
    ]);
    expect(requestsTo(graph.api, '/media')).toHaveLength(0);
    expect(requestsTo(graph.api, '/messages')).toHaveLength(0);
  });
});
