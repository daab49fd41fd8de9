import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContactRow, WindowState } from '../../main/contract/model';
import { topRows, topRowsCompleting } from '../../main/services/contact-pages';
import { NO_ACTIVITY } from '../../main/domain/activity';
import { contact } from '../store/store-test-kit';

/**
 * The first screen orders 10,000 rows built without their follow-up readiness and completes only the ones
 * it needs: the answer must be the one cut from the completed list, whatever the rows.
 */
function row(i: number, state: WindowState, at: number, ready: boolean, waiting: boolean): ContactRow {
  const closed = state === 'closed' || state === 'none';
  return {
    // Few names, so ties on time are broken by name and then by id.
    contact: contact(`c${i}`, { name: ['Anna', 'Bram', 'Chloé', 'Ömer'][i % 4] ?? 'Anna' }),
    activity: NO_ACTIVITY,
    window: {
      state,
      openedAt: null,
      expiresAt: at,
      nextChangeAt: null,
      followUp: closed ? (ready ? 'ready' : 'no-opt-in') : state === 'awaiting-reply' ? 'sent' : 'not-needed',
      followUpSentAt: state === 'awaiting-reply' ? at : null,
    },
    nextReminder: null,
    unread: 0,
    waiting: waiting && (state === 'open' || state === 'closing'),
  };
}

/** Completing blocks the follow-up of some "ready" windows (a missing field), as the real rule may. */
function completer(blocked: ReadonlySet<string>) {
  const calls: string[] = [];
  const complete = (r: ContactRow): ContactRow => {
    calls.push(r.contact.id);
    if (r.window.followUp !== 'ready' || !blocked.has(r.contact.id)) return r;
    return { ...r, window: { ...r.window, followUp: 'blocked', followUpRefusal: 'missing-field' } };
  };
  return { complete, calls };
}

const arbitraryRows = fc
  .array(
    fc.record({
      state: fc.constantFrom<WindowState>('open', 'closing', 'closed', 'closed', 'awaiting-reply', 'none'),
      at: fc.integer({ min: 0, max: 20 }),
      ready: fc.boolean(),
      waiting: fc.boolean(),
      blocked: fc.boolean(),
    }),
    { maxLength: 80 },
  )
  .map((specs) => ({
    rows: specs.map((s, i) => row(i, s.state, s.at, s.ready, s.waiting)),
    blocked: new Set(specs.flatMap((s, i) => (s.blocked ? [`c${i}`] : []))),
  }));

describe('topRowsCompleting', () => {
  it('gives the cut of the completed list, for any rows and any limit', () => {
    fc.assert(
      fc.property(arbitraryRows, fc.integer({ min: 1, max: 90 }), ({ rows, blocked }, limit) => {
        const { complete } = completer(blocked);
        const expected = topRows(rows.map(complete), limit);
        expect(topRowsCompleting(rows, limit, complete)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('completes about as many closed windows as it shows when most are ready', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => row(i, 'closed', i, true, false));
    const blocked = new Set(['c4999', 'c4990', 'c4000']);
    const { complete, calls } = completer(blocked);
    const top = topRowsCompleting(rows, 200, complete);
    const reference = completer(blocked).complete;
    expect(top.map((r) => r.contact.id)).toEqual(topRows(rows.map(reference), 200).map((r) => r.contact.id));
    expect(top.every((r) => r.window.followUp === 'ready')).toBe(true);
    expect(calls.length).toBeLessThanOrEqual(400);
  });

  it('completes every closed window when none turns out ready, and still orders them', () => {
    const rows = Array.from({ length: 300 }, (_, i) => row(i, 'closed', i % 7, true, false));
    const blocked = new Set(rows.map((r) => r.contact.id));
    const { complete, calls } = completer(blocked);
    const top = topRowsCompleting(rows, 50, complete);
    expect(new Set(calls).size).toBe(300);
    expect(top).toEqual(topRows(rows.map(completer(blocked).complete), 50));
  });
});
