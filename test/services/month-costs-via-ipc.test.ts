import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../main/contract/model';
import type { MonthCosts } from '../../main/contract/month-costs';
import { useWiredApps, WIRED_TEST_TIMEOUT, type WiredApp } from '../ipc/wired-app';
import { closedWindowCustomer, HOUR, viaSimulator } from './follow-up-kit';
import { startApp } from './harness';

const RATE_CARD = [
  'Market,Currency,Marketing,Utility,Authentication,Service',
  'Netherlands,EUR,0.1365,0.0400,0.0400,0.0300',
  'Other,EUR,0.0500,0.0070,0.0070,0.0060',
].join('\n');

const start = useWiredApps();

/**
 * The owner's real workspace with a rate card, and Maria (NL): her window closed a day ago, she gets the
 * utility follow-up at T0, writes back, and gets two quick replies a minute apart.
 */
async function aMonthOfSends(): Promise<WiredApp & { sends: Message[] }> {
  const wired = await start();
  const { harness, value } = wired;
  await value('workspace:startReal');
  await value('costs:importRateCard', RATE_CARD);
  const deliver = viaSimulator(harness);
  const { contactId, templateId } = await closedWindowCustomer(harness, deliver);
  const followUp = await value<Message>('followUps:send', contactId, templateId);
  harness.clock.advance(HOUR);
  const phone = harness.app.session().store.contact(contactId)?.phone ?? '';
  await deliver({
    from: phone,
    profileName: null,
    text: 'Great, thanks! When can I pick it up?',
    at: harness.clock.now(),
  });
  const first = await value<Message>('conversation:sendText', contactId, 'Tomorrow from 10.');
  harness.clock.advance(60_000);
  const second = await value<Message>('conversation:sendText', contactId, 'Bring the receipt, please.');
  return { ...wired, sends: [followUp, first, second] };
}

describe('the Costs view’s month, through the IPC contract', () => {
  it(
    'counts the month’s sends by category and day, estimates them from the rate card, and names the habit',
    async () => {
      const { value } = await aMonthOfSends();
      const month = await value<MonthCosts>('costs:month', '2026-11');
      expect(month).toMatchObject({ month: '2026-11', timeZone: 'Europe/Amsterdam', currency: 'EUR' });
      expect(month.total).toEqual({ charged: 3, mayBeCharged: 0, estimate: 0.1, mayBeEstimate: 0 });
      const byCategory = Object.fromEntries(month.categories.map((c) => [c.category, c.charged]));
      expect(byCategory).toEqual({ marketing: 0, utility: 1, authentication: 0, service: 2 });
      expect(month.days).toHaveLength(30);
      expect(month.days.find((d) => d.date === '2026-11-24')).toMatchObject({ charged: 3, estimate: 0.1 });
      expect(month.habits.map((h) => [h.kind, h.count, h.extra])).toEqual([['replies-in-a-row', 1, 0.03]]);

      const october = await value<MonthCosts>('costs:month', '2026-10');
      expect(october.total.charged).toBe(0);
      expect(october.days).toHaveLength(31);
    },
    WIRED_TEST_TIMEOUT,
  );

  it(
    'the platform’s billing data from a status webhook wins over the estimate',
    async () => {
      const { harness, value, sends } = await aMonthOfSends();
      const reply = sends[1];
      if (!reply?.providerId) throw new Error('the reply was not sent');
      const outcome = await harness.app.session().statuses.apply({
        providerId: reply.providerId,
        status: 'delivered',
        at: harness.clock.now(),
        error: null,
        pricing: { billable: false, pricingModel: 'PMP', category: 'service', type: 'free_customer_service' },
      });
      expect(outcome).toBe('applied');
      const month = await value<MonthCosts>('costs:month', '2026-11');
      expect(month.fromPlatform).toBe(1);
      expect(month.categories.find((c) => c.category === 'service')).toMatchObject({ charged: 1, free: 1 });
      expect(month.total.estimate).toBe(0.07);
    },
    WIRED_TEST_TIMEOUT,
  );

  it(
    'keeps the sends in a small ledger that survives a restart, and refuses a month that is not one',
    async () => {
      const { harness, value, call } = await aMonthOfSends();
      const { dataDir } = await value<{ dataDir: string }>('workspace:info');
      const ledger = (await readFile(join(dataDir, 'sends', '2026-11.jsonl'), 'utf8')).trim().split('\n');
      expect(ledger.filter((line) => line.includes('"t":"send"'))).toHaveLength(3);

      expect(await call('costs:month', '2026-13')).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });

      const before = await value<MonthCosts>('costs:month', '2026-11');
      await harness.app.close();
      const again = await startApp(harness.dataRoot, harness.clock);
      try {
        await again.app.handlers.workspace.startReal();
        expect(await again.app.handlers.costs.month('2026-11')).toEqual(before);
      } finally {
        await again.app.close();
      }
    },
    WIRED_TEST_TIMEOUT,
  );
});
