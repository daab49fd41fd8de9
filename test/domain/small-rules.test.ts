import { describe, expect, it } from 'vitest';
import type { ContactRow, WindowState } from '../../main/contract/model';
import { sortRows } from '../../main/contract/contact-order';
import { nextStatus } from '../../main/domain/message-status';
import { validateSettings } from '../../main/domain/settings';
import { DEFAULT_SETTINGS } from '../../main/contract/model';
import { NO_ACTIVITY } from '../../main/domain/activity';
import { isWaitingForYou } from '../../main/domain/waiting';

function row(
  name: string,
  state: WindowState,
  expiresAt: number | null,
  followUp: ContactRow['window']['followUp'] = 'not-needed',
  waiting = false,
): ContactRow {
  return {
    contact: {
      id: name,
      name,
      phone: '+31612345678',
      notes: '',
      fields: {},
      optIn: { status: 'none', at: null, source: null, proof: '' },
      optInHistory: [],
      optInRequestedAt: null,
      muted: false,
      createdAt: 0,
      updatedAt: 0,
    },
    activity: NO_ACTIVITY,
    window: { state, openedAt: null, expiresAt, nextChangeAt: null, followUp, followUpSentAt: null },
    nextReminder: null,
    unread: 0,
    waiting,
  };
}

describe('contact order: who needs me first', () => {
  it('closing soonest first, then closed (follow-up ready first), then awaiting, then never wrote', () => {
    const rows = [
      row('Never', 'none', null),
      row('ClosedBlocked', 'closed', 500, 'no-opt-in'),
      row('OpenLate', 'open', 300),
      row('Awaiting', 'awaiting-reply', 100, 'sent'),
      row('ClosingSoon', 'closing', 200),
      row('ClosedReady', 'closed', 400, 'ready'),
    ];
    expect(sortRows(rows).map((r) => r.contact.name)).toEqual([
      'ClosingSoon',
      'OpenLate',
      'ClosedReady',
      'ClosedBlocked',
      'Awaiting',
      'Never',
    ]);
  });

  it('customers waiting for an answer come first, soonest close first, before any other open window', () => {
    const rows = [
      row('ClosingNotWaiting', 'closing', 100),
      row('OpenWaitingLate', 'open', 900, 'not-needed', true),
      row('ClosedReady', 'closed', 50, 'ready'),
      row('ClosingWaiting', 'closing', 150, 'not-needed', true),
    ];
    expect(sortRows(rows).map((r) => r.contact.name)).toEqual([
      'ClosingWaiting',
      'OpenWaitingLate',
      'ClosingNotWaiting',
      'ClosedReady',
    ]);
  });
});

describe('delivery status only moves forward', () => {
  it.each([
    ['sent', 'delivered', 'delivered'],
    ['read', 'delivered', 'read'],
    ['delivered', 'sent', 'delivered'],
    ['failed', 'read', 'failed'],
    ['sent', 'failed', 'failed'],
    ['pending', 'sent', 'sent'],
  ] as const)('%s + %s → %s', (current, reported, expected) => {
    expect(nextStatus(current, reported)).toBe(expected);
  });
});

describe('settings', () => {
  it('accepts known zones and locales', () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, timeZone: 'Europe/Amsterdam', locale: 'nl-NL' }).ok).toBe(
      true,
    );
  });
  it('refuses an unknown time zone and locale, naming them', () => {
    const result = validateSettings({
      ...DEFAULT_SETTINGS,
      timeZone: 'Mars/Olympus',
      locale: 'not a locale!',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.timeZone).toContain('Mars/Olympus');
      expect(result.errors.locale).toBeDefined();
    }
  });
});

describe('waiting for you', () => {
  const activity = (lastInboundAt: number | null, lastOutboundAt: number | null) => ({
    lastInboundAt,
    lastOutboundAt,
  });
  it('the customer wrote last and the window is open', () => {
    expect(isWaitingForYou(activity(200, 100), { state: 'open' })).toBe(true);
    expect(isWaitingForYou(activity(200, null), { state: 'closing' })).toBe(true);
  });
  it('not once answered (an answer in the same millisecond counts), nor after the window closed', () => {
    expect(isWaitingForYou(activity(200, 200), { state: 'open' })).toBe(false);
    expect(isWaitingForYou(activity(200, 300), { state: 'open' })).toBe(false);
    expect(isWaitingForYou(activity(200, null), { state: 'closed' })).toBe(false);
    expect(isWaitingForYou(activity(200, null), { state: 'awaiting-reply' })).toBe(false);
    expect(isWaitingForYou(activity(null, null), { state: 'none' })).toBe(false);
  });
});
