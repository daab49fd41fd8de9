import type { SendFailureKind } from '../contract/model';
import { MINUTE, SECOND } from './durations';

/**
 * What the outbox does with a send that did not succeed:
 * - retry: it never reached the platform, or the platform asked to slow down: send it again later;
 * - unconfirmed: the request may have reached the platform (no answer): never sent again by itself, so a
 *   customer never gets the same message twice; a status webhook or the owner settles it;
 * - stop: the connection itself is refused (token, permission): nothing more is tried until the owner
 *   reconnects, and the message waits its turn;
 * - fail: the platform refused this message; sending it again would be refused again.
 */
export type SendDecision = 'retry' | 'unconfirmed' | 'stop' | 'fail';

export function decideAfterFailure(kind: SendFailureKind | undefined, retryable: boolean): SendDecision {
  switch (kind) {
    case 'timeout-after-send':
      return 'unconfirmed';
    case 'auth':
    case 'permission':
      return 'stop';
    case 'network':
    case 'rate-limited':
      return 'retry';
    case undefined:
      // A provider that does not classify (the simulator): its own flag decides.
      return retryable ? 'retry' : 'fail';
    default:
      return retryable ? 'retry' : 'fail';
  }
}

/** The first retry waits about this long; each next one twice as long. */
export const RETRY_BASE = 5 * SECOND;
/** A rate limit is the platform asking for a pause: start with a longer one. */
export const RATE_LIMIT_BASE = MINUTE;
/** However many attempts failed, the next one comes within this (while the app runs). */
export const RETRY_CAP = 15 * MINUTE;

/**
 * Exponential backoff with jitter: base × 2^(attempt−1), capped, then spread over its upper half by
 * `random` (0 ≤ random < 1), so many queued sends coming back online do not all fire at once, and none
 * waits less than half its step. `attempt` counts failed attempts so far (1 after the first).
 */
export function retryDelay(attempt: number, random: number, base: number = RETRY_BASE): number {
  const step = Math.min(RETRY_CAP, base * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  const spread = Math.min(Math.max(random, 0), 1);
  return Math.round(step / 2 + (step / 2) * spread);
}
