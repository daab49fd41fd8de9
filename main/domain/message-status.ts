import type { MessageStatus } from '../contract/model';

const ORDER: Record<MessageStatus, number> = {
  received: 0,
  pending: 0,
  sent: 1,
  delivered: 2,
  read: 3,
  failed: 4,
};

/**
 * Delivery reports arrive at least once and in any order; a status only ever moves forward
 * (sent → delivered → read), so a late "delivered" never undoes "read". A failure is final.
 */
export function nextStatus(current: MessageStatus, reported: MessageStatus): MessageStatus {
  if (current === 'failed') return current;
  return ORDER[reported] > ORDER[current] ? reported : current;
}
