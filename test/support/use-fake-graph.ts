import { afterEach, beforeEach } from 'vitest';
import { graphSettings, type GraphSettings } from '../../main/providers/cloud-api/graph-settings';
import { FakeGraphApi } from './fake-graph-api';

/** The settings that point the Cloud API calls at this fake, as the owner's point them at Meta. */
export function settingsFor(api: FakeGraphApi, overrides: { timeoutMs?: number } = {}): GraphSettings {
  return graphSettings(
    { accessToken: api.token, phoneNumberId: api.phoneNumberId, wabaId: api.wabaId },
    { baseUrl: api.baseUrl, ...overrides },
  );
}

/**
 * A fresh fake Graph API for every test (so each has its own request log and answers), stopped after it,
 * with the settings that point at it. Kept apart from fake-graph-api.ts because that one is loaded by the
 * Playwright tests too, which must not import vitest. Read `api` and `settings` inside a test.
 */
export function useFakeGraph(overrides: { timeoutMs?: number } = {}): {
  readonly api: FakeGraphApi;
  readonly settings: GraphSettings;
} {
  let current: { api: FakeGraphApi; settings: GraphSettings } | null = null;
  beforeEach(async () => {
    const api = await FakeGraphApi.start();
    current = { api, settings: settingsFor(api, overrides) };
  });
  afterEach(async () => {
    await current?.api.stop();
    current = null;
  });
  const now = () => {
    if (current === null) throw new Error('useFakeGraph: read api and settings inside a test');
    return current;
  };
  return {
    get api() {
      return now().api;
    },
    get settings() {
      return now().settings;
    },
  };
}
