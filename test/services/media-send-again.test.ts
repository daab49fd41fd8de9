import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../main/contract/model';
import type { WorkspaceSession } from '../../main/services/workspace-session';
import { HOUR } from './outbox-kit';
import { drop, JPEG, PDF, refusal, requestsTo, useMediaRig } from './media-send-kit';

/**
 * "Send again" under a photo, video, audio or document WhatsApp refused: the file the failed message kept
 * in the contact's media folder goes out once more as a new message, through the same checks as the first
 * send, over real HTTP to the fake Graph API.
 */

const { graph, rig } = useMediaRig();

/** WhatsApp refuses the next send once (re-engagement required), then accepts every one. */
function refuseOnceThenAccept(): void {
  graph.api.answerSend(
    { kind: 'error', error: 'window-closed' },
    {
      kind: 'json',
      body: { messaging_product: 'whatsapp', contacts: [], messages: [{ id: 'wamid.AGAIN' }] },
    },
  );
}

/** Sends `fileName` with `caption`; WhatsApp refuses it; resolves with the failed message as stored. */
async function failedSend(
  session: WorkspaceSession,
  contactId: string,
  fileName: string,
  bytes: Buffer,
  caption: string,
  replyToId: string | null = null,
): Promise<Message> {
  const attachment = await drop(session, contactId, fileName, bytes);
  refuseOnceThenAccept();
  const error = await refusal(
    session.sends.rich.sendMedia(contactId, { attachmentId: attachment.id, caption, replyToId }),
  );
  expect(error.code).toBe('send-failed');
  const failed = (await session.conversation.history(contactId, { limit: 10 })).messages.find(
    (m) => m.media?.fileName === fileName,
  );
  if (failed?.status !== 'failed') throw new Error('the refused send is not stored as failed');
  return failed;
}

describe('Send again under a file that was not sent', () => {
  it('sends the kept photo once more as a new message, with its caption and quote; the failed one stays', async () => {
    const { session, contactId, question } = await rig();
    const failed = await failedSend(session, contactId, 'red scarf.jpg', JPEG, 'This one?', question.id);

    const again = await session.sends.again(contactId, failed.id);

    expect(again.id).not.toBe(failed.id);
    expect(again).toMatchObject({
      status: 'sent',
      providerId: 'wamid.AGAIN',
      text: 'This one?',
      media: { kind: 'image', file: failed.media?.file, mimeType: 'image/jpeg', fileName: 'red scarf.jpg' },
      replyTo: { messageId: question.id, providerId: 'wamid.IN1' },
    });
    // The same bytes are uploaded again (an upload id is not kept across attempts), then sent.
    const uploads = requestsTo(graph.api, '/media');
    expect(uploads).toHaveLength(2);
    expect(uploads[1]?.form?.file?.bytes.equals(JPEG)).toBe(true);
    expect(requestsTo(graph.api, '/messages')[1]?.body).toMatchObject({
      type: 'image',
      image: { caption: 'This one?' },
      context: { message_id: 'wamid.IN1' },
    });
    const history = (await session.conversation.history(contactId, { limit: 10 })).messages;
    expect(history.find((m) => m.id === failed.id)?.status).toBe('failed');
    expect(history.find((m) => m.id === again.id)?.status).toBe('sent');
  });

  it('sends a failed document again with its file name', async () => {
    const { session, contactId } = await rig();
    const failed = await failedSend(session, contactId, 'offer.pdf', PDF, 'Our offer');
    await session.sends.again(contactId, failed.id);
    expect(requestsTo(graph.api, '/messages')[1]?.body).toMatchObject({
      type: 'document',
      document: { caption: 'Our offer', filename: 'offer.pdf' },
    });
  });

  it('is refused when the file is gone, and once the window closed; nothing reaches WhatsApp', async () => {
    const { session, clock, contactId } = await rig();
    const failed = await failedSend(session, contactId, 'scarf.jpg', JPEG, '');
    const before = graph.api.requests.length;

    await rm(path.join(session.store.dir, ...(failed.media?.file ?? '').split('/')));
    const gone = await refusal(session.sends.again(contactId, failed.id));
    expect(gone.message).toMatch(/no longer on this computer/);

    clock.jump(24 * HOUR);
    expect((await refusal(session.sends.again(contactId, failed.id))).code).toBe('window-closed');

    expect(graph.api.requests.length).toBe(before);
    const history = (await session.conversation.history(contactId, { limit: 10 })).messages;
    expect(history.filter((m) => m.direction === 'outbound')).toHaveLength(1);
  });

  it('a failed text is not sent again this way (its words go back to the message box)', async () => {
    const { session, contactId } = await rig();
    graph.api.answerSend({ kind: 'error', error: 'window-closed' });
    const text = await session.conversation.sendText(contactId, 'Still there?').catch(() => null);
    expect(text).toBeNull();
    const [failed] = (await session.conversation.history(contactId, { limit: 10 })).messages.filter(
      (m) => m.direction === 'outbound',
    );
    const error = await refusal(session.sends.again(contactId, failed?.id ?? ''));
    expect(error.message).toMatch(/no longer waiting for your decision/);
  });
});
