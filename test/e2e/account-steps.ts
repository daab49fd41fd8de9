import type { Locator, Page } from '@playwright/test';
import { FakeCmApi } from '../support/fake-cm-api';
import { FakeGraphApi } from '../support/fake-graph-api';
import { expect, startHost, test, type HostExtras } from './fixtures';

/**
 * Specs about a real WhatsApp account: the owner already left the demo (the empty real workspace with
 * its no-account banner), and the host talks to a fake provider on 127.0.0.1, started here on
 * Playwright's Node side, with its webhook receiver on a free port.
 */
export const APP_SECRET = 'c0ffee00c0ffee00c0ffee00c0ffee00';

async function startRealWorkspace(dataRoot: string, provider: HostExtras) {
  const host = await startHost(dataRoot, { ...provider, webhookPort: 0 });
  await host.app.handlers.workspace.startReal();
  return host;
}

/** Meta's Cloud API, faked. */
export const graphTest = test.extend<{ graph: FakeGraphApi }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  graph: async ({}, use) => {
    const graph = await FakeGraphApi.start();
    await use(graph);
    await graph.stop();
  },
  host: async ({ dataRoot, graph }, use) => {
    const host = await startRealWorkspace(dataRoot, { graphBaseUrl: graph.baseUrl });
    await use(host);
    await host.close();
  },
});

/** CM.com's gateway, faked. */
export const cmTest = test.extend<{ cm: FakeCmApi }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
  cm: async ({}, use) => {
    const cm = await FakeCmApi.start();
    await use(cm);
    await cm.stop();
  },
  host: async ({ dataRoot, cm }, use) => {
    const host = await startRealWorkspace(dataRoot, { cmBaseUrl: cm.baseUrl });
    await use(host);
    await host.close();
  },
});

/** The Cloud API fields of the Connect WhatsApp dialog, with `token` as the access token. */
export async function fillCloudApiCredentials(dialog: Locator, graph: FakeGraphApi, token: string) {
  await dialog.getByLabel('Phone number ID').fill(graph.phoneNumberId);
  await dialog.getByLabel('WhatsApp Business Account ID').fill(graph.wabaId);
  await dialog.getByLabel('Access token').fill(token);
  await dialog.getByLabel('App secret').fill(APP_SECRET);
}

/** Connects the fake Cloud API account from the no-account banner; the dialog stays open, saying so. */
export async function connectCloudApi(app: Page, graph: FakeGraphApi): Promise<Locator> {
  await app
    .getByRole('region', { name: 'No WhatsApp account' })
    .getByRole('button', { name: 'Connect WhatsApp' })
    .click();
  const dialog = app.getByRole('dialog', { name: 'Connect WhatsApp' });
  await fillCloudApiCredentials(dialog, graph, graph.token);
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Connected');
  return dialog;
}
