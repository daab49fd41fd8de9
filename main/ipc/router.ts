import type { z } from 'zod';
import { AppError, type AppErrorShape, type Envelope } from '../contract/errors';
import { calls, channelName, type Handlers } from '../contract/ipc';
import type { Logger } from '../services/ports';

/**
 * One side of a transport: Electron's ipcMain, or the preview host's WebSocket. A transport passes the
 * argument list on exactly as it arrived: only the router decides what a valid one is.
 */
export interface HandlerTransport {
  handle(channel: string, handler: (args: unknown) => Promise<Envelope<unknown>>): void;
}

type AnyHandler = (...args: unknown[]) => unknown;

/**
 * Registers every handler from the contract onto a transport. Arguments are validated against the
 * channel's schema before the handler runs, and every outcome travels back as an envelope: a malformed
 * call gets a typed 'invalid-input' error, a thrown AppError keeps its code, anything else is logged and
 * reported without crashing the main process.
 */
export function registerHandlers(transport: HandlerTransport, handlers: Handlers, log: Logger): void {
  for (const [area, methods] of Object.entries(calls)) {
    const areaHandlers = (handlers as unknown as Record<string, Record<string, AnyHandler>>)[area];
    for (const [method, def] of Object.entries(methods) as [string, { args: z.ZodTuple }][]) {
      const handler = areaHandlers?.[method];
      if (!handler) throw new Error(`No handler for ${channelName(area, method)}`);
      const channel = channelName(area, method);
      transport.handle(channel, (args) => dispatch(channel, def.args, handler, args, log));
    }
  }
}

async function dispatch(
  channel: string,
  schema: z.ZodTuple,
  handler: AnyHandler,
  rawArgs: unknown,
  log: Logger,
): Promise<Envelope<unknown>> {
  // A transport once turned a non-list into [], and a zero-argument call such as workspace:openDemo then ran.
  if (!Array.isArray(rawArgs)) {
    log.warn('Rejected a call without an argument list', { channel });
    return {
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'This call was not made the way CareWindow expects, so nothing was done. Reload the window.',
      },
    };
  }
  const parsed = schema.safeParse(rawArgs);
  if (!parsed.success) {
    log.warn('Rejected a malformed call', { channel, issues: parsed.error.issues.length });
    return { ok: false, error: invalidInput(parsed.error) };
  }
  try {
    const value = await handler(...(parsed.data as unknown[]));
    return { ok: true, value };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toShape() };
    log.error('A call failed unexpectedly', { channel, error: describe(error) });
    return {
      ok: false,
      error: {
        code: 'internal',
        message:
          'Something went wrong inside CareWindow and this action was not completed. Nothing was lost; please try again, and restart the app if it keeps happening.',
      },
    };
  }
}

function invalidInput(error: z.ZodError): AppErrorShape {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    // The first path element is the argument's position; the rest names the field inside it.
    const key = issue.path.slice(1).map(String).join('.') || `argument ${String(issue.path[0] ?? 0)}`;
    fields[key] ??= issue.message;
  }
  const first = error.issues[0];
  return {
    code: 'invalid-input',
    message:
      first && Object.keys(fields).length === 1
        ? first.message
        : 'Some of what was entered is not valid. Check the marked fields.',
    fields,
  };
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
