import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatExportRequest } from '../../main/contract/chat-import';
import { AppError } from '../../main/contract/errors';
import type { Message } from '../../main/contract/model';
import { HOUR, MINUTE } from '../../main/domain/durations';
import { WorkspaceSession } from '../../main/services/workspace-session';
import { useTempDirs } from '../support/temp-dir';
import { T0 } from './harness';
import { sessionDeps } from './session-kit';

const tempDir = useTempDirs();
const open: WorkspaceSession[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function realSession() {
  const kit = sessionDeps(await tempDir());
  const session = await WorkspaceSession.open('real', kit.deps);
  open.push(session);
  return { session, ...kit };
}

/** Android, day-first, Amsterdam wall-clock times on 20 November 2026 (UTC+1). */
const ANDROID = [
  '20/11/2026, 09:00 - Messages and calls are end-to-end encrypted. Tap to learn more.',
  '20/11/2026, 10:00 - +31 6\u20111234\u20115678: Is the blue one back in stock?',
  '20/11/2026, 10:05 - Bloemenwinkel: Yes, from Thursday.',
  'Shall I keep one?',
  '20/11/2026, 10:06 - +31 6\u20111234\u20115678: Yes please',
  '20/11/2026, 10:06 - Bloemenwinkel: Done 👍',
].join('\n');

const textRequest = (text: string, extra: Partial<ChatExportRequest> = {}): ChatExportRequest => ({
  fileName: 'WhatsApp Chat with +31 6 1234 5678.txt',
  text,
  ...extra,
});

async function everything(session: WorkspaceSession, contactId: string): Promise<Message[]> {
  return (await session.store.history(contactId, { limit: 1000 })).messages;
}

async function refusal(call: Promise<unknown>): Promise<AppError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('importing a chat export', () => {
  it('previews, applies whole, adds nothing the second time, and undo removes exactly the import', async () => {
    const { session, publisher } = await realSession();

    const preview = await session.chatImport.preview(textRequest(ANDROID));
    expect(preview).toMatchObject({
      participants: ['+31 6\u20111234\u20115678', 'Bloemenwinkel'],
      shopParticipant: 'Bloemenwinkel',
      contact: { kind: 'new', name: '+31 6 12345678', phone: '+31612345678' },
      counts: { newMessages: 4, duplicates: 0, fromCustomer: 2, fromShop: 2, notices: 1, mediaFiles: 0 },
      problems: [],
      blocked: null,
    });
    expect(session.store.contacts()).toEqual([]);

    const done = await session.chatImport.apply(preview.previewId);
    expect(done).toMatchObject({ added: 4, duplicates: 0, createdContact: true });
    const stored = await everything(session, done.contactId);
    expect(stored.map((m) => [m.direction, m.text, new Date(m.at).toISOString()])).toEqual([
      ['inbound', 'Is the blue one back in stock?', '2026-11-20T09:00:00.000Z'],
      ['outbound', 'Yes, from Thursday.\nShall I keep one?', '2026-11-20T09:05:00.000Z'],
      ['inbound', 'Yes please', '2026-11-20T09:06:00.000Z'],
      ['outbound', 'Done 👍', '2026-11-20T09:06:00.000Z'],
    ]);
    expect(stored.every((m) => m.imported?.importId === done.importId)).toBe(true);
    // History only: the customer "wrote" four days ago on the phone, but the window never opened.
    expect(session.contacts.row(done.contactId).window.state).toBe('none');
    expect(session.store.activity(done.contactId)).toMatchObject({ lastInboundAt: null, messageCount: 4 });

    const again = await session.chatImport.preview(textRequest(ANDROID));
    expect(again.contact).toMatchObject({ kind: 'matched', contactId: done.contactId });
    expect(again.counts).toMatchObject({ newMessages: 0, duplicates: 4 });
    expect((await session.chatImport.apply(again.previewId)).added).toBe(0);
    expect(await everything(session, done.contactId)).toHaveLength(4);

    const undone = await session.chatImport.undo(done.importId);
    expect(undone).toEqual({ importId: done.importId, removedMessages: 4, removedContact: true });
    expect(session.store.contacts()).toEqual([]);
    expect(publisher.events.some((e) => e.event === 'contacts:removed')).toBe(true);
    expect((await refusal(session.chatImport.undo(done.importId))).code).toBe('not-found');
  });

  it('keeps a contact’s own window and messages when an import into it is undone', async () => {
    const { session, simulator, clock } = await realSession();
    const row = await session.contacts.create({
      name: 'Maria Jansen',
      phone: '+31 6 1234 5678',
      notes: '',
      fields: {},
      optIn: { status: 'opted-in', at: null, source: 'in-store', proof: '' },
    });
    const contactId = row.contact.id;
    const apiAt = T0 - 3 * HOUR;
    await simulator.deliver({
      from: '+31612345678',
      profileName: null,
      text: 'Hi',
      at: apiAt,
      providerId: 'w1',
    });
    clock.advance(MINUTE);
    const before = session.contacts.row(contactId).window;
    expect(before.state).toBe('open');

    // The phone's chat goes on after the API message: it must not restart the window.
    const later = new Date(apiAt + HOUR).toLocaleString('en-GB', { timeZone: 'Europe/Amsterdam' });
    const [date = '', time = ''] = later.split(', ');
    const text = `20/11/2026, 10:00 - Maria Jansen: older\n${date}, ${time.slice(0, 5)} - Maria Jansen: newer\n${date}, ${time.slice(0, 5)} - Me: ok`;
    const preview = await session.chatImport.preview(textRequest(text, { shopParticipant: 'Me' }));
    expect(preview.contact).toMatchObject({ kind: 'matched', contactId });
    const done = await session.chatImport.apply(preview.previewId);
    expect(done.added).toBe(3);
    expect(session.contacts.row(contactId).window).toEqual(before);

    // Placed by time: the older import comes before the API message, the newer after it; paging holds.
    const page = await session.store.history(contactId, { limit: 2 });
    expect(page.messages.map((m) => m.text)).toEqual(['newer', 'ok']);
    const first = page.messages[0];
    const older = await session.store.history(contactId, {
      limit: 5,
      before: first?.at ?? 0,
      beforeId: first?.id ?? '',
    });
    expect(older.messages.map((m) => m.text)).toEqual(['older', 'Hi']);

    expect(await session.chatImport.undo(done.importId)).toMatchObject({
      removedMessages: 3,
      removedContact: false,
    });
    expect((await everything(session, contactId)).map((m) => m.text)).toEqual(['Hi']);
    expect(session.contacts.row(contactId).window).toEqual(before);
  });

  it('copies the media of a .zip into the contact’s media folder, and undo removes them', async () => {
    const { session } = await realSession();
    const photo = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
    const chat = [
      '[20/11/2026, 10:00:00] Maria Jansen: \u200eMessages and calls are end-to-end encrypted.',
      '[20/11/2026, 10:01:00] Maria Jansen: \u200e<attached: 00000012-PHOTO-2026-11-20-10-01-00.jpg>',
      '[20/11/2026, 10:02:00] Bloemenwinkel: Nice!',
    ].join('\r\n');
    const zip = zipSync({
      '_chat.txt': strToU8(`\ufeff${chat}`),
      '00000012-PHOTO-2026-11-20-10-01-00.jpg': photo,
    });
    const withoutNumber: ChatExportRequest = {
      fileName: 'WhatsApp Chat - Maria Jansen.zip',
      bytesBase64: Buffer.from(zip).toString('base64'),
      shopParticipant: 'Bloemenwinkel',
    };
    const request: ChatExportRequest = { ...withoutNumber, phone: '06 1234 5678' };
    const needsNumber = await session.chatImport.preview(withoutNumber);
    expect(needsNumber.contact).toEqual({ kind: 'needs-phone', name: 'Maria Jansen' });
    expect((await refusal(session.chatImport.apply(needsNumber.previewId))).message).toMatch(
      /WhatsApp number/,
    );

    const preview = await session.chatImport.preview(request);
    expect(preview.counts).toMatchObject({ newMessages: 2, mediaFiles: 1, notices: 1 });
    const done = await session.chatImport.apply(preview.previewId);
    const [withPhoto] = await everything(session, done.contactId);
    expect(withPhoto?.media).toMatchObject({
      kind: 'image',
      fileName: '00000012-PHOTO-2026-11-20-10-01-00.jpg',
    });
    const file = path.join(session.store.dir, withPhoto?.media?.file ?? 'missing');
    expect(new Uint8Array(await readFile(file))).toEqual(photo);

    await session.chatImport.undo(done.importId);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('asks before applying when the dates, the shop or the chat cannot be decided', async () => {
    const { session } = await realSession();
    const ambiguous = '01/02/2026, 10:00 - Ann: a\n01/02/2026, 10:01 - Bob: b';
    const asked = await session.chatImport.preview(textRequest(ambiguous));
    expect(asked.blocked).toBe('Choose which of the two is you (the shop).');
    const dates = await session.chatImport.preview(
      textRequest(ambiguous, { shopParticipant: 'Bob', phone: '0612345678' }),
    );
    expect(dates.dateOrder).toMatchObject({
      ambiguous: true,
      readings: [{ order: 'DMY' }, { order: 'MDY' }],
    });
    expect(dates.blocked).toMatch(/how the dates/);
    const chosen = await session.chatImport.preview(
      textRequest(ambiguous, { shopParticipant: 'Bob', phone: '0612345678', dateOrder: 'MDY' }),
    );
    expect(chosen.blocked).toBeNull();
    expect(new Date(chosen.firstAt ?? 0).toISOString()).toBe('2026-01-02T09:00:00.000Z');

    const group = await session.chatImport.preview(
      textRequest('01/02/2026, 10:00 - Ann: a\n01/02/2026, 10:01 - Bob: b\n13/02/2026, 10:01 - Cy: c'),
    );
    expect(group.blocked).toMatch(/group chat/);
  });
});
