import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../main/contract/model';
import { MEDIA_RETRY_DELAYS } from '../../main/domain/media-rules';
import { CloudApiProvider } from '../../main/providers/cloud-api/cloud-api-provider';
import { silentNotifier } from '../../main/services/notifier';
import { WorkspaceSession } from '../../main/services/workspace-session';
import { RecordingMediaShell } from '../../main/platform/preview/recording-media-shell';
import { FakeClock } from '../support/fake-clock';
import { FakeGraphApi } from '../support/fake-graph-api';
import { silentLog } from '../support/recorders';
import { useCleanup, useTempDirs } from '../support/temp-dir';
import { settingsFor } from '../support/use-fake-graph';
import { CUSTOMER, inbound, textMessage } from '../support/webhook-fixtures';
import { T0 } from './harness';
import { openSession } from './outbox-kit';

/**
 * Inbound media, reactions and quotes through the owner's real workspace session: webhooks handed to the
 * Cloud API provider, media fetched over HTTP from the fake Graph API on 127.0.0.1 into real files, a
 * fake clock driving the retries.
 */

const tempDir = useTempDirs();
const cleanup = useCleanup();
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 2000 }, (_, i) => i % 251)]);
const seconds = String(Math.floor(T0 / 1000));

async function rig() {
  const graph = await FakeGraphApi.start();
  cleanup.push(() => graph.stop());
  const provider = new CloudApiProvider(() => settingsFor(graph), silentLog);
  const clock = new FakeClock(T0);
  const shell = new RecordingMediaShell();
  const { session, publisher } = await openSession(await tempDir(), provider, clock, {
    mediaSource: provider,
    mediaShell: shell,
  });
  cleanup.push(async () => {
    provider.close();
    await session.close();
  });
  const deliver = async (payload: unknown) => {
    await provider.deliver(JSON.stringify(payload));
    await session.media.downloads.idle();
  };
  const contactId = () => session.store.contactByPhone(`+${CUSTOMER.waId}`)?.id ?? 'none';
  const history = async () => (await session.conversation.history(contactId(), { limit: 100 })).messages;
  const byProvider = async (id: string): Promise<Message> => {
    const found = (await history()).find((m) => m.providerId === id);
    if (!found) throw new Error(`no message ${id}`);
    return found;
  };
  const mediaDir = () => path.join(session.store.dir, 'media');
  const filesIn = (dir: string): string[] =>
    existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }) : [];
  return {
    graph,
    clock,
    publisher,
    shell,
    session,
    deliver,
    contactId,
    history,
    byProvider,
    mediaDir,
    filesIn,
  };
}

const photo = (id: string, mediaId: string, caption?: string) =>
  inbound(
    id,
    'image',
    { image: { id: mediaId, mime_type: 'image/jpeg', ...(caption ? { caption } : {}) } },
    seconds,
  );

describe('inbound media', { timeout: 20_000 }, () => {
  it('stores the message first (pending), then downloads the photo into the media folder', async () => {
    const r = await rig();
    r.graph.media.add('M1', { mimeType: 'image/jpeg', bytes: JPEG });
    await r.deliver(photo('wamid.P1', 'M1', 'This one?'));

    const pushed = r.publisher.events.filter((e) => e.event === 'conversation:message');
    const first = pushed[0]?.payload as { message: Message } | undefined;
    expect(first?.message.media?.download?.state).toBe('pending');
    const message = await r.byProvider('wamid.P1');
    expect(message.text).toBe('This one?');
    expect(message.media).toMatchObject({
      kind: 'image',
      mimeType: 'image/jpeg',
      size: JPEG.byteLength,
      providerMediaId: 'M1',
      download: { state: 'done', attempts: 1, error: null },
    });
    const file = path.join(r.session.store.dir, message.media?.file ?? 'missing');
    expect(message.media?.file).toMatch(/^media\/[^/]+\/[^/]+\.jpg$/);
    expect(new Uint8Array(readFileSync(file))).toEqual(JPEG);
    // The token went with both requests: the metadata and the bytes.
    const mediaRequests = r.graph.requests.filter(
      (q) => q.route === '/M1' || q.path.startsWith('/media-bytes/'),
    );
    expect(mediaRequests).toHaveLength(2);
    for (const q of mediaRequests) expect(q.headers.authorization).toBe(`Bearer ${r.graph.token}`);
  });

  it('refuses a file the platform reports too large without downloading a byte; the message stays', async () => {
    const r = await rig();
    r.graph.media.add('BIG', { mimeType: 'image/jpeg', bytes: JPEG, reportedSize: 5 * 1024 * 1024 + 1 });
    await r.deliver(photo('wamid.P2', 'BIG'));
    const message = await r.byProvider('wamid.P2');
    expect(message.media?.download).toMatchObject({
      state: 'failed',
      problem: 'too-large',
      nextAttemptAt: null,
    });
    expect(message.media?.download?.error).toMatch(/larger than WhatsApp allows .*5 MB/);
    expect(r.graph.media.downloads.get('BIG') ?? 0).toBe(0);
    // Not tried again by itself: a too-large file stays too large.
    const metadataLookups = r.graph.requests.filter((q) => q.route === '/BIG').length;
    r.clock.advance(24 * 3600 * 1000);
    await r.session.media.downloads.idle();
    expect(r.graph.requests.filter((q) => q.route === '/BIG')).toHaveLength(metadataLookups);
  });

  it('stops a download whose bytes exceed the limit, whatever the size reported, and leaves no file', async () => {
    const r = await rig();
    const bytes = new Uint8Array(5 * 1024 * 1024 + 10);
    r.graph.media.add('LIAR', { mimeType: 'image/jpeg', bytes, reportedSize: 1000 });
    await r.deliver(photo('wamid.P3', 'LIAR'));
    const message = await r.byProvider('wamid.P3');
    expect(message.media?.download).toMatchObject({ state: 'failed', problem: 'too-large' });
    expect(message.media?.file).toBeNull();
    expect(r.filesIn(r.mediaDir()).filter((f) => f.endsWith('.jpg') || f.endsWith('.part'))).toEqual([]);
  });

  it('refuses a type the platform does not allow for the kind', async () => {
    const r = await rig();
    r.graph.media.add('EXE', { mimeType: 'application/x-msdownload', bytes: JPEG });
    await r.deliver(
      inbound(
        'wamid.D1',
        'document',
        { document: { id: 'EXE', filename: 'invoice.pdf.exe', mime_type: 'application/pdf' } },
        seconds,
      ),
    );
    const message = await r.byProvider('wamid.D1');
    expect(message.media?.download).toMatchObject({ state: 'failed', problem: 'wrong-type' });
    expect(r.graph.media.downloads.get('EXE') ?? 0).toBe(0);
  });

  it('retries a dropped connection with growing waits, then fails with the message kept; "Try again" works', async () => {
    const r = await rig();
    const attempts = MEDIA_RETRY_DELAYS.length + 1;
    r.graph.media.add('FLAKY', { mimeType: 'image/jpeg', bytes: JPEG, dropMidBody: attempts });
    await r.deliver(photo('wamid.P4', 'FLAKY'));

    let message = await r.byProvider('wamid.P4');
    expect(message.media?.download).toMatchObject({
      state: 'pending',
      attempts: 1,
      problem: 'connection',
      nextAttemptAt: T0 + (MEDIA_RETRY_DELAYS[0] ?? 0),
    });
    expect(message.media?.download?.error).toMatch(/connection dropped/);
    for (const delay of MEDIA_RETRY_DELAYS) {
      r.clock.advance(delay);
      await r.session.media.downloads.idle();
    }
    message = await r.byProvider('wamid.P4');
    expect(message.media?.download).toMatchObject({
      state: 'failed',
      attempts,
      problem: 'connection',
      nextAttemptAt: null,
    });
    expect(r.graph.media.downloads.get('FLAKY')).toBe(attempts);
    r.clock.advance(24 * 3600 * 1000);
    await r.session.media.downloads.idle();
    expect(r.graph.media.downloads.get('FLAKY')).toBe(attempts);
    expect(r.filesIn(r.mediaDir()).filter((f) => f.endsWith('.part'))).toEqual([]);

    const retried = await r.session.media.downloads.retry(r.contactId(), message.id);
    expect(retried.media?.download).toMatchObject({ state: 'done', attempts: attempts + 1 });
    expect(new Uint8Array(readFileSync(path.join(r.session.store.dir, retried.media?.file ?? 'x')))).toEqual(
      JPEG,
    );
  });

  it('fetches a new url when the first one expired', async () => {
    const r = await rig();
    r.graph.media.add('OLD', { mimeType: 'audio/ogg', bytes: JPEG, expiredUrl: 1 });
    await r.deliver(
      inbound(
        'wamid.V1',
        'audio',
        { audio: { id: 'OLD', mime_type: 'audio/ogg; codecs=opus', voice: true } },
        seconds,
      ),
    );
    const message = await r.byProvider('wamid.V1');
    expect(message.media).toMatchObject({ kind: 'voice', download: { state: 'done', attempts: 1 } });
    expect(r.graph.media.downloads.get('OLD')).toBe(2);
  });

  it('keeps a failed download without a connected account, and says how to fix it', async () => {
    const r = await rig();
    await r.session.close();
    const again = await WorkspaceSession.open('real', {
      dataRoot: path.dirname(path.dirname(r.session.store.dir)),
      clock: r.clock,
      scheduler: r.clock,
      publisher: r.publisher,
      provider: new CloudApiProvider(() => settingsFor(r.graph), silentLog),
      log: silentLog,
      ids: () => `n${String(Math.random()).slice(2)}`,
      systemLocale: 'nl-NL',
      notifier: silentNotifier('none'),
    });
    cleanup.push(() => again.close());
    const stored = await again.conversation.receive({
      from: `+${CUSTOMER.waId}`,
      profileName: null,
      at: T0,
      providerId: 'wamid.NA',
      text: '',
      content: {
        media: { kind: 'image', providerMediaId: 'X', mimeType: 'image/jpeg', sha256: null, fileName: null },
      },
    });
    await again.media.downloads.idle();
    const message = await again.store.findMessage(stored?.contactId ?? '', stored?.id ?? '');
    expect(message?.media?.download).toMatchObject({ state: 'failed', problem: 'no-account' });
  });
});

describe('reactions and quotes', { timeout: 20_000 }, () => {
  it('shows a reaction on its message, replaced when changed and removed when emptied', async () => {
    const r = await rig();
    await r.deliver(textMessage('wamid.T1', 'Is it ready?', seconds));
    const target = await r.byProvider('wamid.T1');
    const react = (id: string, emoji: string | null, at: number) =>
      r.deliver(
        inbound(
          'wamid.' + id,
          'reaction',
          { reaction: { message_id: 'wamid.T1', ...(emoji ? { emoji } : {}) } },
          String(Math.floor(T0 / 1000) + at),
        ),
      );

    await react('R1', '👍', 10);
    expect((await r.byProvider('wamid.R1')).reaction).toEqual({
      targetId: target.id,
      targetProviderId: 'wamid.T1',
      emoji: '👍',
    });
    expect((await r.byProvider('wamid.T1')).reactions).toMatchObject([{ by: 'customer', emoji: '👍' }]);

    await react('R2', '❤️', 20);
    expect((await r.byProvider('wamid.T1')).reactions).toMatchObject([{ by: 'customer', emoji: '❤️' }]);

    // An older one delivered late changes nothing.
    await react('R0', '😮', 5);
    expect((await r.byProvider('wamid.T1')).reactions).toMatchObject([{ by: 'customer', emoji: '❤️' }]);

    await react('R3', null, 30);
    expect((await r.byProvider('wamid.T1')).reactions).toBeUndefined();
  });

  it('resolves a quoted message to our id, and keeps an unknown one by its provider id', async () => {
    const r = await rig();
    await r.deliver(textMessage('wamid.Q0', 'Do you have tulips?', seconds));
    const quoted = await r.byProvider('wamid.Q0');
    await r.deliver(
      inbound('wamid.Q1', 'text', { text: { body: 'I mean these' }, context: { id: 'wamid.Q0' } }, seconds),
    );
    await r.deliver(
      inbound('wamid.Q2', 'text', { text: { body: 'and this' }, context: { id: 'wamid.GONE' } }, seconds),
    );
    expect((await r.byProvider('wamid.Q1')).replyTo).toEqual({
      messageId: quoted.id,
      providerId: 'wamid.Q0',
    });
    expect((await r.byProvider('wamid.Q2')).replyTo).toEqual({ messageId: null, providerId: 'wamid.GONE' });
  });

  it('stores location, contacts, choices and unsupported types with their content', async () => {
    const r = await rig();
    await r.deliver(
      inbound(
        'wamid.L',
        'location',
        { location: { latitude: 52.3731, longitude: 4.8922, name: 'Dam' } },
        seconds,
      ),
    );
    await r.deliver(inbound('wamid.U', 'poll_of_the_future', {}, seconds));
    const location = await r.byProvider('wamid.L');
    expect(location.location).toMatchObject({ latitude: 52.3731, longitude: 4.8922, name: 'Dam' });
    expect((await r.byProvider('wamid.U')).unsupported).toEqual({ type: 'poll_of_the_future', detail: null });

    await r.session.media.actions.openLocation(r.contactId(), location.id, 'openstreetmap');
    expect(r.shell.links).toEqual([
      'https://www.openstreetmap.org/?mlat=52.373100&mlon=4.892200#map=17/52.373100/4.892200',
    ]);
    await expect(
      r.session.media.actions.openLocation(r.contactId(), location.id, 'place'),
    ).rejects.toMatchObject({ code: 'not-found' });
  });
});
