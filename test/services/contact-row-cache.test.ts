import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Contact } from '../../main/contract/model';
import { rowOf } from '../../main/domain/contact-row';
import { NO_ACTIVITY } from '../../main/domain/activity';
import { CARE_WINDOW, HOUR } from '../../main/domain/durations';
import { ContactRowCache, type RowInputs } from '../../main/services/contact-row-cache';
import { contact as customer } from '../store/store-test-kit';

const T0 = Date.parse('2026-11-30T10:00:00Z');

const contact = (id: string, name = 'Anna'): Contact => customer(id, { name });

/** A cache whose builder counts its calls and decides the window as the app does. */
function counted() {
  let builds = 0;
  const cache = new ContactRowCache((inputs, now) => {
    builds++;
    return rowOf(inputs.contact, inputs.activity, inputs.rules, now);
  });
  return { cache, builds: () => builds };
}

const wroteAt = (at: number) => ({ ...NO_ACTIVITY, lastInboundAt: at, messageCount: 1 });

describe('the contact row cache', () => {
  const anna = contact('a');
  const inputs: RowInputs = {
    contact: anna,
    activity: wroteAt(T0),
    rules: DEFAULT_SETTINGS,
    templates: [],
    lastUsed: null,
  };

  it('builds a row once while nothing it is made of changed', () => {
    const { cache, builds } = counted();
    const first = cache.row(inputs, T0 + HOUR);
    expect(cache.row({ ...inputs }, T0 + 2 * HOUR)).toBe(first);
    expect(builds()).toBe(1);
  });

  it('builds it again when the window reaches its next change, and the state follows', () => {
    const { cache, builds } = counted();
    expect(cache.row(inputs, T0 + HOUR).window.state).toBe('open');
    const closing = cache.row(inputs, T0 + CARE_WINDOW - 1);
    expect(closing.window.state).toBe('closing');
    expect(cache.row(inputs, T0 + CARE_WINDOW).window.state).toBe('closed');
    expect(builds()).toBe(3);
  });

  it('builds it again when the clock is set back, a record is replaced or the library changes', () => {
    const { cache, builds } = counted();
    cache.row(inputs, T0 + 2 * HOUR);
    cache.row(inputs, T0 + HOUR);
    cache.row({ ...inputs, contact: { ...anna, muted: true } }, T0 + HOUR);
    cache.row({ ...inputs, contact: { ...anna, muted: true }, activity: wroteAt(T0 + HOUR) }, T0 + HOUR);
    cache.row({ ...inputs, templates: [] }, T0 + HOUR);
    cache.row({ ...inputs, rules: { ...DEFAULT_SETTINGS, closingLeadMinutes: 30 } }, T0 + HOUR);
    cache.row({ ...inputs, rules: { ...DEFAULT_SETTINGS, defaultTemplateId: 'order_ready.nl' } }, T0 + HOUR);
    cache.row({ ...inputs, lastUsed: { name: 'x', language: 'en', at: T0 } }, T0 + HOUR);
    expect(builds()).toBe(8);
  });

  it('keeps the row for a copy of the same settings (the store hands out copies)', () => {
    const { cache, builds } = counted();
    const first = cache.row(inputs, T0 + HOUR);
    expect(
      cache.row({ ...inputs, rules: { ...DEFAULT_SETTINGS, quietHoursEnabled: false } }, T0 + HOUR),
    ).toBe(first);
    expect(builds()).toBe(1);
  });

  it('forgets the rows of contacts that are gone', () => {
    const { cache, builds } = counted();
    const bram = contact('b', 'Bram');
    cache.row(inputs, T0);
    cache.row({ ...inputs, contact: bram }, T0);
    cache.keepOnly([bram]);
    cache.row({ ...inputs, contact: bram }, T0);
    expect(builds()).toBe(2);
    cache.row(inputs, T0);
    expect(builds()).toBe(3);
    cache.forget('b');
    cache.row({ ...inputs, contact: bram }, T0);
    expect(builds()).toBe(4);
  });
});
