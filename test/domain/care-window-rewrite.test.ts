import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Activity, CareWindow, FollowUpStatus, OptIn } from '../../main/contract/model';
import { careWindowOf, type WindowRules } from '../../main/domain/care-window';
import { CARE_WINDOW, DAY, MINUTE } from '../../main/domain/durations';

/**
 * careWindowOf was rewritten for speed (one object literal instead of spreading a partial object into
 * each result; see care-window.ts). This is the earlier version, kept as the reference: for any input the
 * two must agree.
 */
function referenceWindowOf(
  activity: Pick<Activity, 'lastInboundAt' | 'lastFollowUpAt'>,
  optIn: Pick<OptIn, 'status'>,
  rules: WindowRules,
  now: number,
): CareWindow {
  const { lastInboundAt, lastFollowUpAt } = activity;
  const followUpSinceLastInbound =
    lastFollowUpAt !== null && (lastInboundAt === null || lastFollowUpAt > lastInboundAt)
      ? lastFollowUpAt
      : null;
  const allowance: FollowUpStatus =
    optIn.status === 'opted-in' ? 'ready' : optIn.status === 'opted-out' ? 'opted-out' : 'no-opt-in';
  if (lastInboundAt === null) {
    return {
      state: followUpSinceLastInbound === null ? 'none' : 'awaiting-reply',
      openedAt: null,
      expiresAt: null,
      nextChangeAt: null,
      followUp: followUpSinceLastInbound === null ? allowance : 'sent',
      followUpSentAt: followUpSinceLastInbound,
    };
  }
  const expiresAt = lastInboundAt + CARE_WINDOW;
  const closingAt = expiresAt - rules.closingLeadMinutes * MINUTE;
  const base = { openedAt: lastInboundAt, expiresAt, followUpSentAt: followUpSinceLastInbound };
  if (now < closingAt) return { ...base, state: 'open', nextChangeAt: closingAt, followUp: 'not-needed' };
  if (now < expiresAt) return { ...base, state: 'closing', nextChangeAt: expiresAt, followUp: 'not-needed' };
  if (followUpSinceLastInbound !== null) {
    return { ...base, state: 'awaiting-reply', nextChangeAt: null, followUp: 'sent' };
  }
  return { ...base, state: 'closed', nextChangeAt: null, followUp: allowance };
}

const T0 = Date.UTC(2026, 10, 24, 15, 5);
// Instants around T0, dense near the window's edges so every branch and boundary is met.
const instant = fc.oneof(
  fc.integer({ min: T0 - 3 * DAY, max: T0 + 3 * DAY }),
  fc.constantFrom(T0, T0 + CARE_WINDOW, T0 + CARE_WINDOW - 60 * MINUTE, T0 + CARE_WINDOW - 1),
);
const input = fc.record({
  lastInboundAt: fc.option(instant, { nil: null }),
  lastFollowUpAt: fc.option(instant, { nil: null }),
  optIn: fc.constantFrom('none', 'opted-in', 'opted-out'),
  lead: fc.integer({ min: 0, max: 24 * 60 }),
  now: instant,
});

describe('careWindowOf, rewritten for speed', () => {
  it('agrees with the earlier version for any activity, opt-in, lead and instant', () => {
    fc.assert(
      fc.property(input, ({ lastInboundAt, lastFollowUpAt, optIn, lead, now }) => {
        const activity = { lastInboundAt, lastFollowUpAt };
        const rules = { closingLeadMinutes: lead };
        expect(careWindowOf(activity, { status: optIn }, rules, now)).toStrictEqual(
          referenceWindowOf(activity, { status: optIn }, rules, now),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('gives every window the same fields in the same order (one object shape)', () => {
    const keys = new Set<string>();
    fc.assert(
      fc.property(input, ({ lastInboundAt, lastFollowUpAt, optIn, lead, now }) => {
        const window = careWindowOf(
          { lastInboundAt, lastFollowUpAt },
          { status: optIn },
          { closingLeadMinutes: lead },
          now,
        );
        keys.add(Object.keys(window).join(','));
      }),
      { numRuns: 500 },
    );
    expect([...keys]).toEqual(['state,openedAt,expiresAt,nextChangeAt,followUp,followUpSentAt']);
  });
});
