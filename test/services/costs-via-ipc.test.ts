import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CostTerms, RateCardImport } from '../../main/contract/costs';
import type { FollowUpOverview, FollowUpPreview } from '../../main/contract/model';
import { costSummary } from '../../main/domain/pricing/cost-text';
import { useWiredApps, WIRED_TEST_TIMEOUT, type WiredApp } from '../ipc/wired-app';
import { closedWindowCustomer, viaSimulator } from './follow-up-kit';
import { T0 } from './harness';

const RATE_CARD = [
  'WhatsApp Business Platform Rate Card',
  '"Effective October 1, 2026"',
  'Market,Currency,Marketing,Utility,Authentication,Service',
  'Netherlands,EUR,0.1365,0.0400,0.0400,0.0300',
  'North America,EUR,0.0250,0.0034,0.0034,0.0030',
  'Other,EUR,0.0500,0.0070,0.0070,0.0060',
].join('\n');

const start = useWiredApps();

async function realWorkspace(): Promise<WiredApp> {
  const wired = await start();
  await wired.value('workspace:startReal');
  return wired;
}

describe('the owner’s rate card, through the IPC contract', () => {
  it(
    'imports Meta’s CSV, keeps it in rate-card.json, and every follow-up preview shows the estimate',
    async () => {
      const wired = await realWorkspace();
      const { harness, value } = wired;
      const imported = await value<RateCardImport>('costs:importRateCard', RATE_CARD);
      expect(imported.notes).toEqual([]);
      expect(imported.terms.rateCard).toMatchObject({
        currency: 'EUR',
        effectiveFrom: '2026-10-01',
        importedAt: T0,
      });
      expect(harness.publisher.of('costs:changed')).toEqual([imported.terms]);

      const { contactId } = await closedWindowCustomer(harness, viaSimulator(harness));
      const preview = await value<FollowUpPreview>('followUps:preview', contactId);
      expect(preview.cost).toMatchObject({
        billed: 'yes',
        category: 'utility',
        estimate: { amount: 0.04, currency: 'EUR', market: 'Netherlands', region: 'NL' },
      });
      expect(preview.cost && costSummary(preview.cost, 'en-GB')).toBe('≈ €0.04 · utility · NL');

      const workspaceFiles = await value<{ dataDir: string }>('workspace:info');
      const file = JSON.parse(await readFile(join(workspaceFiles.dataDir, 'rate-card.json'), 'utf8')) as {
        schemaVersion: number;
        terms: CostTerms;
      };
      expect(file.schemaVersion).toBe(1);
      expect(file.terms).toEqual(imported.terms);

      await value('costs:setAllowance', 1000);
      const cleared = await value<CostTerms>('costs:clearRateCard');
      expect(cleared).toEqual({ rateCard: null, allowancePerMonth: 1000 });
      const without = await value<FollowUpPreview>('followUps:preview', contactId);
      expect(without.cost).toMatchObject({ billed: 'yes', estimate: null });
    },
    WIRED_TEST_TIMEOUT,
  );

  it(
    'refuses a file with a bad price, saying which line, and keeps the card it had',
    async () => {
      const { call, value } = await realWorkspace();
      await value('costs:importRateCard', RATE_CARD);
      const bad = await call(
        'costs:importRateCard',
        'Market,Currency,Utility\nNetherlands,EUR,0.04\nGermany,EUR,cheap',
      );
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      if (!bad.ok) expect(bad.error.message).toContain('Line 3: “cheap” is not a price for utility.');
      expect((await value<CostTerms>('costs:terms')).rateCard?.markets).toHaveLength(3);

      const huge = await call('costs:importRateCard', 'x'.repeat(600_000));
      expect(huge).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      const negative = await call('costs:setAllowance', -5);
      expect(negative).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    },
    WIRED_TEST_TIMEOUT,
  );
});

describe('marketing templates to US numbers', () => {
  it(
    'the preview refuses before sending, the overview groups the contact with the fix, and nothing is sent',
    async () => {
      const { harness, value, call } = await realWorkspace();
      const deliver = viaSimulator(harness);
      const promo = {
        name: 'spring_sale',
        category: 'marketing' as const,
        body: 'Spring sale!',
        mapping: {},
      };
      const us = await closedWindowCustomer(harness, deliver, {
        contact: { name: 'Jim Baker', phone: '+12125550123' },
        template: promo,
      });
      const canada = await closedWindowCustomer(harness, deliver, {
        contact: { name: 'Chloé Roy', phone: '+14165550123' },
        template: { ...promo, name: 'spring_sale_ca' },
      });

      const refused = await value<FollowUpPreview>('followUps:preview', us.contactId, us.templateId);
      expect(refused).toMatchObject({
        allowed: false,
        refusal: {
          code: 'marketing-not-delivered',
          fix: { action: 'choose-template', label: 'Choose a utility template' },
        },
        cost: { billed: 'no', category: 'marketing' },
      });
      expect(refused.refusal?.message).toContain('does not deliver marketing templates to US numbers');
      const allowed = await value<FollowUpPreview>('followUps:preview', canada.contactId, canada.templateId);
      expect(allowed).toMatchObject({ allowed: true, cost: { billed: 'yes', category: 'marketing' } });

      const sent = await call('followUps:send', us.contactId, us.templateId);
      expect(sent).toMatchObject({ ok: false, error: { code: 'refused' } });
      expect(harness.app.simulator?.sent ?? []).toHaveLength(0);

      await value('settings:update', { defaultTemplateId: us.templateId });
      const overview = await value<FollowUpOverview>('followUps:overview');
      const jim = overview.blocked.find((b) => b.row.contact.name === 'Jim Baker');
      expect(jim?.preview.refusal?.code).toBe('marketing-not-delivered');
    },
    WIRED_TEST_TIMEOUT,
  );
});
