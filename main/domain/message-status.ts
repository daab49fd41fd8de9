import type { MessageStatus } from '../contract/model';

/** Before the platform confirmed anything, every state ranks alike: any report moves it forward. */
const ORDER: Record<MessageStatus, number> = {
  received: 0,
  pending: 0,
  queued: 0,
  sending: 0,
  unconfirmed: 0,
  sent: 1,
  delivered: 2,
  read: 3,
  failed: 4,
};

/**
 * Delivery reports arrive at least once and in any order (DESIGN §6, Webhooks); a status only ever moves
 * forward (sent → delivered → read), so a late "delivered" never undoes "read" and a late "sent" after
 * "read" is ignored. A failure is final and keeps its errors.
 */
export function nextStatus(current: MessageStatus, reported: MessageStatus): MessageStatus {
  if (current === 'failed') return current;
  return ORDER[reported] > ORDER[current] ? reported : current;
}

/** Whether the platform has confirmed the message left (sent, delivered or read). */
export function isConfirmed(status: MessageStatus): boolean {
  return status === 'sent' || status === 'delivered' || status === 'read';
}
