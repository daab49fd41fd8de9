import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone, regionOfLocale } from '../../main/domain/phone';

describe('normalizePhone', () => {
  it.each([
    ['+31 6 1234 5678', null, '+31612345678'],
    ['06-12345678', 'NL', '+31612345678'],
    ['0031 6 12345678', null, '+31612345678'],
    ['+49 151 23456789', 'NL', '+4915123456789'],
    ['(212) 555-0100', 'US', '+12125550100'],
  ])('%s (country %s) → %s', (input, country, e164) => {
    expect(normalizePhone(input, country)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['', 'Enter the customer'],
    ['hello', 'only digits'],
    ['+31 6 123', 'not a valid phone number'],
    ['12345', 'Add the country code'],
    ['+31 6 1234 0008 #1', 'extension'],
    ['+31 6 1234 0008 ext. 1', 'extension'],
    ['+31 6 1234 0008;ext=1', 'extension'],
    ['+31 6 1234 0008 x1', 'extension'],
    ['+31 6 1234 0008 *2', '“*”'],
    ['+31 6 1234 0008!', '“!”'],
  ])('refuses %j with a message that says what to fix', (input, reason) => {
    const result = normalizePhone(input, null);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('formatting and regions', () => {
  it('formats E.164 for display and leaves anything else alone', () => {
    expect(formatPhone('+31612345678')).toBe('+31 6 12345678');
    expect(formatPhone('not a number')).toBe('not a number');
  });
  it.each([
    ['nl-NL', 'NL'],
    ['en_US', 'US'],
    ['de', null],
  ])('region of %s is %s', (locale, region) => {
    expect(regionOfLocale(locale)).toBe(region);
  });
});
