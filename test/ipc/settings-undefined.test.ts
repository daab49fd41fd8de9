import { describe, expect, it } from 'vitest';
import type { Settings } from '../../main/contract/model';
import { useWiredApps, WIRED_TEST_TIMEOUT } from './wired-app';

const start = useWiredApps();

const CHANGED: Partial<Settings> = {
  closingLeadMinutes: 45,
  defaultTemplateId: 'tpl-1',
  remindOnlyWhenWaiting: false,
  quietHoursEnabled: true,
  optOutKeywords: ['HALT'],
  reminderLeadMinutes: [90],
  businessHours: [null, null, null, null, null, null, { start: '10:00', end: '12:00' }],
  theme: 'dark',
  timeZone: 'Europe/Amsterdam',
  locale: 'nl-NL',
};

describe(
  'settings.update with a field present but undefined (Electron’s IPC keeps such keys)',
  { timeout: WIRED_TEST_TIMEOUT },
  () => {
    it.each(Object.keys(CHANGED))(
      'refuses %s: undefined as invalid input and keeps every setting',
      async (key) => {
        const { call, value } = await start();
        const saved = await value<Settings>('settings:update', CHANGED);
        const refused = await call('settings:update', { [key]: undefined });
        expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
        if (!refused.ok) {
          expect(refused.error.fields?.[key]).toMatch(/no value/i);
          expect(refused.error.message).toMatch(/leave it out/i);
        }
        expect(await value<Settings>('settings:get')).toEqual(saved);
      },
    );

    it('still takes a change that leaves the other settings out', async () => {
      const { value } = await start();
      await value<Settings>('settings:update', CHANGED);
      const changed = await value<Settings>('settings:update', { theme: 'light' });
      expect(changed).toEqual({ ...(await value<Settings>('settings:get')), theme: 'light' });
      expect(changed.quietHoursEnabled).toBe(true);
    });
  },
);
