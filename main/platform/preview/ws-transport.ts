import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Envelope } from '../../contract/errors';
import type { EventName, EventPayload } from '../../contract/ipc';
import { describe, type HandlerTransport } from '../../ipc/router';
import type { Logger, Publisher } from '../../services/ports';

type Handler = (args: unknown) => Promise<Envelope<unknown>>;

/** The bridge sends nothing near this; a bigger frame closes its socket (1009) before it is buffered whole. */
export const MAX_FRAME_BYTES = 1024 * 1024;

/** Policy violation: the frame was readable but is not a call from the bridge. */
const NOT_A_CALL = 1008;

interface CallFrame {
  id: number;
  channel: string;
  /** Passed on as sent: the router refuses anything but a list. */
  args: unknown;
}

/** The preview host's stand-in for ipcMain + webContents.send: one WebSocket per page, token-guarded. */
export class WsTransport implements HandlerTransport, Publisher {
  readonly server: WebSocketServer;
  private readonly handlers = new Map<string, Handler>();
  private readonly clients = new Set<WebSocket>();

  constructor(
    private readonly token: string,
    private readonly allowedOrigin: () => string,
    private readonly log: Logger,
  ) {
    this.server = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
    this.server.on('connection', (socket) => this.accept(socket));
  }

  /** Checks a WebSocket upgrade (already known to have a parsable URL): same origin as the page, and the token. */
  authorize(request: IncomingMessage, url: URL): boolean {
    const origin = request.headers.origin;
    return origin === this.allowedOrigin() && sameToken(url.searchParams.get('token'), this.token);
  }

  handle(channel: string, handler: Handler): void {
    this.handlers.set(channel, handler);
  }

  publish<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const frame = JSON.stringify({ event, payload });
    for (const socket of this.clients) if (socket.readyState === socket.OPEN) socket.send(frame);
  }

  close(): void {
    for (const socket of this.clients) socket.terminate();
    this.server.close();
  }

  private accept(socket: WebSocket): void {
    this.clients.add(socket);
    // ws reports an oversized or non-UTF-8 frame as an 'error' and closes that socket itself (1009,
    // 1007); an EventEmitter without an 'error' listener would throw it and stop the whole host.
    socket.on('error', (error) => this.log.warn('Closed a preview socket', { error: error.message }));
    socket.on('close', () => this.clients.delete(socket));
    socket.on('message', (data, isBinary) => {
      const call = isBinary ? null : parseCall(data);
      if (!call) {
        this.log.warn('Closed a preview socket that sent something other than a call');
        socket.close(NOT_A_CALL, 'Not a CareWindow call');
        return;
      }
      this.answer(socket, call).catch((error: unknown) => {
        this.log.error('A preview call could not be answered', { error: describe(error) });
      });
    });
  }

  private async answer(socket: WebSocket, call: CallFrame): Promise<void> {
    const handler = this.handlers.get(call.channel);
    const envelope: Envelope<unknown> = handler
      ? await handler(call.args)
      : { ok: false, error: { code: 'invalid-input', message: `Unknown call: ${call.channel}` } };
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ id: call.id, envelope }));
  }
}

/** A text frame as the bridge sends it, `{ id, channel, args }`; anything else is null. */
function parseCall(data: RawData): CallFrame | null {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : '');
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { id, channel, args } = value as Record<string, unknown>;
  if (!Number.isSafeInteger(id) || typeof channel !== 'string') return null;
  return { id: id as number, channel, args };
}

export function sameToken(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
