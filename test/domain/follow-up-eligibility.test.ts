import { describe, expect, it } from 'vitest';
import {
  FollowUpRefusal,
  type FollowUpFixAction,
  type OptIn,
  type TemplateStatus,
  type WindowState,
} from '../../main/contract/model';
import {
  followUpEligibility,
  inWindowTemplateEligibility,
  type EligibilityInput,
} from '../../main/domain/follow-up/eligibility';

const STATES: WindowState[] = ['none', 'open', 'closing', 'closed', 'awaiting-reply'];
const OPT_INS: OptIn['status'][] = ['none', 'opted-in', 'opted-out'];
const TEMPLATES: (TemplateStatus | null)[] = [null, 'approved', 'pending', 'rejected', 'paused', 'disabled'];
const BOOLS = [false, true];

/**
 * The rule, restated as the issue states it, independently of the implementation: a follow-up needs a
 * closed window, an active opt-in, an approved template, every placeholder filled, and no follow-up since
 * the customer's last message. When several fail, the reason given is the first in this order.
 */
function expected(c: {
  state: WindowState;
  optIn: OptIn['status'];
  template: TemplateStatus | null;
  followUpSent: boolean;
  missing: boolean;
  /** A marketing template to a US number (pricing/us-marketing.ts). */
  paused?: boolean;
  /** A marketing template to a customer who pressed "Stop promotions". */
  stopped?: boolean;
}): FollowUpRefusal | 'allowed' {
  const windowClosed = c.state === 'closed' || c.state === 'awaiting-reply' || c.state === 'none';
  if (!windowClosed) return 'window-open';
  if (c.optIn === 'opted-out') return 'opted-out';
  if (c.optIn !== 'opted-in') return 'no-opt-in';
  if (c.followUpSent || c.state === 'awaiting-reply') return 'already-sent';
  if (c.template === null) return 'no-template';
  if (c.template !== 'approved') return 'template-not-approved';
  if (c.stopped) return 'opted-out-of-marketing';
  if (c.paused) return 'marketing-not-delivered';
  if (c.missing) return 'missing-field';
  return 'allowed';
}

const combinations = STATES.flatMap((state) =>
  OPT_INS.flatMap((optIn) =>
    TEMPLATES.flatMap((template) =>
      BOOLS.flatMap((followUpSent) =>
        BOOLS.flatMap((missing) =>
          BOOLS.flatMap((optInRequested) =>
            BOOLS.flatMap((paused) =>
              BOOLS.map((stopped) => ({
                state,
                optIn,
                template,
                followUpSent,
                missing,
                optInRequested,
                paused,
                stopped,
              })),
            ),
          ),
        ),
      ),
    ),
  ),
);

const input = (c: (typeof combinations)[number]): EligibilityInput => ({
  window: c.state,
  followUpSent: c.followUpSent,
  optIn: c.optIn,
  optInRequested: c.optInRequested,
  template: c.template === null ? null : { name: 'ticket_update', language: 'en_US', status: c.template },
  missing: c.missing ? [{ placeholder: '{ticket_ID}', field: 'ticket_ID' }] : [],
  marketingPaused: c.paused,
  optedOutOfMarketing: c.stopped,
  contactName: 'Maria Jansen',
});

describe('follow-up eligibility: the truth table', () => {
  it(`reaches every outcome the contract names, and no other, over all ${combinations.length} combinations`, () => {
    const outcomes = new Set(
      combinations.map((c) => {
        const result = followUpEligibility(input(c));
        return result.allowed ? 'allowed' : result.refusal.code;
      }),
    );
    expect([...outcomes].sort()).toEqual(['allowed', ...FollowUpRefusal.options].sort());
  });

  it('gives the same reason whether or not a START is waiting: it changes the fix, not the rule', () => {
    for (const c of combinations.filter((c) => !c.optInRequested)) {
      const without = followUpEligibility(input(c));
      const withStart = followUpEligibility(input({ ...c, optInRequested: true }));
      expect(withStart.allowed).toBe(without.allowed);
      if (!without.allowed && !withStart.allowed) expect(withStart.refusal.code).toBe(without.refusal.code);
    }
  });

  it.each(combinations)(
    'window $state, opt-in $optIn (START pending: $optInRequested), template $template, follow-up sent $followUpSent, missing $missing',
    (c) => {
      const result = followUpEligibility(input(c));
      const want = expected(c);
      if (want === 'allowed') {
        expect(result).toEqual({ allowed: true });
      } else {
        expect(result.allowed).toBe(false);
        if (!result.allowed) {
          expect(result.refusal.code).toBe(want);
          expect(result.refusal.message).not.toBe('');
        }
      }
    },
  );

  it('allows exactly the closed (or never-opened) windows with an opt-in, an approved, filled template and no follow-up yet', () => {
    const allowed = combinations.filter((c) => followUpEligibility(input(c)).allowed);
    expect(allowed.map((c) => [c.state, c.optIn, c.template, c.followUpSent, c.missing])).toEqual([
      ['none', 'opted-in', 'approved', false, false],
      ['none', 'opted-in', 'approved', false, false],
      ['closed', 'opted-in', 'approved', false, false],
      ['closed', 'opted-in', 'approved', false, false],
    ]);
  });
});

describe('each refusal says what is wrong and offers the action that fixes it', () => {
  const base = {
    state: 'closed' as WindowState,
    optIn: 'opted-in' as OptIn['status'],
    template: 'approved' as TemplateStatus | null,
    followUpSent: false,
    missing: false,
    optInRequested: false,
    stopped: false,
    paused: false,
  };
  it.each<[string, Partial<typeof base>, FollowUpRefusal, FollowUpFixAction, RegExp]>([
    [
      'stopped promotions, marketing template',
      { stopped: true },
      'opted-out-of-marketing',
      'choose-template',
      /pressed “Stop promotions”.*Choose a utility template/,
    ],
    [
      'stopped promotions, then START',
      { stopped: true, optInRequested: true },
      'opted-out-of-marketing',
      'confirm-opt-in',
      /stopped promotions, then wrote START/,
    ],
    [
      'open window',
      { state: 'open' },
      'window-open',
      'write-message',
      /still open: write a normal message\. A follow-up/,
    ],
    ['no opt-in', { optIn: 'none' }, 'no-opt-in', 'edit-contact', /has not opted in/],
    ['START waiting', { optIn: 'none', optInRequested: true }, 'no-opt-in', 'confirm-opt-in', /wrote START/],
    ['opted out', { optIn: 'opted-out' }, 'opted-out', 'edit-contact', /opted out of messages/],
    [
      'opted out, then START',
      { optIn: 'opted-out', optInRequested: true },
      'opted-out',
      'confirm-opt-in',
      /then wrote START/,
    ],
    [
      'already followed up',
      { state: 'awaiting-reply', followUpSent: true },
      'already-sent',
      'wait-for-reply',
      /already sent to Maria Jansen/,
    ],
    ['no template', { template: null }, 'no-template', 'choose-template', /No template is chosen/],
    [
      'paused template',
      { template: 'paused' },
      'template-not-approved',
      'choose-template',
      /is paused, not approved/,
    ],
    [
      'missing field',
      { missing: true },
      'missing-field',
      'edit-contact',
      /\{ticket_ID\} would be empty \(no “ticket_ID”\)\. Fill in ticket_ID on Maria Jansen’s contact/,
    ],
  ])('%s', (_label, patch, code, action, message) => {
    const result = followUpEligibility(input({ ...base, ...patch }));
    expect(result.allowed).toBe(false);
    if (result.allowed) return;
    expect(result.refusal.code).toBe(code);
    expect(result.refusal.fix.action).toBe(action);
    expect(result.refusal.message).toMatch(message);
  });

  it('an unmapped placeholder points at the template, not the contact', () => {
    const result = followUpEligibility({
      ...input(base),
      missing: [{ placeholder: '{{2}}', field: null }],
    });
    expect(!result.allowed && result.refusal.fix).toEqual({
      action: 'edit-template',
      label: 'Edit template',
    });
  });
});

describe('a template inside the open window (not the follow-up)', () => {
  const template = { name: 'order_ready', language: 'nl', status: 'approved' as TemplateStatus };
  const inWindow = (patch: Partial<Parameters<typeof inWindowTemplateEligibility>[0]> = {}) =>
    inWindowTemplateEligibility({
      optIn: 'none',
      optInRequested: false,
      template,
      missing: [],
      contactName: 'Maria Jansen',
      ...patch,
    });

  it('needs no opt-in and no allowance', () => {
    expect(inWindow()).toEqual({ allowed: true });
  });

  it.each<[Partial<Parameters<typeof inWindowTemplateEligibility>[0]>, FollowUpRefusal]>([
    [{ optIn: 'opted-out' }, 'opted-out'],
    [{ optedOutOfMarketing: true }, 'opted-out-of-marketing'],
    [{ template: null }, 'no-template'],
    [{ template: { ...template, status: 'rejected' } }, 'template-not-approved'],
    [{ missing: [{ placeholder: '{{2}}', field: 'order_number' }] }, 'missing-field'],
  ])('but is refused when %o', (patch, code) => {
    const result = inWindow(patch);
    expect(!result.allowed && result.refusal.code).toBe(code);
  });
});
