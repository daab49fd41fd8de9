import { z } from 'zod';
import {
  Id,
  Message,
  MessageFailure,
  MessageMedia,
  MessagePricing,
  MessageStatus,
  ReactionMark,
} from '../contract/model';

/** The lines of a history after its header: a message, or a later change of a message's status. */
export const MessageEvent = z.object({ t: z.literal('m'), m: Message });
/** A delivery status change; an absent providerId or error means "unchanged", null clears it. */
export const StatusEvent = z.object({
  t: z.literal('s'),
  id: Id,
  status: MessageStatus,
  providerId: z.string().max(200).nullable().optional(),
  error: z.string().max(1000).nullable().optional(),
  /** The classified failure (outbox) and the platform's billing (status webhooks); absent: unchanged. */
  failure: MessageFailure.nullable().optional(),
  pricing: MessagePricing.nullable().optional(),
  /** A media download's progress (services/media-downloads.ts) and the reactions on the message; absent: unchanged. */
  media: MessageMedia.optional(),
  reactions: z.array(ReactionMark).max(2).optional(),
});
export const LogEvent = z.discriminatedUnion('t', [MessageEvent, StatusEvent]);
export type MessageEvent = z.infer<typeof MessageEvent>;
export type StatusEvent = z.infer<typeof StatusEvent>;
export type LogEvent = z.infer<typeof LogEvent>;

/** Applies a status event to the message it names. */
export function applyStatus(message: Message, event: StatusEvent): Message {
  const next: Message = {
    ...message,
    status: event.status,
    providerId: event.providerId === undefined ? message.providerId : event.providerId,
    error: event.error === undefined ? message.error : event.error,
  };
  // Optional fields: unchanged when the event is silent, gone when it says null.
  const failure = event.failure === undefined ? message.failure : event.failure;
  if (failure) next.failure = failure;
  else delete next.failure;
  const pricing = event.pricing === undefined ? message.pricing : event.pricing;
  if (pricing) next.pricing = pricing;
  else delete next.pricing;
  if (event.media) next.media = event.media;
  if (event.reactions && event.reactions.length > 0) next.reactions = event.reactions;
  else if (event.reactions) delete next.reactions;
  return next;
}

/**
 * Replays events into messages, in log order, each with its latest status. A status for an id not in
 * `events` is not applied but counted, so a caller folding only a tail knows it needs the whole history.
 */
export function foldLog(events: readonly LogEvent[]): { messages: Message[]; strayStatuses: number } {
  const messages: Message[] = [];
  const indexById = new Map<string, number>();
  let strayStatuses = 0;
  for (const event of events) {
    if (event.t === 'm') {
      indexById.set(event.m.id, messages.length);
      messages.push(event.m);
    } else {
      const index = indexById.get(event.id);
      const message = index === undefined ? undefined : messages[index];
      if (index === undefined || message === undefined) strayStatuses++;
      else messages[index] = applyStatus(message, event);
    }
  }
  return { messages, strayStatuses };
}
