import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { WebhookReceiver } from '../../../main/platform/node/webhook-receiver';
import { signPayload } from '../../../main/providers/cloud-api/webhook-signature';
import { InboxJournal, type InboxEntry } from '../../../main/store/inbox-journal';
import { FakeClock } from '../../support/fake-clock';
import { silentLog } from '../../support/recorders';
import { useTempDirs } from '../../support/temp-dir';
import { getWebhook, postWebhook } from '../../support/webhook-client';
import { textMessage } from '../../support/webhook-fixtures';

const SECRET = 'app-secret-for-tests';
const VERIFY = 'verify-token-123';
const tempDir = useTempDirs();
const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function setUp(options: { maxConcurrent?: number } = {}) {
  const dir = await tempDir();
  const journal = await InboxJournal.open(dir);
  const clock = new FakeClock(Date.parse('2026-11-24T14:20:00Z'));
  const handed: InboxEntry[] = [];
  const receiver = await WebhookReceiver.start({
    port: 0,
    appSecret: () => SECRET,
    verifyToken: () => VERIFY,
    journal,
    clock,
    onPayload: (entry) => handed.push(entry),
    log: silentLog,
    ...options,
  });
  receivers.push(receiver);
  /** What a fresh start would find in the journal: the proof of what is on disk. */
  const stored = async () => (await InboxJournal.open(dir)).unprocessed().map((e) => e.body);
  return { dir, journal, clock, handed, receiver, stored };
}

const body = JSON.stringify(textMessage('wamid.A', 'Hoi'));

describe('POST', () => {
  it('stores a correctly signed payload before answering 200, byte for byte, and hands it on', async () => {
    const { receiver, handed, stored, clock } = await setUp();

    const answer = await postWebhook(receiver.url, body, { secret: SECRET });

    expect(answer.status).toBe(200);
    expect(await stored()).toEqual([body]);
    expect(handed.map((e) => [e.seq, e.body])).toEqual([[1, body]]);
    expect(receiver.lastReceivedAt).toBe(clock.now());
  });

  it('refuses a wrong signature with 401 and stores nothing', async () => {
    const { receiver, handed, stored } = await setUp();

    const answer = await postWebhook(receiver.url, body, { secret: 'another-apps-secret' });

    expect(answer.status).toBe(401);
    expect(await stored()).toEqual([]);
    expect(handed).toEqual([]);
    expect(receiver.lastReceivedAt).toBeNull();
  });

  it.each([
    ['missing', null],
    ['without its sha256= prefix', signPayload(body, SECRET).slice('sha256='.length)],
    ['truncated', signPayload(body, SECRET).slice(0, -2)],
    ['sha1', 'sha1=0000'],
  ])('refuses a signature that is %s', async (_what, signature) => {
    const { receiver, stored } = await setUp();

    expect((await postWebhook(receiver.url, body, { signature })).status).toBe(401);
    expect(await stored()).toEqual([]);
  });

  it('checks the raw bytes: a signature over re-serialised JSON fails (escaped emoji, odd spacing)', async () => {
    const { receiver, stored } = await setUp();
    // As Meta sends it: non-ASCII escaped, its own spacing. JSON.stringify(JSON.parse(raw)) differs.
    const raw =
      '{"object": "whatsapp_business_account", "entry":[{"id":"1","changes":[{"field":"messages","value":' +
      '{"messages":[{"from":"31612345678","id":"wamid.E","timestamp":"1764000000","type":"text",' +
      '"text":{"body":"Hoi \\ud83c\\udf37 \u00e9\u00e9n"}}]}}]}]}';
    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(reserialised).not.toBe(raw);

    const wrong = await postWebhook(receiver.url, raw, { signature: signPayload(reserialised, SECRET) });
    expect(wrong.status).toBe(401);
    expect(await stored()).toEqual([]);

    const right = await postWebhook(receiver.url, raw, { secret: SECRET });
    expect(right.status).toBe(200);
    expect(await stored()).toEqual([raw]);
  });

  it('refuses a 10 MB body with 413 and stores nothing', async () => {
    const { receiver, stored, handed } = await setUp();
    const huge = JSON.stringify({ object: 'whatsapp_business_account', pad: 'x'.repeat(10 * 1024 * 1024) });

    const answer = await postWebhook(receiver.url, huge, { secret: SECRET });

    expect(answer.status).toBe(413);
    expect(await stored()).toEqual([]);
    expect(handed).toEqual([]);
  });

  it('refuses a correctly signed body that is not JSON with 400 and stores nothing', async () => {
    const { receiver, stored } = await setUp();

    const answer = await postWebhook(receiver.url, '{"object": "whatsapp_business_account",', {
      secret: SECRET,
    });

    expect(answer.status).toBe(400);
    expect(await stored()).toEqual([]);
  });

  it('stores each of a burst of 1,000 webhooks exactly once, with bounded concurrency', async () => {
    const { receiver, dir, handed } = await setUp({ maxConcurrent: 8 });
    const bodies = Array.from({ length: 1000 }, (_, i) =>
      JSON.stringify(textMessage(`wamid.${i}`, `message ${i}`)),
    );
    let busy = 0;
    let next = 0;
    // 40 senders at once, like the platform's parallel deliveries; a 503 is retried, as the platform does.
    const sender = async (): Promise<void> => {
      while (next < bodies.length) {
        const item = bodies[next++] ?? '';
        for (let attempt = 0; attempt < 1000; attempt++) {
          const { status } = await postWebhook(receiver.url, item, { secret: SECRET });
          if (status === 200) break;
          expect(status).toBe(503);
          busy++;
        }
      }
    };
    await Promise.all(Array.from({ length: 40 }, sender));

    const lines = (await readFile(`${dir}/inbox-journal.jsonl`, 'utf8')).trim().split('\n');
    const storedBodies = lines.map((line) => (JSON.parse(line) as { body: string }).body);
    expect(storedBodies).toHaveLength(1000);
    expect(new Set(storedBodies)).toEqual(new Set(bodies));
    expect(new Set(handed.map((e) => e.seq)).size).toBe(1000);
    expect(busy).toBeGreaterThan(0);
  }, 120_000);
});

describe('GET verification', () => {
  it('answers the challenge as text when the verify token matches', async () => {
    const { receiver } = await setUp();

    const answer = await getWebhook(receiver.url, {
      'hub.mode': 'subscribe',
      'hub.verify_token': VERIFY,
      'hub.challenge': '1158201444',
    });

    expect(answer).toEqual({ status: 200, text: '1158201444' });
  });

  it.each([
    ['a wrong token', { 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1' }],
    ['a wrong mode', { 'hub.mode': 'unsubscribe', 'hub.verify_token': VERIFY, 'hub.challenge': '1' }],
    ['no challenge', { 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY }],
    ['no token', { 'hub.mode': 'subscribe', 'hub.challenge': '1' }],
  ])('refuses %s with 403', async (_what, query) => {
    const { receiver } = await setUp();

    expect((await getWebhook(receiver.url, query)).status).toBe(403);
  });
});
