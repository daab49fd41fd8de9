import type { Activity, CareWindow } from '../contract/model';
import { canSendFreeForm } from './care-window';

/**
 * "Waiting for you": the customer wrote last, nothing has answered them since, and the window is still
 * open, so the owner can still answer freely. An answer stored in the same millisecond as the customer's
 * message came after it (as in reminders' isRemindable). Once the window closes the state itself says
 * what is left to do (a follow-up), so a closed window is never "waiting".
 */
export function isWaitingForYou(
  activity: Pick<Activity, 'lastInboundAt' | 'lastOutboundAt'>,
  window: Pick<CareWindow, 'state'>,
): boolean {
  if (activity.lastInboundAt === null || !canSendFreeForm(window)) return false;
  return activity.lastOutboundAt === null || activity.lastOutboundAt < activity.lastInboundAt;
}
