import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Message } from '../../main/contract/model';
import { activityOf } from '../../main/domain/activity';
import { canSendFreeForm, careWindowOf, freeFormRefusal } from '../../main/domain/care-window';
import { DAY, HOUR, MINUTE } from '../../main/domain/durations';

const RULES = { closingLeadMinutes: 60 };
const OPTED_IN = { status: 'opted-in' } as const;
const T0 = Date.UTC(2026, 10, 24, 15, 5); // Tue 24 Nov 2026 15:05 UTC

function message(direction: Message['direction'], at: number, extra: Partial<Message> = {}): Message {
  return {
    id: `${direction}-${at}-${Math.random()}`,
    contactId: 'c1',
    direction,
    kind: 'text',
    text: 'hi',
    at,
    status: direction === 'inbound' ? 'received' : 'sent',
    providerId: null,
    followUp: false,
    template: null,
    error: null,
    consent: null,
    ...extra,
  };
}

const windowAt = (
  messages: Message[],
  now: number,
  optIn: { status: 'none' | 'opted-in' | 'opted-out' } = OPTED_IN,
) => careWindowOf(activityOf(messages), optIn, RULES, now);

describe('the 24-hour window at its boundaries', () => {
  const inbound = [message('inbound', T0)];
  it.each([
    ['just received', 0, 'open'],
    ['1 ms before closing starts', DAY - HOUR - 1, 'open'],
    ['exactly when closing starts', DAY - HOUR, 'closing'],
    ['1 ms before expiry', DAY - 1, 'closing'],
    ['exactly 24 h', DAY, 'closed'],
    ['1 ms after expiry', DAY + 1, 'closed'],
    ['a week later', 7 * DAY, 'closed'],
  ] as const)('%s → %s', (_label, elapsed, state) => {
    expect(windowAt(inbound, T0 + elapsed).state).toBe(state);
  });

  it('expires exactly 24 h (in milliseconds) after the last inbound message', () => {
    const w = windowAt(inbound, T0);
    expect(w.openedAt).toBe(T0);
    expect(w.expiresAt).toBe(T0 + 86_400_000);
  });

  it('says when it next changes on its own', () => {
    expect(windowAt(inbound, T0).nextChangeAt).toBe(T0 + DAY - HOUR);
    expect(windowAt(inbound, T0 + DAY - 30 * MINUTE).nextChangeAt).toBe(T0 + DAY);
    expect(windowAt(inbound, T0 + DAY).nextChangeAt).toBeNull();
  });

  it('uses the closing lead from settings', () => {
    const w = careWindowOf(activityOf(inbound), OPTED_IN, { closingLeadMinutes: 15 }, T0 + DAY - 20 * MINUTE);
    expect(w.state).toBe('open');
    expect(
      careWindowOf(activityOf(inbound), OPTED_IN, { closingLeadMinutes: 15 }, T0 + DAY - 15 * MINUTE).state,
    ).toBe('closing');
  });
});

describe('DST switch days do not move the expiry', () => {
  // Europe/Amsterdam: clocks go back 25 Oct 2026 03:00 → 02:00, forward 29 Mar 2026 02:00 → 03:00.
  // America/New_York: back 1 Nov 2026 02:00 → 01:00, forward 8 Mar 2026 02:00 → 03:00.
  it.each([
    ['Amsterdam, autumn back', '2026-10-24T23:30:00Z'],
    ['Amsterdam, spring forward', '2026-03-28T23:30:00Z'],
    ['New York, autumn back', '2026-11-01T04:30:00Z'],
    ['New York, spring forward', '2026-03-08T05:30:00Z'],
  ])('%s: 24 h of elapsed time, whatever the wall clock shows', (_zone, iso) => {
    const at = Date.parse(iso);
    const w = windowAt([message('inbound', at)], at);
    expect(w.expiresAt).toBe(at + 24 * 60 * 60 * 1000);
    // The wall-clock "same time tomorrow" differs by an hour on these days; the window does not follow it.
    expect(windowAt([message('inbound', at)], at + DAY - 1).state).toBe('closing');
    expect(windowAt([message('inbound', at)], at + DAY).state).toBe('closed');
  });
});

describe('only the customer moves the window', () => {
  it('a reply from the business does not extend it', () => {
    const w = windowAt([message('inbound', T0), message('outbound', T0 + 23 * HOUR)], T0 + DAY);
    expect(w.state).toBe('closed');
    expect(w.expiresAt).toBe(T0 + DAY);
  });

  it('a new inbound message restarts it', () => {
    const w = windowAt([message('inbound', T0), message('inbound', T0 + 30 * HOUR)], T0 + 40 * HOUR);
    expect(w.state).toBe('open');
    expect(w.expiresAt).toBe(T0 + 30 * HOUR + DAY);
  });

  it('an older inbound message arriving late does not shorten it', () => {
    const w = windowAt([message('inbound', T0 + 10 * HOUR), message('inbound', T0)], T0 + 30 * HOUR);
    expect(w.expiresAt).toBe(T0 + 10 * HOUR + DAY);
    expect(w.state).toBe('open');
  });
});

describe('after the window closes', () => {
  const inbound = message('inbound', T0);
  it.each([
    ['opted-in', 'ready'],
    ['none', 'no-opt-in'],
    ['opted-out', 'opted-out'],
  ] as const)('with opt-in %s the follow-up is %s', (status, followUp) => {
    const w = windowAt([inbound], T0 + 2 * DAY, { status });
    expect(w.state).toBe('closed');
    expect(w.followUp).toBe(followUp);
  });

  it('after the one follow-up the contact is awaiting reply', () => {
    const followUp = message('outbound', T0 + 2 * DAY, { kind: 'template', followUp: true });
    const w = windowAt([inbound, followUp], T0 + 3 * DAY);
    expect(w.state).toBe('awaiting-reply');
    expect(w.followUp).toBe('sent');
    expect(w.followUpSentAt).toBe(T0 + 2 * DAY);
    expect(canSendFreeForm(w)).toBe(false);
  });

  it('a failed follow-up does not use up the allowance', () => {
    const failed = message('outbound', T0 + 2 * DAY, { kind: 'template', followUp: true, status: 'failed' });
    expect(windowAt([inbound, failed], T0 + 3 * DAY).state).toBe('closed');
  });

  it('a reply opens a new window and renews the allowance', () => {
    const followUp = message('outbound', T0 + 2 * DAY, { kind: 'template', followUp: true });
    const reply = message('inbound', T0 + 2 * DAY + HOUR);
    const open = windowAt([inbound, followUp, reply], T0 + 2 * DAY + 2 * HOUR);
    expect(open.state).toBe('open');
    expect(open.followUpSentAt).toBeNull();
    expect(windowAt([inbound, followUp, reply], T0 + 4 * DAY).followUp).toBe('ready');
  });

  it('a customer who never wrote has no window; a template to them leaves them awaiting reply', () => {
    expect(windowAt([], T0).state).toBe('none');
    expect(windowAt([], T0, { status: 'none' }).followUp).toBe('no-opt-in');
    const started = message('outbound', T0, { kind: 'template', followUp: true });
    expect(windowAt([started], T0 + HOUR).state).toBe('awaiting-reply');
  });

  it('free-form sending is refused with a reason in every state but open and closing', () => {
    expect(freeFormRefusal(windowAt([inbound], T0))).toBeNull();
    expect(freeFormRefusal(windowAt([inbound], T0 + DAY - 1))).toBeNull();
    expect(freeFormRefusal(windowAt([inbound], T0 + DAY))).toMatch(/24-hour window has closed/);
    expect(freeFormRefusal(windowAt([], T0))).toMatch(/not written to you yet/);
  });
});

describe('properties over random message sequences', () => {
  const arbMessage = fc.record({
    direction: fc.constantFrom('inbound' as const, 'outbound' as const),
    offset: fc.integer({ min: 0, max: 10 * DAY }),
    followUp: fc.boolean(),
    failed: fc.boolean(),
  });
  const toMessages = (
    specs: { direction: 'inbound' | 'outbound'; offset: number; followUp: boolean; failed: boolean }[],
  ) =>
    specs.map((s) =>
      message(s.direction, T0 + s.offset, {
        followUp: s.direction === 'outbound' && s.followUp,
        kind: s.direction === 'outbound' && s.followUp ? 'template' : 'text',
        status: s.direction === 'inbound' ? 'received' : s.failed ? 'failed' : 'sent',
      }),
    );

  it('expiry is always the latest inbound + 24 h, whatever the order of arrival', () => {
    fc.assert(
      fc.property(
        fc.array(arbMessage, { maxLength: 40 }),
        fc.integer({ min: 0, max: 12 * DAY }),
        (specs, elapsed) => {
          const messages = toMessages(specs);
          const inbound = messages.filter((m) => m.direction === 'inbound').map((m) => m.at);
          const w = windowAt(messages, T0 + elapsed);
          const reversed = windowAt([...messages].reverse(), T0 + elapsed);
          expect(reversed).toEqual(w);
          if (inbound.length === 0) expect(w.expiresAt).toBeNull();
          else expect(w.expiresAt).toBe(Math.max(...inbound) + DAY);
        },
      ),
    );
  });

  it('the state agrees with the clock, and outbound messages never change the expiry', () => {
    fc.assert(
      fc.property(
        fc.array(arbMessage, { maxLength: 40 }),
        fc.integer({ min: 0, max: 12 * DAY }),
        (specs, elapsed) => {
          const messages = toMessages(specs);
          const now = T0 + elapsed;
          const w = windowAt(messages, now);
          const inboundOnly = windowAt(
            messages.filter((m) => m.direction === 'inbound'),
            now,
          );
          expect(w.expiresAt).toBe(inboundOnly.expiresAt);
          if (w.expiresAt !== null && now < w.expiresAt) {
            expect(['open', 'closing']).toContain(w.state);
            expect(canSendFreeForm(w)).toBe(true);
          } else {
            expect(['none', 'closed', 'awaiting-reply']).toContain(w.state);
            expect(canSendFreeForm(w)).toBe(false);
          }
        },
      ),
    );
  });

  it('awaiting reply exactly when a non-failed follow-up was sent after the last inbound and the window is shut', () => {
    fc.assert(
      fc.property(
        fc.array(arbMessage, { maxLength: 30 }),
        fc.integer({ min: 0, max: 12 * DAY }),
        (specs, elapsed) => {
          const messages = toMessages(specs);
          const now = T0 + elapsed;
          const lastInbound = Math.max(
            -Infinity,
            ...messages.filter((m) => m.direction === 'inbound').map((m) => m.at),
          );
          const followedUp = messages.some((m) => m.followUp && m.status !== 'failed' && m.at > lastInbound);
          const shut = lastInbound === -Infinity || now >= lastInbound + DAY;
          expect(windowAt(messages, now).state === 'awaiting-reply').toBe(followedUp && shut);
        },
      ),
    );
  });
});
