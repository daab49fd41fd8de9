import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CareWindow } from '../../main/compose';
import { AccountStatus } from '../../main/contract/account';
import { fileLogger, type FileLogger } from '../../main/platform/node/file-logger';
import { MemorySecrets } from '../../main/platform/preview/memory-secrets';
import { FakeGraphApi } from '../support/fake-graph-api';
import { WaitingPublisher } from '../support/recorders';
import { useCleanup, useTempDirs } from '../support/temp-dir';
import { getWebhook, postWebhook } from '../support/webhook-client';
import { textMessage } from '../support/webhook-fixtures';
import { accountCredentials, APP_SECRET, startOnFakeGraph } from './session-kit';

const START = Date.parse('2026-11-24T14:20:00Z');
const tempDir = useTempDirs();
const cleanup = useCleanup();

interface Rig {
  app: CareWindow;
  graph: FakeGraphApi;
  secrets: MemorySecrets;
  publisher: WaitingPublisher;
  log: FileLogger;
  logDir: string;
  root: string;
  /** Closes the app and its log (once; the cleanup calls it too). */
  stop: () => Promise<void>;
}

async function start(
  options: { root?: string; secrets?: MemorySecrets | null; graph?: FakeGraphApi; openReal?: boolean } = {},
): Promise<Rig> {
  const root = options.root ?? (await tempDir());
  const graph = options.graph ?? (await FakeGraphApi.start());
  const logDir = join(root, 'logs');
  const log = fileLogger(logDir, false);
  const publisher = new WaitingPublisher();
  const secrets = options.secrets === undefined ? new MemorySecrets() : options.secrets;
  const app = await startOnFakeGraph({ dataRoot: root, graph, start: START, publisher, log, secrets });
  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      await app.close();
      await log.close();
    })());
  cleanup.push(stop);
  if (!options.graph) cleanup.push(() => graph.stop());
  if (options.openReal !== false) await app.handlers.workspace.startReal();
  return { app, graph, secrets: secrets ?? new MemorySecrets(), publisher, log, logDir, root, stop };
}

async function logText(rig: Rig): Promise<string> {
  await rig.log.flush();
  const files = await readdir(rig.logDir);
  const texts = await Promise.all(files.map((f) => readFile(join(rig.logDir, f), 'utf8')));
  return texts.join('\n');
}

// Each test starts the whole app on real files and real HTTP: generous on a busy machine.
describe('connecting a WhatsApp number', { timeout: 20_000 }, () => {
  it('connects with a good token: the real workspace switches to the account and the status tells the number', async () => {
    const rig = await start();
    const status = await rig.app.handlers.account.connect(accountCredentials(rig.graph));

    expect(AccountStatus.parse(status)).toMatchObject({
      connected: true,
      storage: { kind: 'session-only' },
      displayPhoneNumber: '+31 6 12345678',
      verifiedName: 'Bloemen Sanne',
      phoneNumberId: rig.graph.phoneNumberId,
      problems: [],
    });
    expect(status.webhook.localUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(status.webhook.verifyToken).toMatch(/^[\w-]{32}$/);
    expect((await rig.app.handlers.workspace.info()).accountConfigured).toBe(true);
    expect(rig.publisher.of('workspace:changed').at(-1)?.accountConfigured).toBe(true);
    expect(rig.publisher.of('account:changed').at(-1)).toEqual(status);
    expect(rig.secrets.size).toBe(3);
  });

  it('never hands a secret back, nor writes one to the log or the settings file', async () => {
    const rig = await start();
    const creds = accountCredentials(rig.graph);
    const connected = await rig.app.handlers.account.connect(creds);
    const events = JSON.stringify(rig.publisher.events);
    const everything = [
      JSON.stringify(connected),
      JSON.stringify(await rig.app.handlers.account.status()),
      events,
      await logText(rig),
      await readFile(join(rig.root, 'workspaces', 'real', 'account.json'), 'utf8'),
    ].join('\n');

    expect(everything).not.toContain(creds.accessToken);
    expect(everything).not.toContain(creds.appSecret);
    // The log was written to at all, so its not containing a secret means something.
    expect(await logText(rig)).toContain('WhatsApp number connected');
  });

  it('says exactly what is wrong with an expired token, and stores nothing', async () => {
    const rig = await start();
    rig.graph.answer('GET', `/${rig.graph.phoneNumberId}`, { kind: 'error', error: 'expired-token' });

    const test = await rig.app.handlers.account.test(accountCredentials(rig.graph));
    expect(test).toEqual({
      ok: false,
      problem: 'expired-token',
      reason: expect.stringContaining('The access token has expired') as unknown,
    });
    await expect(rig.app.handlers.account.connect(accountCredentials(rig.graph))).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('The access token has expired') as unknown,
      fields: { accessToken: expect.any(String) as unknown },
    });
    expect(rig.secrets.size).toBe(0);
    expect(await rig.app.handlers.account.status()).toMatchObject({ connected: false, phoneNumberId: null });
    expect((await rig.app.handlers.workspace.info()).accountConfigured).toBe(false);
  });

  it('names a wrong phone number ID and a wrong account ID', async () => {
    const rig = await start();
    const wrongPhone = await rig.app.handlers.account.test(
      accountCredentials(rig.graph, { phoneNumberId: '999' }),
    );
    const wrongWaba = await rig.app.handlers.account.test(accountCredentials(rig.graph, { wabaId: '888' }));
    const badToken = await rig.app.handlers.account.test(
      accountCredentials(rig.graph, { accessToken: 'EAAnope' }),
    );

    expect(wrongPhone).toMatchObject({ ok: false, problem: 'wrong-phone-number-id' });
    expect(wrongWaba).toMatchObject({ ok: false, problem: 'wrong-waba-id' });
    expect(badToken).toMatchObject({ ok: false, problem: 'invalid-token' });
  });

  it('refuses to connect where secrets cannot be kept safely, before asking WhatsApp', async () => {
    const rig = await start({ secrets: null });
    await expect(rig.app.handlers.account.connect(accountCredentials(rig.graph))).rejects.toMatchObject({
      code: 'storage',
    });
    expect(await rig.app.handlers.account.status()).toMatchObject({
      connected: false,
      storage: { kind: 'unavailable' },
    });
    expect(rig.graph.requests).toEqual([]);
  });
});

describe('the webhook receiver of a connected number', { timeout: 20_000 }, () => {
  it('starts on connect: a signed webhook shows up in the conversation; a badly signed one is refused', async () => {
    const rig = await start();
    const status = await rig.app.handlers.account.connect(accountCredentials(rig.graph));
    const url = status.webhook.localUrl ?? '';

    const verify = await getWebhook(url, {
      'hub.mode': 'subscribe',
      'hub.verify_token': status.webhook.verifyToken ?? '',
      'hub.challenge': '1158201444',
    });
    expect(verify).toEqual({ status: 200, text: '1158201444' });

    const body = JSON.stringify(textMessage('wamid.ONE', 'Is the blue vase back? 🌷'));
    expect((await postWebhook(url, body, { secret: 'wrong' })).status).toBe(401);
    const stored = rig.publisher.next('conversation:message');
    expect((await postWebhook(url, body, { secret: APP_SECRET })).status).toBe(200);
    await stored;

    const [row] = rig.app.session().contacts.list();
    const page = await rig.app.handlers.conversation.history(row?.contact.id ?? '', { limit: 10 });
    expect(page.messages.map((m) => [m.direction, m.text])).toEqual([
      ['inbound', 'Is the blue vase back? 🌷'],
    ]);
    expect((await rig.app.handlers.account.status()).lastWebhookAt).toBe(START);
  });

  it('stops on disconnect, wipes the secrets and puts the workspace back to no account', async () => {
    const rig = await start();
    const status = await rig.app.handlers.account.connect(accountCredentials(rig.graph));
    const url = status.webhook.localUrl ?? '';

    const after = await rig.app.handlers.account.disconnect();

    expect(after).toMatchObject({ connected: false, webhook: { localUrl: null, verifyToken: null } });
    expect(rig.secrets.size).toBe(0);
    expect((await rig.app.handlers.workspace.info()).accountConfigured).toBe(false);
    await expect(postWebhook(url, '{}', { secret: APP_SECRET })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    const text = await readFile(join(rig.root, 'workspaces', 'real', 'account.json'), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ account: null });
  });

  it('comes back after a restart and processes what arrived while the workspace was closed', async () => {
    const root = await tempDir();
    const secrets = new MemorySecrets();
    const graph = await FakeGraphApi.start();
    cleanup.push(() => graph.stop());
    const first = await start({ root, secrets, graph });
    const url = (await first.app.handlers.account.connect(accountCredentials(graph))).webhook.localUrl ?? '';
    // The owner looks at the demo: the webhook is journaled, but nobody is there to store its message.
    await first.app.handlers.workspace.openDemo();
    const body = JSON.stringify(textMessage('wamid.WHILE-AWAY', 'Are you open on Sunday?'));
    expect((await postWebhook(url, body, { secret: APP_SECRET })).status).toBe(200);
    await first.stop();

    const second = await start({ root, secrets, graph, openReal: false });
    expect(await second.app.handlers.account.status()).toMatchObject({
      connected: true,
      verifiedName: 'Bloemen Sanne',
    });
    const arrived = second.publisher.next('conversation:message');
    await second.app.handlers.workspace.startReal();
    await arrived;
    expect(second.app.session().contacts.list()).toHaveLength(1);
  });
});
