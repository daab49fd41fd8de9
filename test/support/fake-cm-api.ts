import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A stand-in for CM.com's Business Messaging gateway (POST /v1.0/message) on 127.0.0.1, for the CM.com
 * provider, the account tests and the e2e test. It records every request and answers like the gateway
 * (https://developers.cm.com/messaging/docs/responses-errors-json): a wrong `X-CM-PRODUCTTOKEN` → 400 with
 * errorCode 101; an empty message list → 400 with 203; otherwise 200 with each message "Accepted", unless
 * a test queued another answer (a refusal of each class, a 429, a dropped connection).
 * Loaded by the Playwright tests too: no vitest here.
 */

export interface CmRecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export type CmAnswer =
  | { kind: 'json'; status: number; body: unknown }
  /** messageErrorCode 303: "Gsm '…' is not a number." */
  | { kind: 'invalid-number' }
  /** Cloudflare's answer to too many requests. */
  | { kind: 'rate-limit' }
  /** The socket is destroyed once the request was read: sent, no answer. */
  | { kind: 'drop' };

export const CM_TOKEN = '6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e6f';

export class FakeCmApi {
  readonly requests: CmRecordedRequest[] = [];
  readonly token: string;
  private readonly queued: CmAnswer[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    token: string,
  ) {
    this.token = token;
  }

  static async start(options: { token?: string } = {}): Promise<FakeCmApi> {
    const server = createServer();
    const api = new FakeCmApi(server, options.token ?? CM_TOKEN);
    server.on('connection', (socket) => {
      api.sockets.add(socket);
      socket.on('close', () => api.sockets.delete(socket));
    });
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const body = parsed(text);
        const request = { method: req.method ?? '', path: req.url ?? '/', headers: req.headers, body };
        api.requests.push(request);
        const { status, json } = api.respond(request);
        if (status === -1) {
          req.socket.destroy();
          return;
        }
        const out = JSON.stringify(json);
        res.writeHead(status, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(out),
        });
        res.end(out);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return api;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next message request gets this answer instead of the default. */
  answerNext(answer: CmAnswer): void {
    this.queued.push(answer);
  }

  /** The message requests that carried at least one message (connection tests send none). */
  sends(): CmRecordedRequest[] {
    return this.requests.filter((r) => firstMsg(r.body) !== undefined);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private respond(request: CmRecordedRequest): { status: number; json: unknown } {
    if (request.method !== 'POST' || request.path !== '/v1.0/message') {
      return { status: 404, json: { details: 'Not found' } };
    }
    if (request.headers['x-cm-producttoken'] !== this.token) {
      return {
        status: 400,
        json: { details: 'No account found for the given authentication', errorCode: 101, messages: [] },
      };
    }
    const msg = firstMsg(request.body);
    if (msg === undefined) {
      return {
        status: 400,
        json: { details: "The request's MSG array is incorrect", errorCode: 203, messages: [] },
      };
    }
    const to = numberOf(msg);
    const reference = typeof msg.reference === 'string' ? msg.reference : null;
    const answer = this.queued.shift();
    if (answer?.kind === 'drop') return { status: -1, json: null };
    if (answer?.kind === 'json') return { status: answer.status, json: answer.body };
    if (answer?.kind === 'rate-limit') return { status: 429, json: { details: 'Too many requests' } };
    if (answer?.kind === 'invalid-number') {
      return {
        status: 400,
        json: {
          details: 'Created 0 message(s)',
          errorCode: 201,
          messages: [
            {
              to,
              status: 'Rejected',
              reference,
              parts: 0,
              messageDetails: `Gsm '${to}' is not a number.`,
              messageErrorCode: 303,
            },
          ],
        },
      };
    }
    return {
      status: 200,
      json: {
        details: 'Created 1 message(s)',
        errorCode: 0,
        messages: [
          { to, status: 'Accepted', reference, parts: 1, messageDetails: null, messageErrorCode: 0 },
        ],
      },
    };
  }
}

function parsed(text: string): unknown {
  try {
    return text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

type Msg = { reference?: unknown; to?: unknown };

function firstMsg(body: unknown): Msg | undefined {
  if (typeof body !== 'object' || body === null || !('messages' in body)) return undefined;
  const messages = body.messages;
  if (typeof messages !== 'object' || messages === null || !('msg' in messages)) return undefined;
  const list = messages.msg;
  return Array.isArray(list) && list.length > 0 ? (list[0] as Msg) : undefined;
}

function numberOf(msg: Msg): string {
  const to: unknown = Array.isArray(msg.to) ? msg.to[0] : undefined;
  return typeof to === 'object' && to !== null && 'number' in to && typeof to.number === 'string'
    ? to.number
    : '';
}

/** An incoming WhatsApp message as CM.com posts it (…/docs/incoming-messages, …/docs/whatsapp-inbound). */
export function cmInbound(
  from: string,
  message: Record<string, unknown>,
  options: {
    timeUtc?: string;
    name?: string;
    reference?: string;
    messageContext?: string;
    channel?: string;
  } = {},
): Record<string, unknown> {
  return {
    reference: options.reference ?? '2f2d42ac-3809-40fb-bce5-dc720e400000',
    from: { number: from, name: options.name ?? 'Demo' },
    to: { number: '+31612345678' },
    message,
    groupings: ['', 'messagesApi', ''],
    timeUtc: options.timeUtc ?? '2026-11-24T14:20:00',
    channel: options.channel ?? 'WhatsApp',
    ...(options.messageContext === undefined ? {} : { messageContext: options.messageContext }),
  };
}

/** A status report in CM.com's JSON format (…/docs/incoming-status-report). */
export function cmStatusReport(
  reference: string,
  code: number,
  options: { received?: string; errorCode?: number; errorDescription?: string } = {},
): Record<string, unknown> {
  return {
    messages: {
      msg: {
        received: options.received ?? '2026-11-24T14:21:00',
        to: '0031687654321',
        reference,
        status: {
          code: String(code),
          errorCode: options.errorCode === undefined ? '' : String(options.errorCode),
          errorDescription: options.errorDescription ?? '',
        },
        operator: '',
      },
    },
  };
}
