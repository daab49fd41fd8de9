import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { MemorySecrets } from '../../main/platform/preview/memory-secrets';
import { startPreviewHost, type PreviewHost } from '../../main/platform/preview/host';
import type { Logger } from '../../main/services/ports';
import { FakeGraphApi } from '../support/fake-graph-api';
import { postWebhook } from '../support/webhook-client';
import { textMessage } from '../support/webhook-fixtures';
import { expect, screenshotPath, START, test } from './fixtures';

/**
 * "Sent exactly once at that time, also after a restart": the owner's real workspace, connected to the
 * fake Graph API on 127.0.0.1 (as connect.spec.ts connects it), schedules a follow-up for tomorrow
 * 09:00 and quits; the app starts again after that moment, sends it, and starts once more without
 * sending it again. The fake server counts the template sends it received. The secrets are handed from
 * one host to the next, as the keychain outlives a restart of the app.
 */

const APP_SECRET = 'c0ffee00c0ffee00c0ffee00c0ffee00';
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const HOUR = 3_600_000;
/** Wed 25 Nov 2026 09:00 in Amsterdam, the morning after START. */
const TOMORROW_9 = Date.parse('2026-11-25T08:00:00Z');
const SANNE = { name: 'Sanne de Vries', phone: '+31612345678' };
const TEMPLATE_TEXT = 'Hello, there is news about your order. Reply to hear more.';

function startHost(dataRoot: string, graph: FakeGraphApi, secrets: MemorySecrets, startAt: number) {
  return startPreviewHost({
    rendererDir: resolve(__dirname, '../../out/renderer'),
    dataRoot,
    startAt,
    systemLocale: 'en-GB',
    systemTimeZone: 'Europe/Amsterdam',
    log: quiet,
    graphBaseUrl: graph.baseUrl,
    webhookPort: 0,
    secrets,
  });
}

/** The template messages the fake platform was asked to send. */
const templateSends = (graph: FakeGraphApi) =>
  graph.requests.filter(
    (r) =>
      r.method === 'POST' &&
      r.route === `/${graph.phoneNumberId}/messages` &&
      typeof r.body === 'object' &&
      r.body !== null &&
      (r.body as { type?: unknown }).type === 'template',
  );

async function connect(page: Page, graph: FakeGraphApi): Promise<void> {
  await page
    .getByRole('region', { name: 'No WhatsApp account' })
    .getByRole('button', { name: 'Connect WhatsApp' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Connect WhatsApp' });
  await dialog.getByLabel('Phone number ID').fill(graph.phoneNumberId);
  await dialog.getByLabel('WhatsApp Business Account ID').fill(graph.wabaId);
  await dialog.getByLabel('Access token').fill(graph.token);
  await dialog.getByLabel('App secret').fill(APP_SECRET);
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Connected');
  await dialog.getByRole('button', { name: 'Done' }).click();
}

test('a scheduled follow-up goes out exactly once after a restart', async ({ page, dataRoot }) => {
  const graph = await FakeGraphApi.start();
  const secrets = new MemorySecrets();
  const hosts: PreviewHost[] = [];
  const start = async (at: number) => {
    const host = await startHost(dataRoot, graph, secrets, at);
    hosts.push(host);
    return host;
  };
  try {
    // The account's one approved template, as GET /{waba-id}/message_templates lists it.
    graph.answer('GET', `/${graph.wabaId}/message_templates`, {
      kind: 'json',
      body: {
        data: [
          {
            id: '7001',
            name: 'order_news',
            language: 'en',
            category: 'UTILITY',
            status: 'APPROVED',
            components: [{ type: 'BODY', text: TEMPLATE_TEXT }],
          },
        ],
        paging: { cursors: { before: '', after: '' } },
      },
    });

    const first = await start(START);
    await first.app.handlers.workspace.startReal();
    await page.goto(first.url);
    await connect(page, graph);
    await first.app.handlers.templates.sync();
    // Sanne opted in at the counter, and wrote yesterday afternoon: her window closed an hour ago.
    await first.app.handlers.contacts.create({
      ...SANNE,
      notes: '',
      fields: {},
      optIn: { status: 'opted-in', at: null, source: 'in-store', proof: '' },
    });
    const webhookUrl = (await first.app.handlers.account.status()).webhook.localUrl ?? '';
    const body = JSON.stringify(
      textMessage('wamid.SCHED-1', 'Is my order on its way?', String(Math.floor((START - 25 * HOUR) / 1000))),
    );
    expect((await postWebhook(webhookUrl, body, { secret: APP_SECRET })).status).toBe(200);

    const row = page.getByRole('option', { name: /^Sanne de Vries,/ });
    await row.click();
    await page
      .getByRole('button', { name: /^Follow up/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: 'Follow up with Sanne de Vries' });
    await dialog.getByRole('button', { name: 'Schedule…' }).click();
    await dialog.getByRole('radio', { name: /Tomorrow at 09:00/ }).check();
    await dialog.getByRole('button', { name: 'Schedule follow-up' }).click();
    await expect(dialog).toHaveCount(0);
    // On the contact's row, where the owner looks first, with the time in its accessible name.
    await expect(row).toHaveAccessibleName(/Follow-up tomorrow 09:00/);
    await expect(row.getByText('Follow-up tomorrow 09:00')).toBeVisible();
    await page.screenshot({ path: screenshotPath('scheduled-follow-up-row') });
    expect(await first.app.handlers.scheduledFollowUps.list()).toEqual([
      expect.objectContaining({ at: TOMORROW_9 }),
    ]);
    expect(templateSends(graph)).toEqual([]);

    // The owner quits; the computer is off at 09:00; the app starts again at 10:00.
    await first.close();
    const second = await start(TOMORROW_9 + HOUR);
    await expect.poll(() => templateSends(graph).length).toBe(1);
    const sent = templateSends(graph)[0]?.body as { to?: string; template?: { name?: string } };
    expect(sent.to).toBe('31612345678');
    expect(sent.template?.name).toBe('order_news');
    await page.goto(second.url);
    const again = page.getByRole('option', { name: /^Sanne de Vries,/ });
    await again.click();
    const log = page.getByRole('log', { name: 'Conversation with Sanne de Vries' });
    await expect(log).toContainText(TEMPLATE_TEXT);
    await expect(again).not.toHaveAccessibleName(/Follow-up tomorrow/);
    expect(await second.app.handlers.scheduledFollowUps.list()).toEqual([]);
    await second.app.session().answerFaster.idle();

    // Once more: nothing is left to send twice.
    await second.close();
    const third = await start(TOMORROW_9 + 2 * HOUR);
    await third.app.session().answerFaster.idle();
    await third.app.session().outbox.idle();
    expect(templateSends(graph)).toHaveLength(1);
    expect(await third.app.handlers.scheduledFollowUps.list()).toEqual([]);
  } finally {
    for (const host of hosts) await host.close().catch(() => undefined);
    await graph.stop();
  }
});
