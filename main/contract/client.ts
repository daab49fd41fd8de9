import { AppError, type Envelope } from './errors';
import { callNames } from './channels';
import type { BridgeApi, CareWindowApi } from './ipc';

// The preload imports bridge.ts directly (no zod in its bundle); the rest of the app may come through here.
export { createBridgeApi, type BridgeTransport } from './bridge';

type AnyFn = (...args: unknown[]) => Promise<unknown>;

/** Wraps the bridge so a failed call rejects with an AppError carrying code, message and field errors. */
export function unwrapBridgeApi(bridge: BridgeApi): CareWindowApi {
  const source = bridge as unknown as Record<string, Record<string, AnyFn>>;
  const api: Record<string, unknown> = {};
  for (const [area, methods] of Object.entries(callNames)) {
    const group: Record<string, AnyFn> = {};
    for (const method of methods) {
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
