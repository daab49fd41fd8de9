import type { Envelope } from './errors';
import { callNames, channelName, isEventName, type EventName } from './channels';
import type { BridgeApi } from './ipc';

/**
 * The preload's half of the client: builds `window.careWindow` from the channel names alone. Imports of
 * ipc.ts and errors.ts are types only, so the preload bundle stays free of zod and the schemas.
 */

/** The two things a bridge has to provide; Electron's preload and the preview bridge each implement them. */
export interface BridgeTransport {
  invoke(channel: string, args: unknown[]): Promise<Envelope<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

type AnyFn = (...args: unknown[]) => Promise<unknown>;

/** Builds the bridge object from the contract: one named function per call, nothing generic. */
export function createBridgeApi(transport: BridgeTransport): BridgeApi {
  const api: Record<string, unknown> = {};
  for (const [area, methods] of Object.entries(callNames)) {
    const group: Record<string, AnyFn> = {};
    for (const method of methods) {
      const channel = channelName(area, method);
      group[method] = (...args: unknown[]) => transport.invoke(channel, withoutTrailingUndefined(args));
    }
    api[area] = Object.freeze(group);
  }
  api.on = (event: string, listener: (payload: unknown) => void) => {
    if (!isEventName(event)) throw new Error(`Unknown event: ${event}`);
    if (typeof listener !== 'function') throw new Error('The listener must be a function.');
    return transport.subscribe(event, listener);
  };
  return Object.freeze(api) as unknown as BridgeApi;
}

/**
 * An optional argument left out and one passed as `undefined` are the same call; only the first survives
 * JSON (the preview bridge's WebSocket turns `[id, undefined]` into `[id, null]`, which the schema refuses).
 */
function withoutTrailingUndefined(args: unknown[]): unknown[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return end === args.length ? args : args.slice(0, end);
}
