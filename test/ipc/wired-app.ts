import { afterEach } from 'vitest';
import type { Envelope } from '../../main/contract/errors';
import { registerHandlers, type HandlerTransport } from '../../main/ipc/router';
import { startApp, type Harness } from '../services/harness';
import { silentLog } from '../support/recorders';
import { useTempDirs } from '../support/temp-dir';

export interface WiredApp {
  harness: Harness;
  /** A call as the renderer makes it: the argument list goes through the router's validation. */
  call: (channel: string, ...args: unknown[]) => Promise<Envelope<unknown>>;
  /** Like call, for a result expected to be ok: fails the test otherwise. */
  value: <T>(channel: string, ...args: unknown[]) => Promise<T>;
}

/**
 * Opening a workspace on a shared, busy machine takes seconds. Nothing waits on time; this only keeps a
 * slow start from failing a test.
 */
export const WIRED_TEST_TIMEOUT = 30_000;

/** The real composition root on a temp folder with a fake clock, behind the real router. */
export function useWiredApps(): () => Promise<WiredApp> {
  const tempDir = useTempDirs();
  const running: Harness[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((h) => h.app.close()));
  });
  return async () => {
    const harness = await startApp(await tempDir());
    running.push(harness);
    const channels = new Map<string, (args: unknown) => Promise<Envelope<unknown>>>();
    const transport: HandlerTransport = { handle: (channel, handler) => channels.set(channel, handler) };
    registerHandlers(transport, harness.app.handlers, silentLog);
    const call = (channel: string, ...args: unknown[]) => {
      const handler = channels.get(channel);
      if (!handler) throw new Error(`no channel ${channel}`);
      return handler(args);
    };
    const value = async <T>(channel: string, ...args: unknown[]): Promise<T> => {
      const result = await call(channel, ...args);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
      return result.value as T;
    };
    return { harness, call, value };
  };
}
