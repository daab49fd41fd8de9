import { AppError, type Envelope } from './errors';
import { calls, isEventName, type BridgeApi, type CareWindowApi, type EventName } from './ipc';

/** The two things a bridge has to provide; Electron's preload and the preview bridge each implement them. */
export interface BridgeTransport {
  invoke(channel: string, args: unknown[]): Promise<Envelope<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

type AnyFn = (...args: unknown[]) => Promise<unknown>;

/** Builds the bridge object from the contract: one named function per call, nothing generic. */
export function createBridgeApi(transport: BridgeTransport): BridgeApi {
  const api: Record<string, unknown> = {};
  for (const [area, methods] of Object.entries(calls)) {
    const group: Record<string, AnyFn> = {};
    for (const method of Object.keys(methods)) {
      const channel = `${area}:${method}`;
      group[method] = (...args: unknown[]) => transport.invoke(channel, args);
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

/** Wraps the bridge so a failed call rejects with an AppError carrying code, message and field errors. */
export function unwrapBridgeApi(bridge: BridgeApi): CareWindowApi {
  const source = bridge as unknown as Record<string, Record<string, AnyFn>>;
  const api: Record<string, unknown> = {};
  for (const [area, methods] of Object.entries(calls)) {
    const group: Record<string, AnyFn> = {};
    for (const method of Object.keys(methods)) {
      group[method] = async (...args: unknown[]) => {
        const fn = source[area]?.[method];
        if (!fn)
          throw new AppError({
            code: 'internal',
            message: `The app is missing ${area}.${method}; restart it.`,
          });
        const envelope = (await fn(...args)) as Envelope<unknown>;
        if (envelope.ok) return envelope.value;
        throw new AppError(envelope.error);
      };
    }
    api[area] = group;
  }
  const on: CareWindowApi['on'] = (event, listener) => bridge.on(event, listener);
  api.on = on;
  return api as unknown as CareWindowApi;
}
