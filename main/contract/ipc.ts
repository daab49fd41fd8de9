import type { z } from 'zod';
import type { Envelope } from './errors';
import { channelName } from './channels';
import { answeringCalls } from './calls-answering';
import { contactCalls } from './calls-contacts';
import { conversationCalls } from './calls-conversation';
import { workspaceCalls } from './calls-workspace';
import { events } from './events';

/**
 * The one IPC contract. Every call the renderer can make and every event the main process can push is
 * declared in it, with zod schemas that the main process checks before a handler runs: each area's calls
 * in calls-*.ts, the events in events.ts, gathered here. The preload, the preview bridge and the handler
 * registry are all derived from these tables, so a channel cannot exist on one side only. Channel names
 * are `area:method`.
 */
export const calls = {
  ...contactCalls,
  ...conversationCalls,
  ...answeringCalls,
  ...workspaceCalls,
} as const;

export { events };
export type { HistoryPage } from './calls-conversation';

type Calls = typeof calls;
export type Area = keyof Calls;
export type MethodOf<A extends Area> = keyof Calls[A] & string;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;

type CallDef = { args: z.ZodTuple; result: z.ZodType };
type ArgsOf<D> = D extends CallDef ? z.input<D['args']> : never;
type ParsedArgsOf<D> = D extends CallDef ? z.output<D['args']> : never;
type ResultOf<D> = D extends CallDef ? z.output<D['result']> : never;

type Subscribe = {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/**
 * What the preload exposes as `window.careWindow`. Calls resolve to an envelope, because an Error thrown
 * across Electron's context bridge arrives as bare text; the renderer unwraps it (`CareWindowApi`).
 */
export type BridgeApi = {
  [A in Area]: {
    [M in MethodOf<A>]: (...args: ArgsOf<Calls[A][M]>) => Promise<Envelope<ResultOf<Calls[A][M]>>>;
  };
} & Subscribe;

/** What the renderer's code uses: failed calls reject with an AppError. */
export type CareWindowApi = {
  [A in Area]: { [M in MethodOf<A>]: (...args: ArgsOf<Calls[A][M]>) => Promise<ResultOf<Calls[A][M]>> };
} & Subscribe;

/** What the main process implements: receives validated arguments. */
export type Handlers = {
  [A in Area]: {
    [M in MethodOf<A>]: (
      ...args: ParsedArgsOf<Calls[A][M]>
    ) => Promise<ResultOf<Calls[A][M]>> | ResultOf<Calls[A][M]>;
  };
};

/** Every call channel, as [area, method, channel name]. */
export const callChannels: ReadonlyArray<readonly [Area, string, string]> = Object.entries(calls).flatMap(
  ([area, methods]) =>
    Object.keys(methods).map((method) => [area as Area, method, channelName(area, method)] as const),
);

// The names alone live in channels.ts (the preload's bundle has no zod); re-exported for main's code.
export { channelName, eventNames, isEventName } from './channels';
