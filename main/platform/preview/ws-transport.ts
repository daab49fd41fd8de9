import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Envelope } from '../../contract/errors';
import type { EventName, EventPayload } from '../../contract/ipc';
import type { HandlerTransport } from '../../ipc/router';
import type { Logger, Publisher } from '../../services/ports';

type Handler = (args: unknown[]) => Promise<Envelope<unknown>>;

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
    this.server = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
    this.server.on('connection', (socket) => this.accept(socket));
  }

  /** Checks a WebSocket upgrade: same origin as the page, and the session token. */
  authorize(request: IncomingMessage): boolean {
    const url = new URL(request.url ?? '/', 'http://localhost');
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
    socket.on('close', () => this.clients.delete(socket));
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      void this.answer(socket, Buffer.isBuffer(data) ? data.toString('utf8') : '');
    });
  }

  private async answer(socket: WebSocket, raw: string): Promise<void> {
    let request: { id?: unknown; channel?: unknown; args?: unknown };
    try {
      request = JSON.parse(raw) as typeof request;
    } catch {
      this.log.warn('Dropped a frame that is not JSON');
      return;
    }
    if (typeof request.id !== 'number' || typeof request.channel !== 'string') return;
    const handler = this.handlers.get(request.channel);
    const envelope: Envelope<unknown> = handler
      ? await handler(Array.isArray(request.args) ? request.args : [])
      : { ok: false, error: { code: 'invalid-input', message: `Unknown call: ${request.channel}` } };
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ id: request.id, envelope }));
  }
}

export function sameToken(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
