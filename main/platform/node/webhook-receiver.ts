import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isValidSignature, SIGNATURE_HEADER } from '../../providers/cloud-api/webhook-signature';
import type { Clock, Logger } from '../../services/ports';
import type { InboxEntry } from '../../store/inbox-journal';

/**
 * The local webhook receiver, with the platform's contract
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/create-webhook-endpoint):
 *   GET  ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…  → 200 with the challenge as text when the
 *        token matches, else 403.
 *   POST with X-Hub-Signature-256 over the raw body             → 200 only after the payload is in the
 *        inbox journal on disk; a missing or wrong signature → 401, a body over the limit → 413, a body that
 *        is not JSON → 400, too many at once → 503; none of those stores anything.
 * Meta retries a delivery that was not answered 200 (for a limited time), which is why every refusal is
 * safe and why 200 waits for the disk. Listens on 127.0.0.1 by default: the owner exposes it with a tunnel.
 * Nothing here logs a secret or a body.
 */

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** Bodies over the limit are read (and thrown away) up to here, so the sender reliably gets its 413. */
const DRAIN_LIMIT_BYTES = 32 * 1024 * 1024;
/** Webhooks being written at once; beyond this the platform is asked to come back (503). */
export const DEFAULT_MAX_CONCURRENT = 64;

export interface WebhookJournal {
  append(body: string, receivedAt: number): Promise<InboxEntry>;
}

export interface WebhookReceiverOptions {
  /** 127.0.0.1 unless the owner chose otherwise. */
  host?: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Read on every request, so a new secret or token takes effect without a restart. */
  appSecret: () => string;
  verifyToken: () => string;
  /**
   * Set for a provider that signs nothing (CM.com: its incoming-message and status-report webhooks carry
   * no signature, https://developers.cm.com/messaging/docs/incoming-messages): a POST is then accepted only
   * at `/webhook/<token>`, compared in constant time, and answered 404 anywhere else. The token is the
   * app's own random secret, so only whoever was given the address can post. Absent: the signature decides.
   */
  pathToken?: () => string;
  journal: WebhookJournal;
  clock: Clock;
  /** Called with each stored entry after the 200 was sent: starts processing. */
  onPayload: (entry: InboxEntry) => void;
  log: Logger;
  maxBodyBytes?: number;
  maxConcurrent?: number;
}

type BodyRead = { kind: 'ok'; bytes: Buffer } | { kind: 'too-large'; drained: boolean } | { kind: 'broken' };

export class WebhookReceiver {
  private active = 0;
  private lastReceived: number | null = null;

  private constructor(
    private readonly server: Server,
    private readonly options: WebhookReceiverOptions,
  ) {}

  static async start(options: WebhookReceiverOptions): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server, options);
    server.on('request', (req, res) => void receiver.handle(req, res));
    // A malformed request must not take the app down: drop that connection only.
    server.on('clientError', (_err, socket) => socket.destroy());
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return receiver;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `http://${this.options.host ?? '127.0.0.1'}:${this.port}`;
  }

  /** When the last verified webhook was stored by this receiver, or null. */
  get lastReceivedAt(): number | null {
    return this.lastReceived;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    req.on('error', () => undefined);
    try {
      if (req.method === 'GET') this.verify(req, res);
      else if (req.method === 'POST') await this.receive(req, res);
      else answer(res, 405, 'Method not allowed', { allow: 'GET, POST' });
    } catch {
      this.options.log.error('webhook receiver: request failed');
      if (!res.headersSent) answer(res, 500, 'Internal error');
    }
  }

  private verify(req: IncomingMessage, res: ServerResponse): void {
    // A provider without a subscription handshake (pathToken set) has nothing to verify by GET.
    if (this.options.pathToken !== undefined) {
      answer(res, 405, 'Method not allowed', { allow: 'POST' });
      return;
    }
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const challenge = query.get('hub.challenge');
    const token = this.options.verifyToken();
    const ok =
      query.get('hub.mode') === 'subscribe' &&
      challenge !== null &&
      token !== '' &&
      sameText(query.get('hub.verify_token') ?? '', token);
    if (!ok) {
      this.options.log.warn('webhook verification refused');
      answer(res, 403, 'Forbidden');
      return;
    }
    answer(res, 200, challenge);
  }

  private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const max = this.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    if (this.active >= (this.options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT)) {
      await readBody(req, 0);
      answer(res, 503, 'Busy, try again', { 'retry-after': '1' });
      return;
    }
    this.active++;
    try {
      const body = await readBody(req, max);
      if (body.kind === 'broken') return;
      if (body.kind === 'too-large') {
        this.options.log.warn('webhook refused: body too large');
        answer(res, 413, 'Payload too large', { connection: 'close' });
        if (!body.drained) res.on('finish', () => req.socket.destroy());
        return;
      }
      const pathToken = this.options.pathToken?.() ?? '';
      if (this.options.pathToken !== undefined) {
        if (
          pathToken === '' ||
          !sameText(new URL(req.url ?? '/', 'http://localhost').pathname, `/webhook/${pathToken}`)
        ) {
          this.options.log.warn('webhook refused: not at the secret path');
          answer(res, 404, 'Not found');
          return;
        }
      } else if (!isValidSignature(body.bytes, headerOf(req, SIGNATURE_HEADER), this.options.appSecret())) {
        this.options.log.warn('webhook refused: bad or missing signature');
        answer(res, 401, 'Bad signature');
        return;
      }
      const text = body.bytes.toString('utf8');
      if (!isJson(text)) {
        // Signed but not JSON: refused and not stored; the platform will retry it, and it stays visible.
        this.options.log.warn('webhook refused: signed body is not JSON');
        answer(res, 400, 'Not JSON');
        return;
      }
      const receivedAt = this.options.clock.now();
      const entry = await this.options.journal.append(text, receivedAt);
      this.lastReceived = receivedAt;
      answer(res, 200, 'OK');
      this.options.onPayload(entry);
    } finally {
      this.active--;
    }
  }
}

/** Reads the whole body up to `max` bytes; beyond it, reads on (discarding) up to the drain limit. */
function readBody(req: IncomingMessage, max: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > DRAIN_LIMIT_BYTES) {
      req.pause();
      resolve({ kind: 'too-large', drained: false });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyRead): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
      else chunks.length = 0;
      if (size > DRAIN_LIMIT_BYTES) {
        req.pause();
        settle({ kind: 'too-large', drained: false });
      }
    });
    req.on('end', () =>
      settle(
        size > max ? { kind: 'too-large', drained: true } : { kind: 'ok', bytes: Buffer.concat(chunks) },
      ),
    );
    req.on('aborted', () => settle({ kind: 'broken' }));
    req.on('error', () => settle({ kind: 'broken' }));
  });
}

function answer(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Compares without revealing through timing how much of the token matched. */
function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
