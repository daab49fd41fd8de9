import { describe, expect, it } from 'vitest';
import { DEFAULT_BUSINESS_HOURS, DEFAULT_SETTINGS, type Settings } from '../../main/contract/model';
import { validateSettings } from '../../main/domain/settings';

const errorsOf = (patch: Partial<Settings>): Record<string, string> => {
  const result = validateSettings({ ...DEFAULT_SETTINGS, ...patch });
  return result.ok ? {} : result.errors;
};

describe('reminder settings', () => {
  it('accepts the defaults and returns lead times largest first', () => {
    const result = validateSettings({ ...DEFAULT_SETTINGS, reminderLeadMinutes: [15, 60, 120] });
    expect(result.ok && result.settings.reminderLeadMinutes).toEqual([120, 60, 15]);
    expect(validateSettings({ ...DEFAULT_SETTINGS, reminderLeadMinutes: [] }).ok).toBe(true);
    expect(validateSettings({ ...DEFAULT_SETTINGS, reminderLeadMinutes: [1440] }).ok).toBe(true);
  });

  it.each([
    [[0], /at 0 minutes .* too late/],
    [[60, -5], /-5 minutes .* too late/],
    [[1441], /1441 minutes \(24 h 1 min\).*at most 1440 minutes/],
    [[60, 15, 60], /60 minutes before closing is listed twice/],
  ])('refuses lead times %j with a clear message', (leads, message) => {
    expect(errorsOf({ reminderLeadMinutes: leads }).reminderLeadMinutes).toMatch(message);
  });

  it('refuses quiet hours that cover the whole week', () => {
    const closed = Array.from({ length: 7 }, () => null);
    expect(errorsOf({ quietHoursEnabled: true, businessHours: closed }).businessHours).toMatch(
      /quiet hours would cover the whole week/,
    );
    // Harmless while quiet hours are off.
    expect(errorsOf({ quietHoursEnabled: false, businessHours: closed })).toEqual({});
  });

  it('refuses a day that opens and closes at the same time, naming the day', () => {
    const hours = [...DEFAULT_BUSINESS_HOURS];
    hours[3] = { start: '09:00', end: '09:00' };
    const errors = errorsOf({ businessHours: hours });
    expect(errors['businessHours.3']).toMatch(/^Wednesday opens and closes at the same time \(09:00\)/);
    expect(errors.businessHours).toBe(errors['businessHours.3']);
  });

  it('accepts hours that run past midnight', () => {
    const hours = [...DEFAULT_BUSINESS_HOURS];
    hours[5] = { start: '18:00', end: '02:00' };
    expect(errorsOf({ businessHours: hours, quietHoursEnabled: true })).toEqual({});
  });
});
