import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../main/contract/model';
import { MEDIA_RETRY_DELAYS } from '../../main/domain/media-rules';
import { CloudApiProvider } from '../../main/providers/cloud-api/cloud-api-provider';
import { FakeClock } from '../support/fake-clock';
import { FakeGraphApi } from '../support/fake-graph-api';
import { silentLog } from '../support/recorders';
import { useCleanup, useTempDirs } from '../support/temp-dir';
import { settingsFor } from '../support/use-fake-graph';
import { CUSTOMER, inbound } from '../support/webhook-fixtures';
import { T0 } from './harness';
import { openSession } from './outbox-kit';

/**
 * Downloads the app quit on are resumed at the next start: real sessions on one data folder, closed and
 * opened again as a restart does, with the media fetched from the fake Graph API on 127.0.0.1.
 */

const tempDir = useTempDirs();
const cleanup = useCleanup();
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 3000 }, (_, i) => i % 253)]);
const HOUR = 3_600_000;

const photo = (id: string, mediaId: string) =>
  inbound(id, 'image', { image: { id: mediaId, mime_type: 'image/jpeg' } }, String(Math.floor(T0 / 1000)));

async function rig() {
  const graph = await FakeGraphApi.start();
  cleanup.push(() => graph.stop());
  const dataRoot = await tempDir();
  const clock = new FakeClock(T0);
  /** Starts the app on the data folder, with the account connected or not (a token not entered again). */
  const start = async (connected = true) => {
    const provider = new CloudApiProvider(() => settingsFor(graph), silentLog);
    const { session } = await openSession(
      dataRoot,
      provider,
      clock,
      connected ? { mediaSource: provider } : {},
    );
    let closed = false;
    const stop = async () => {
      if (closed) return;
      closed = true;
      provider.close();
      await session.close();
    };
    cleanup.push(stop);
    const contactId = () => session.store.contactByPhone(`+${CUSTOMER.waId}`)?.id ?? 'none';
    const message = async (providerId: string): Promise<Message> => {
      const { messages } = await session.conversation.history(contactId(), { limit: 50 });
      const found = messages.find((m) => m.providerId === providerId);
      if (!found) throw new Error(`no message ${providerId}`);
      return found;
    };
    const pendingFile = () =>
      JSON.parse(readFileSync(path.join(session.store.dir, 'pending-downloads.json'), 'utf8')) as {
        pending: { messageId: string }[];
      };
    return { provider, session, stop, message, pendingFile };
  };
  return { graph, clock, start };
}

describe('media downloads across a restart', { timeout: 20_000 }, () => {
  it('resumes a download that was waiting for a retry when the app quit, once an account is connected', async () => {
    const r = await rig();
    r.graph.media.add('M1', { mimeType: 'image/jpeg', bytes: JPEG, dropMidBody: 1 });
    const first = await r.start();
    await first.provider.deliver(JSON.stringify(photo('wamid.R1', 'M1')));
    await first.session.media.downloads.idle();
    const waiting = await first.message('wamid.R1');
    expect(waiting.media?.download).toMatchObject({
      state: 'pending',
      attempts: 1,
      nextAttemptAt: T0 + (MEDIA_RETRY_DELAYS[0] ?? 0),
    });
    expect(first.pendingFile().pending.map((p) => p.messageId)).toEqual([waiting.id]);
    await first.stop();

    // The app was closed past the retry's moment; started again without the token entered yet: the
    // download waits for an account instead of failing for the lack of one.
    r.clock.advance(HOUR);
    const unconnected = await r.start(false);
    await unconnected.session.media.downloads.idle();
    expect((await unconnected.message('wamid.R1')).media?.download?.state).toBe('pending');
    expect(unconnected.pendingFile().pending).toHaveLength(1);
    expect(r.graph.media.downloads.get('M1')).toBe(1);
    await unconnected.stop();

    const again = await r.start();
    await again.session.media.downloads.idle();
    const done = await again.message('wamid.R1');
    expect(done.media?.download).toMatchObject({ state: 'done', attempts: 2, error: null });
    expect(new Uint8Array(readFileSync(path.join(again.session.store.dir, done.media?.file ?? 'x')))).toEqual(
      JPEG,
    );
    expect(again.pendingFile().pending).toEqual([]);
    expect(r.graph.media.downloads.get('M1')).toBe(2);
  });

  it('resumes a download that was under way when the app quit, and not one that already ended', async () => {
    const r = await rig();
    r.graph.media.add('M2', { mimeType: 'image/jpeg', bytes: JPEG });
    r.graph.media.add('M3', { mimeType: 'image/jpeg', bytes: JPEG });
    const first = await r.start();
    await first.provider.deliver(JSON.stringify(photo('wamid.R3', 'M3')));
    await first.session.media.downloads.idle();
    expect((await first.message('wamid.R3')).media?.download?.state).toBe('done');
    // The platform keeps the bytes of M2 waiting: the app quits with the download under way.
    r.graph.answer('GET', /^\/media-bytes\/M2$/, { kind: 'hold' });
    const before = r.graph.requests.length;
    await first.provider.deliver(JSON.stringify(photo('wamid.R2', 'M2')));
    await r.graph.waitForRequests(before + 2);
    expect(r.graph.heldCount).toBe(1);
    const stopping = first.stop();
    r.graph.release({ kind: 'drop' });
    await stopping;
    const left = await (async () => {
      const reopened = await r.start(false);
      const message = await reopened.message('wamid.R2');
      await reopened.stop();
      return message;
    })();
    expect(left.media?.download?.state).toBe('pending');

    // The platform answers again: the bytes come whole.
    r.graph.answer('GET', /^\/media-bytes\/M2$/, {
      kind: 'bytes',
      type: 'image/jpeg',
      body: JPEG,
      dropHalfway: false,
    });
    r.clock.advance(HOUR);
    const again = await r.start();
    await again.session.media.downloads.idle();
    expect((await again.message('wamid.R2')).media?.download).toMatchObject({ state: 'done', error: null });
    expect(again.pendingFile().pending).toEqual([]);
    // Only the one left pending was fetched again.
    expect(r.graph.media.downloads.get('M3')).toBe(1);
  });
});
