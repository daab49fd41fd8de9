import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../main/contract/errors';
import type { Settings } from '../../main/contract/model';
import { registerHandlers, type HandlerTransport } from '../../main/ipc/router';
import { silentLog } from '../support/recorders';
import { useTempDirs } from '../support/temp-dir';
import { startApp, type Harness } from './harness';

const tempDir = useTempDirs();
const running: Harness[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.app.close()));
});

/** The real composition root behind the real router: what the renderer's calls go through. */
async function wired() {
  const harness = await startApp(await tempDir());
  running.push(harness);
  const channels = new Map<string, (args: unknown[]) => Promise<Envelope<unknown>>>();
  const transport: HandlerTransport = { handle: (channel, handler) => channels.set(channel, handler) };
  registerHandlers(transport, harness.app.handlers, silentLog);
  const call = async (channel: string, ...args: unknown[]) => {
    const handler = channels.get(channel);
    if (!handler) throw new Error(`no channel ${channel}`);
    return handler(args);
  };
  return { harness, call };
}

describe('settings changes through the IPC contract', () => {
  it('a change to some settings leaves every other setting as the owner set it', async () => {
    const { call } = await wired();
    const first = await call('settings:update', {
      optOutKeywords: ['HALT', 'STOPPEN'],
      reminderLeadMinutes: [90, 10],
      remindOnlyWhenWaiting: false,
      closingLeadMinutes: 45,
    });
    expect(first.ok).toBe(true);

    const second = await call('settings:update', { quietHoursEnabled: true });
    expect(second.ok).toBe(true);
    const settings = (second as { ok: true; value: Settings }).value;
    expect(settings).toMatchObject({
      optOutKeywords: ['HALT', 'STOPPEN'],
      reminderLeadMinutes: [90, 10],
      remindOnlyWhenWaiting: false,
      // One model (issue 14): the closing warning is the first reminder.
      closingLeadMinutes: 90,
      quietHoursEnabled: true,
    });
    const reread = (await call('settings:get')) as { ok: true; value: Settings };
    expect(reread.value).toEqual(settings);
  });

  it('refuses a bad change with field messages and keeps the saved settings', async () => {
    const { call } = await wired();
    const refused = await call('settings:update', { reminderLeadMinutes: [60, 60] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.fields?.reminderLeadMinutes).toMatch(/twice/);
    const reread = (await call('settings:get')) as { ok: true; value: Settings };
    expect(reread.value.reminderLeadMinutes).toEqual([60, 15]);
  });
});
