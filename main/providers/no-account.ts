import type { MessagingProvider, SendOutcome } from '../services/ports';

/**
 * The owner's own workspace before a WhatsApp account is connected: nothing is sent and nothing arrives.
 * A send is refused with a reason the owner can act on, so it is recorded as not sent, the draft stays,
 * and no follow-up allowance is used up.
 */
export const noAccountProvider: MessagingProvider = {
  name: 'no-account',
  isAccount: false,
  send: (): Promise<SendOutcome> =>
    Promise.resolve({
      ok: false,
      reason: 'no WhatsApp account is connected yet, so CareWindow cannot send messages from this workspace',
      retryable: false,
    }),
  onInbound: () => () => undefined,
  onStatus: () => () => undefined,
};
