import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { graphErrorBody, type GraphErrorClass } from './fake-graph-errors';
import { FakeTemplateLibrary } from './fake-graph-templates';
import { FakeMediaLibrary, MEDIA_BYTES_ROUTE, type MediaAnswer } from './fake-graph-media';
import { parseMultipart, type UploadedForm } from './fake-graph-upload';

export { graphErrorBody, type GraphErrorClass } from './fake-graph-errors';

/**
 * A stand-in for Meta's Graph API on 127.0.0.1, for the Cloud API provider, the outbox and the e2e tests.
 * It records every request, answers like the platform by default (a wamid per send, the number's and the
 * account's details, an empty template list) and can be told per route to answer an error of each class,
 * to hold a response until the test releases it, or to drop the connection after reading the request.
 *
 * Error bodies follow the Graph API's shape (`{ error: { message, type, code, error_data: { details } } }`),
 * as on https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes
 */

export interface RecordedRequest {
  method: string;
  /** The path as sent, with the version: `/v26.0/123/messages`. */
  path: string;
  /** The path without the version prefix: `/123/messages`; routes are matched on it. */
  route: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The JSON body, or null when there was none (or it did not parse). */
  body: unknown;
  /** How many bytes the body had (a resumable upload sends raw bytes). */
  bytes: number;
  /** A multipart body (a media upload) taken apart; null for any other. */
  form: UploadedForm | null;
}

export type FakeAnswer =
  | { kind: 'json'; status?: number; body: unknown }
  | { kind: 'error'; error: GraphErrorClass; details?: string }
  /** Not answered until `release()`: a slow platform, for timeouts after the request was sent. */
  | { kind: 'hold' }
  /** The socket is destroyed once the whole request was read: sent, but no answer ever comes. */
  | { kind: 'drop' }
  /** Media (fake-graph-media.ts): metadata JSON or the file's bytes. */
  | MediaAnswer;

export interface FakeGraphOptions {
  phoneNumberId?: string;
  wabaId?: string;
  /** The token the fake accepts; any other bearer token is answered as an invalid token (190). */
  token?: string;
}

interface Route {
  method: string;
  route: string | RegExp;
  answers: FakeAnswer[];
}

interface Held {
  res: ServerResponse;
  request: RecordedRequest;
}

const VERSION_PREFIX = /^\/v\d+\.\d+(?=\/)/;

export class FakeGraphApi {
  readonly requests: RecordedRequest[] = [];
  /** Inbound media files the fake serves at `GET /{media-id}` and their download urls. */
  readonly media = new FakeMediaLibrary();
  /** Templates created through the API, and the header-sample uploads (fake-graph-templates.ts). */
  readonly templates = new FakeTemplateLibrary();
  readonly phoneNumberId: string;
  readonly wabaId: string;
  readonly token: string;
  private readonly routes: Route[] = [];
  private readonly held: Held[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly waiters: { count: number; resolve: () => void }[] = [];
  private sends = 0;
  private uploads = 0;
  private port = 0;

  private constructor(
    private readonly server: Server,
    options: FakeGraphOptions,
  ) {
    this.phoneNumberId = options.phoneNumberId ?? '106540352242922';
    this.wabaId = options.wabaId ?? '102290129340398';
    this.token = options.token ?? 'EAAG-fake-token';
  }

  static async start(options: FakeGraphOptions = {}): Promise<FakeGraphApi> {
    const server = createServer();
    const api = new FakeGraphApi(server, options);
    server.on('connection', (socket) => {
      api.sockets.add(socket);
      socket.on('close', () => api.sockets.delete(socket));
    });
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => api.handle(req.method ?? 'GET', req.url ?? '/', req.headers, chunks, res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api.port = (server.address() as AddressInfo).port;
    return api;
  }

  /** e.g. `http://127.0.0.1:54321`: the provider's base URL setting. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * Answers requests to `route` (without the version, e.g. `/123/messages`) with these answers in turn;
   * the last one repeats. Later calls for the same method and route take precedence.
   */
  answer(method: string, route: string | RegExp, ...answers: FakeAnswer[]): void {
    if (answers.length === 0) throw new Error('FakeGraphApi.answer: give at least one answer');
    this.routes.unshift({ method, route, answers });
  }

  /** Shorthand: the send endpoint of the fake's phone number. */
  answerSend(...answers: FakeAnswer[]): void {
    this.answer('POST', `/${this.phoneNumberId}/messages`, ...answers);
  }

  /** Resolves once at least `count` requests have been recorded (no polling, no sleeps). */
  waitForRequests(count: number): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  /** How many responses are being held. */
  get heldCount(): number {
    return this.held.length;
  }

  /** Answers every held request (default: as the route's default would), returning how many. */
  release(answer?: FakeAnswer): number {
    const held = this.held.splice(0);
    for (const { res, request } of held) this.respond(res, answer ?? this.defaultAnswer(request), request);
    return held.length;
  }

  async stop(): Promise<void> {
    for (const { res } of this.held.splice(0)) res.destroy();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(
    method: string,
    url: string,
    headers: IncomingHttpHeaders,
    chunks: Buffer[],
    res: ServerResponse,
  ): void {
    const parsed = new URL(url, 'http://127.0.0.1');
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      body = null;
    }
    const request: RecordedRequest = {
      method,
      path: parsed.pathname,
      route: parsed.pathname.replace(VERSION_PREFIX, ''),
      query: Object.fromEntries(parsed.searchParams),
      headers,
      body,
      bytes: Buffer.concat(chunks).byteLength,
      form: parseMultipart(headerValue(headers['content-type']), Buffer.concat(chunks)),
    };
    this.requests.push(request);
    for (const waiter of this.waiters.filter((w) => this.requests.length >= w.count)) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    this.respond(res, this.answerFor(request), request);
  }

  private answerFor(request: RecordedRequest): FakeAnswer {
    // The resumable upload's second step authorises with `OAuth <token>` (resumable-upload-api).
    const auth = headerValue(request.headers.authorization);
    if (auth !== `Bearer ${this.token}` && auth !== `OAuth ${this.token}`) {
      return { kind: 'error', error: 'invalid-token' };
    }
    const route = this.routes.find(
      (r) =>
        r.method === request.method &&
        (typeof r.route === 'string' ? r.route === request.route : r.route.test(request.route)),
    );
    if (!route) return this.defaultAnswer(request);
    const answer = route.answers.length > 1 ? route.answers.shift() : route.answers[0];
    return answer ?? this.defaultAnswer(request);
  }

  private respond(res: ServerResponse, answer: FakeAnswer, request: RecordedRequest): void {
    switch (answer.kind) {
      case 'hold':
        this.held.push({ res, request });
        return;
      case 'drop':
        res.socket?.destroy();
        return;
      case 'error': {
        const { status, body } = graphErrorBody(answer.error, answer.details);
        sendJson(res, status, body);
        return;
      }
      case 'json':
        sendJson(res, answer.status ?? 200, answer.body);
        return;
      case 'bytes': {
        res.writeHead(200, { 'content-type': answer.type, 'content-length': answer.body.byteLength });
        if (!answer.dropHalfway) {
          res.end(answer.body);
          return;
        }
        // Half the body, then the connection drops: the client sees the body break off.
        res.write(answer.body.subarray(0, Math.floor(answer.body.byteLength / 2)), () =>
          res.socket?.destroy(),
        );
        return;
      }
    }
  }

  /** What the platform answers when nothing else was configured. */
  private defaultAnswer(request: RecordedRequest): FakeAnswer {
    const { method, route } = request;
    if (method === 'POST' && route === `/${this.phoneNumberId}/messages`) {
      this.sends += 1;
      const to = isRecord(request.body) && typeof request.body.to === 'string' ? request.body.to : '';
      return {
        kind: 'json',
        body: {
          messaging_product: 'whatsapp',
          contacts: [{ input: to, wa_id: to }],
          messages: [{ id: `wamid.fake.${this.sends}` }],
        },
      };
    }
    if (method === 'POST' && route === `/${this.phoneNumberId}/media`) {
      // Upload media answers the new media's id (Cloud API Media reference, "Upload media").
      this.uploads += 1;
      return { kind: 'json', body: { id: `media.upload.${this.uploads}` } };
    }
    if (method === 'GET' && route === `/${this.phoneNumberId}`) {
      return {
        kind: 'json',
        body: {
          display_phone_number: '+31 6 12345678',
          verified_name: 'Bloemen Sanne',
          quality_rating: 'GREEN',
          id: this.phoneNumberId,
        },
      };
    }
    if (method === 'GET' && route === `/${this.wabaId}`) {
      return { kind: 'json', body: { name: 'Bloemen Sanne BV', id: this.wabaId } };
    }
    const bytes = method === 'GET' ? MEDIA_BYTES_ROUTE.exec(request.path) : null;
    const media = bytes
      ? this.media.download(decodeURIComponent(bytes[1] ?? ''))
      : method === 'GET'
        ? this.media.metadata(route.slice(1), this.baseUrl, request.path.split('/')[1] ?? '')
        : null;
    if (media) return media;
    const template = this.templates.answer(request, this.wabaId);
    if (template) return template;
    if (method === 'GET' && route === `/${this.wabaId}/message_templates`) {
      return { kind: 'json', body: { data: [], paging: { cursors: { before: '', after: '' } } } };
    }
    return { kind: 'error', error: 'wrong-id' };
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
