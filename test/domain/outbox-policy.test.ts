import { describe, expect, it } from 'vitest';
import { nextStatus } from '../../main/domain/message-status';
import {
  decideAfterFailure,
  RATE_LIMIT_BASE,
  RETRY_BASE,
  RETRY_CAP,
  retryDelay,
} from '../../main/domain/outbox-policy';
import { categoryOf, statusOf } from '../../main/domain/templates/remote-template';

describe('what the outbox does after a failed send', () => {
  it.each([
    ['network', false, 'retry'],
    ['rate-limited', true, 'retry'],
    ['timeout-after-send', false, 'unconfirmed'],
    ['auth', false, 'stop'],
    ['permission', false, 'stop'],
    ['window-closed', false, 'fail'],
    ['marketing-limit', false, 'fail'],
    ['marketing-stopped', false, 'fail'],
    ['invalid-parameter', false, 'fail'],
    [undefined, true, 'retry'],
    [undefined, false, 'fail'],
  ] as const)('%s (retryable %s) → %s', (kind, retryable, decision) => {
    expect(decideAfterFailure(kind, retryable)).toBe(decision);
  });

  it('backs off exponentially with jitter in the upper half of each step, capped', () => {
    expect(retryDelay(1, 0)).toBe(RETRY_BASE / 2);
    expect(retryDelay(1, 0.999_999)).toBeCloseTo(RETRY_BASE, -1);
    expect(retryDelay(2, 0)).toBe(RETRY_BASE);
    expect(retryDelay(3, 0)).toBe(2 * RETRY_BASE);
    expect(retryDelay(1, 0, RATE_LIMIT_BASE)).toBe(RATE_LIMIT_BASE / 2);
    expect(retryDelay(50, 1)).toBe(RETRY_CAP);
    expect(retryDelay(50, 0)).toBe(RETRY_CAP / 2);
  });
});

describe('statuses only move forward', () => {
  it.each([
    ['sent', 'delivered', 'delivered'],
    ['read', 'delivered', 'read'],
    ['read', 'sent', 'read'],
    ['queued', 'read', 'read'],
    ['unconfirmed', 'sent', 'sent'],
    ['failed', 'read', 'failed'],
    ['delivered', 'failed', 'failed'],
  ] as const)('%s + %s → %s', (current, reported, next) => {
    expect(nextStatus(current, reported)).toBe(next);
  });
});

describe('the platform’s template statuses and categories', () => {
  it.each([
    ['APPROVED', 'approved'],
    ['PENDING', 'pending'],
    ['IN_APPEAL', 'pending'],
    ['REJECTED', 'rejected'],
    ['PAUSED', 'paused'],
    ['DISABLED', 'disabled'],
    ['PENDING_DELETION', 'disabled'],
    ['SOMETHING_NEW', 'pending'],
  ] as const)('%s → %s', (remote, local) => {
    expect(statusOf(remote)).toBe(local);
  });

  it('reads an unknown category as marketing, the strictest', () => {
    expect(categoryOf('UTILITY')).toBe('utility');
    expect(categoryOf('AUTHENTICATION')).toBe('authentication');
    expect(categoryOf('NEW_KIND')).toBe('marketing');
  });
});
